import { freePort } from '../../backend/src/database/embedded-postgres';
import { alternate } from '../lib/ab';
import { callerNumber, completedCall } from '../lib/call-ingest-load';
import { outboxDrained } from '../lib/outbox';
import { startTsServer } from '../lib/processes';
import { closeClients, connectClients, measureFanOut } from '../lib/sockets';
import { median, percentiles, round } from '../lib/stats';
import type { Percentiles, ResultRow, Scenario } from '../lib/types';

/**
 * A call stored through POST /api/v1/call-logs by an agent (commit → outbox → NOTIFY → gateway)
 * reaching every connected supervisor/admin client of the tenant as `call-log.created`, against a
 * bare Socket.IO server emitting to as many sockets. Latency: trigger request sent → event
 * received, per client.
 */
const scenario: Scenario = {
  name: 'live-events',
  order: 40,
  description: 'call-log.created to connected clients vs a bare Socket.IO server',
  async run(ctx) {
    const clients = ctx.smoke ? 20 : 200;
    const events = ctx.smoke ? 5 : 25;
    // agents only receive their own calls' events; supervisors and admins receive every call's
    const readers = ctx.users.filter((u) => u.role === 'supervisor' || u.role === 'org_admin');
    const tokens = await Promise.all(readers.map((u) => ctx.login(u.email)));
    const bare = await startTsServer('bench/lib/bare-socket-server.ts', await freePort(), {}, '/ready');
    try {
      // an outbox backlog (a scenario before this one) would be relayed during the handshakes and measured as latency
      await outboxDrained(ctx.db, 180_000);
      ctx.log(`live-events: connecting ${clients} clients to each server`);
      const bareSockets = await connectClients(bare.url, clients, ['unused']);
      const appSockets = await connectClients(ctx.app.url, clients, tokens);
      try {
        const post = async (url: string, headers: Record<string, string>, body: unknown) => {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
          if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
          return ((await res.json()) as { id: string }).id;
        };
        const creator = { authorization: `Bearer ${ctx.agentToken}` };
        let n = 0;
        // the agent's own call (no agentId), a new caller each time
        const call = () => completedCall(callerNumber(4_000_000 + ++n), undefined, 1 + n / 60);
        const pairs = await alternate(
          ctx,
          'live-events',
          (w) => measureFanOut(bareSockets, 'ticket.created', w ? 3 : events, () => post(`${bare.url}/emit`, {}, {})),
          (w) => measureFanOut(appSockets, 'call-log.created', w ? 3 : events, () => post(`${ctx.app.url}/api/v1/call-logs`, creator, call())),
        );
        const app = pairs.app.map(percentiles);
        const base = pairs.baseline.map(percentiles);
        const row = (metric: 'p50' | 'p99', limit: number): ResultRow => {
          const ratios = app.map((a, i) => round(a[metric] / base[i][metric], 2));
          const appMedian = round(median(app.map((a) => a[metric])), 1);
          const med = (xs: Percentiles[]): Percentiles => ({
            p50: round(median(xs.map((x) => x.p50)), 1),
            p95: round(median(xs.map((x) => x.p95)), 1),
            p99: round(median(xs.map((x) => x.p99)), 1),
          });
          return {
            scenario: 'live-events',
            metric: `${metric} latency, ${clients} clients`,
            unit: 'ms',
            app: appMedian,
            baseline: round(median(base.map((b) => b[metric])), 1),
            ratio: median(ratios),
            pairRatios: ratios,
            appLatency: med(app),
            baselineLatency: med(base),
            target: `< ${limit} ms`,
            pass: appMedian < limit,
            dataSize: `${ctx.dataSize}; ${events} events × ${clients} clients per run`,
            note: 'trigger request sent → event received by each client',
          };
        };
        return [row('p50', 50), row('p99', 250)];
      } finally {
        closeClients(bareSockets);
        closeClients(appSockets);
      }
    } finally {
      await bare.stop();
    }
  },
};
export default scenario;
