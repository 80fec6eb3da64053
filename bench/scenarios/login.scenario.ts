import { alternate, throughputRows } from '../lib/ab';
import { LOGIN_WARM_UP, loginBodies, runSeconds, userHash, verifyLoop } from '../lib/argon2-baseline';
import { median, round } from '../lib/stats';
import type { Scenario } from '../lib/types';

/** POST /api/v1/auth/login with the right password, a different user each request. */
const scenario: Scenario = {
  name: 'login',
  order: 30,
  description: 'POST /auth/login vs argon2id verify alone (logins/s on one core)',
  async run(ctx) {
    const hash = await userHash(ctx);
    const sql = 'select u.*, t.active as tenant_active from users u left join tenants t on t.id = u.tenant_id where u.email = $1 limit 1';
    await ctx.explain('login', 'user by email with its tenant (AuthService.userByEmail, tenant filter off)', sql, [ctx.users[0].email]);
    const bodies = loginBodies(ctx);
    const seconds = runSeconds(ctx);
    const verifyCpu: number[] = [];
    const pairs = await alternate(
      ctx,
      'login',
      async (w) => {
        const r = await verifyLoop(ctx, hash, seconds(w));
        if (!w) verifyCpu.push(r.cpuMsPerOp);
        return r;
      },
      (w) => ctx.load({ url: `${ctx.app.url}/api/v1/auth/login`, method: 'POST', bodies, connections: ctx.connections, duration: seconds(w) }),
      ctx.app.pid,
      LOGIN_WARM_UP,
    );
    return throughputRows(ctx, 'login', pairs, {
      minRatio: 0.8,
      unit: 'logins/s/core',
      note: `server and baseline pinned to one CPU, so per second = per core; argon2 runs on libuv threads on that CPU; baseline CPU per verify ${round(median(verifyCpu), 2)} ms`,
    });
  },
};
export default scenario;
