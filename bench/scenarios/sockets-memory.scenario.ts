import { freePort } from '../../backend/src/database/embedded-postgres';
import { startTsServer } from '../lib/processes';
import { closeClients, connectClients } from '../lib/sockets';
import { round } from '../lib/stats';
import type { Scenario } from '../lib/types';

/**
 * Connect/disconnect rounds for the growth check. The first grows the heap to its working size;
 * the last must not be above the second by more than GROWTH_ALLOWED. Every RSS of the app is read
 * right after a full garbage collection (through its inspector): without it RSS climbed ~33 MB a
 * round until V8's next major collection, wherever that fell among the five rounds.
 */
const ROUNDS = 5;
/**
 * 1,000 sockets take about 70 MB, so a leak of a third of them per round would be +70 MB over the
 * three rounds after the second, well above this bound.
 */
const GROWTH_ALLOWED = 1.2;
const settle = () => new Promise((r) => setTimeout(r, 1500));

/**
 * RSS of the app with 1,000 authenticated sockets connected, beside a bare Socket.IO server's;
 * then whether the app keeps memory when the same 1,000 connect and leave again, round after round
 * (RSS with the sockets gone, last round against the first).
 */
const scenario: Scenario = {
  name: 'sockets-memory',
  order: 50,
  description: 'RSS with 1,000 sockets connected vs a bare Socket.IO server; no growth over repeated rounds',
  async run(ctx) {
    const count = ctx.smoke ? 100 : 1000;
    const agents = ctx.users.filter((u) => u.role === 'agent').slice(0, 20);
    const tokens = await Promise.all(agents.map((u) => ctx.login(u.email)));
    const bare = await startTsServer('bench/lib/bare-socket-server.ts', await freePort(), {}, '/ready');
    try {
      const bareIdle = bare.rssMb();
      const appIdle = ctx.app.rssMb();
      ctx.log(`sockets-memory: connecting ${count} clients to the bare server`);
      const bareSockets = await connectClients(bare.url, count, ['unused']);
      await settle();
      const bareRss = bare.rssMb();
      closeClients(bareSockets);
      const connected: number[] = [];
      const afterClose: number[] = [];
      for (let r = 1; r <= ROUNDS; r++) {
        ctx.log(`sockets-memory: round ${r}/${ROUNDS}, connecting ${count} clients to the app`);
        const appSockets = await connectClients(ctx.app.url, count, tokens);
        await settle();
        connected.push(await ctx.app.rssAfterGcMb());
        closeClients(appSockets);
        await settle();
        afterClose.push(await ctx.app.rssAfterGcMb());
        ctx.log(`sockets-memory: round ${r}: RSS ${connected[r - 1]} MB connected, ${afterClose[r - 1]} MB after they left`);
      }
      const warm = afterClose[1];
      const growth = round(afterClose[ROUNDS - 1] / warm, 2);
      return [
        {
          scenario: 'sockets-memory',
          metric: `RSS with ${count} sockets`,
          unit: 'MB',
          app: connected[0],
          baseline: bareRss,
          ratio: round(connected[0] / bareRss, 2),
          pairRatios: [round(connected[0] / bareRss, 2)],
          pass: null,
          dataSize: `${count} sockets`,
          note: `before connecting: app ${appIdle} MB, bare ${bareIdle} MB`,
        },
        {
          scenario: 'sockets-memory',
          metric: `RSS after ${ROUNDS} rounds of ${count} sockets connecting and leaving`,
          unit: 'MB',
          app: afterClose[ROUNDS - 1],
          baseline: warm,
          ratio: growth,
          pairRatios: afterClose.slice(2).map((mb) => round(mb / warm, 2)),
          target: `≤ ${GROWTH_ALLOWED}× round 2 (no growth)`,
          pass: growth <= GROWTH_ALLOWED,
          dataSize: `${count} sockets × ${ROUNDS} rounds`,
          note: `baseline = the app's RSS after round 2 (round 1 warms up); after each round: ${afterClose.join(' / ')} MB, connected: ${connected.join(' / ')} MB`,
        },
      ];
    } finally {
      await bare.stop();
    }
  },
};
export default scenario;
