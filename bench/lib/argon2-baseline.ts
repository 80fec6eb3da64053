import { spawnNodePinned, SERVER_CPU, tsxArgs } from './processes';
import type { LoadResult } from './load';
import type { WarmUp } from './ab';
import type { BenchContext } from './types';

/** argon2id verify alone on the server CPU, at its best there (one at a time per CPU: bench/lib/argon2-loop.ts). */
export async function verifyLoop(ctx: BenchContext, hash: string, duration: number): Promise<LoadResult & { cpuMsPerOp: number }> {
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

/** A bench user's stored argon2id hash (every bench user has the same password). */
export async function userHash(ctx: BenchContext): Promise<string> {
  const row = await ctx.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [ctx.users[0].id]);
  return row.rows[0].password_hash;
}

/** Login request bodies, a different user each request. */
export const loginBodies = (ctx: BenchContext): string[] => ctx.users.map((u) => JSON.stringify({ email: u.email, password: ctx.password }));

/** Seconds of one run: warm-ups are half as long. */
export const runSeconds = (ctx: BenchContext) => (warmup: boolean) => (warmup ? Math.max(1, Math.ceil(ctx.duration / 2)) : ctx.duration);

/** Logins come at ~100/s per core: their code needs a long warm-up before V8 has optimised it. */
export const LOGIN_WARM_UP: WarmUp = { untilSteadyMaxSeconds: 60 };
