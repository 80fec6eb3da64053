import { alternate, throughputRows } from '../lib/ab';
import { median, round } from '../lib/stats';
import type { LoadResult } from '../lib/load';
import { SERVER_CPU, spawnNodePinned, tsxArgs } from '../lib/processes';
import type { BenchContext, Scenario } from '../lib/types';

/** argon2id verify alone on the server CPU, at its best there (one at a time per CPU: bench/lib/argon2-loop.ts). */
async function verifyLoop(ctx: BenchContext, hash: string, duration: number): Promise<LoadResult & { cpuMsPerOp: number }> {
  const child = spawnNodePinned(SERVER_CPU, tsxArgs('bench/lib/argon2-loop.ts'), {
    HASH: hash,
    PASSWORD: ctx.password,
    DURATION: String(duration),
    CONCURRENCY: String(ctx.connections),
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`argon2 loop failed (${code}): ${err}`);
  return JSON.parse(out.trim()) as LoadResult & { cpuMsPerOp: number };
}

/** POST /api/v1/auth/login with the right password, a different user each request. */
const scenario: Scenario = {
  name: 'login',
  order: 30,
  description: 'POST /auth/login vs argon2id verify alone (logins/s on one core)',
  async run(ctx) {
    const hashRow = await ctx.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [ctx.users[0].id]);
    const hash = hashRow.rows[0].password_hash;
    const sql = 'select u.*, t.active as tenant_active from users u left join tenants t on t.id = u.tenant_id where u.email = $1 limit 1';
    await ctx.explain('login', 'user by email with its tenant (AuthService.userByEmail, tenant filter off)', sql, [ctx.users[0].email]);
    const bodies = ctx.users.map((u) => JSON.stringify({ email: u.email, password: ctx.password }));
    const seconds = (warmup: boolean) => (warmup ? Math.max(1, Math.ceil(ctx.duration / 2)) : ctx.duration);
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
    );
    return throughputRows(ctx, 'login', pairs, {
      minRatio: 0.8,
      unit: 'logins/s/core',
      note: `server and baseline pinned to one CPU, so per second = per core; argon2 runs on libuv threads on that CPU; baseline CPU per verify ${round(median(verifyCpu), 2)} ms`,
    });
  },
};
export default scenario;
