import { freePort } from '../../backend/src/database/embedded-postgres';
import { startTsServer } from '../lib/processes';
import { closeClients, connectClients } from '../lib/sockets';
import { round } from '../lib/stats';
import type { Scenario } from '../lib/types';

/** RSS of the app with 1,000 authenticated sockets connected, beside a bare Socket.IO server's. */
const scenario: Scenario = {
  name: 'sockets-memory',
  order: 50,
  description: 'RSS with 1,000 sockets connected vs a bare Socket.IO server',
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
      await new Promise((r) => setTimeout(r, 1000));
      const bareRss = bare.rssMb();
      closeClients(bareSockets);
      ctx.log(`sockets-memory: connecting ${count} clients to the app`);
      const appSockets = await connectClients(ctx.app.url, count, tokens);
      await new Promise((r) => setTimeout(r, 1000));
      const appRss = ctx.app.rssMb();
      closeClients(appSockets);
      return [
        {
          scenario: 'sockets-memory',
          metric: `RSS with ${count} sockets`,
          unit: 'MB',
          app: appRss,
          baseline: bareRss,
          ratio: round(appRss / bareRss, 2),
          pairRatios: [round(appRss / bareRss, 2)],
          pass: null,
          dataSize: `${count} sockets`,
          note: `before connecting: app ${appIdle} MB, bare ${bareIdle} MB`,
        },
      ];
    } finally {
      await bare.stop();
    }
  },
};
export default scenario;
