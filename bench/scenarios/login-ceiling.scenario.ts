import { freePort } from '../../backend/src/database/embedded-postgres';
import { alternate, throughputRows } from '../lib/ab';
import { LOGIN_WARM_UP, loginBodies, runSeconds, userHash, verifyLoop } from '../lib/argon2-baseline';
import type { LoadResult } from '../lib/load';
import { startTsServer } from '../lib/processes';
import type { Scenario } from '../lib/types';

/**
 * Opt-in (`npm run bench -- login-ceiling`): how close to argon2 alone a login can come at all. A
 * framework-free login server (bench/lib/raw-login-server.ts: the app's two statements, its
 * argon2 slots, an HMAC JWT) against argon2 verify alone; then the app against that server. The
 * login scenario's 0.8 target sits where the first ratio lands on these machines.
 */
const scenario: Scenario = {
  name: 'login-ceiling',
  order: 31,
  optIn: true,
  description: 'a framework-free login server vs argon2id verify alone, and the app vs that server (opt-in)',
  async run(ctx) {
    const hash = await userHash(ctx);
    const bodies = loginBodies(ctx);
    const seconds = runSeconds(ctx);
    const raw = await startTsServer('bench/lib/raw-login-server.ts', await freePort(), { DATABASE_URL: ctx.dbUrl }, '/ready');
    try {
      const loginAt = (url: string) => (w: boolean) => ctx.load({ url, method: 'POST', bodies, connections: ctx.connections, duration: seconds(w) });
      const rawLogin = loginAt(raw.url);
      const ceiling = await alternate<LoadResult>(ctx, 'login-ceiling (raw login vs argon2 alone)', (w) => verifyLoop(ctx, hash, seconds(w)), rawLogin, raw.pid, LOGIN_WARM_UP);
      const app = await alternate<LoadResult>(ctx, 'login-ceiling (app vs raw login)', rawLogin, loginAt(`${ctx.app.url}/api/v1/auth/login`), ctx.app.pid, LOGIN_WARM_UP);
      const rows = [
        ...throughputRows(ctx, 'login-ceiling', ceiling, { unit: 'logins/s/core', note: 'the "app" column is the framework-free login server (bench/lib/raw-login-server.ts); no target: how near argon2 alone any login gets; its CPU per request is the raw server\'s' }),
        ...throughputRows(ctx, 'login-ceiling', app, { unit: 'logins/s/core', note: 'the baseline column is the framework-free login server; no target' }),
      ];
      rows[0].metric = 'raw login vs argon2 alone';
      rows[1].metric = 'app login vs raw login';
      return rows;
    } finally {
      await raw.stop();
    }
  },
};
export default scenario;
