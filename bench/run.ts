/**
 * `npm run bench [-- [--smoke] [--no-build] [--profile] [--scaling] [scenario …]]`: the CALLpro benchmark
 * harness. It starts PostgreSQL, builds and starts the production app as a child process,
 * generates data with set-based SQL, then runs every scenario in bench/scenarios (each file
 * `<name>.scenario.ts` default-exports a Scenario) against its baseline, A B A B, and writes
 * bench/results/latest.json (smoke runs: bench/results/tmp/smoke.json) and query plans.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { freePort } from '../backend/src/database/embedded-postgres';
import { explainer, generateData, migrateDatabase, startDatabase } from './lib/database';
import { runLoad } from './lib/load';
import { ROOT, cpuSplit, pinSelfToLoadCpu, startApp, startTsServer, type ServerProcess } from './lib/processes';
import { memoryLine, summaryLine, table, writeJson, type Report } from './lib/report';
import type { BenchContext, Scenario } from './lib/types';

const RESULTS = path.join(ROOT, 'bench/results');
const started = Date.now();
const log = (m: string) => process.stdout.write(`[bench +${Math.round((Date.now() - started) / 1000)}s] ${m}\n`);

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const known = ['--smoke', '--no-build', '--profile', '--scaling'];
  const unknown = [...flags].filter((f) => !known.includes(f));
  if (unknown.length) throw new Error(`unknown option(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return {
    smoke: flags.has('--smoke'),
    build: !flags.has('--no-build'),
    profile: flags.has('--profile'),
    scaling: flags.has('--scaling'),
    only: argv.filter((a) => !a.startsWith('--')),
  };
}

async function loadScenarios(only: string[], scaling: boolean): Promise<Scenario[]> {
  const dir = path.join(__dirname, 'scenarios');
  const all: Scenario[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.scenario.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as { default: Scenario };
    all.push(mod.default);
  }
  all.sort((a, b) => a.order - b.order);
  const missing = only.filter((n) => !all.some((s) => s.name === n));
  if (missing.length) throw new Error(`no scenario ${missing.join(', ')}; there are: ${all.map((s) => s.name).join(', ')}`);
  return only.length ? all.filter((s) => only.includes(s.name)) : all.filter((s) => !s.optIn || scaling);
}

function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return dirty ? `${head}+dirty` : head;
}

async function login(appUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const scenarios = await loadScenarios(args.only, args.scaling);
  pinSelfToLoadCpu();
  log(`CPU split: ${cpuSplit()}`);
  log(`scenarios: ${scenarios.map((s) => s.name).join(', ')}${args.smoke ? ' (smoke: tiny data, no speed asserted)' : ''}`);

  if (args.build) {
    // the API only: the app runs with SERVE_UI=false, and admin-ui/dist is shared (built under a lock)
    log('building the production API bundle (npm run build:api; skip with --no-build)');
    const b = spawnSync('npm', ['run', 'build:api'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('npm run build:api failed');
  } else if (!fs.existsSync(path.join(ROOT, 'dist/backend/main.js'))) {
    throw new Error('--no-build but dist/backend/main.js does not exist');
  }

  const tickets = args.smoke ? 2_000 : 200_000;
  const db = await startDatabase(log);
  const pool = new Pool({ connectionString: db.url, max: 4 });
  const children: ServerProcess[] = [];
  const report: Report = {
    startedAt: new Date(started).toISOString(),
    commit: commit(),
    smoke: args.smoke,
    node: process.version,
    cpuSplit: cpuSplit(),
    dataSize: '',
    rows: [],
    memory: [],
    failures: [],
  };
  try {
    await migrateDatabase(db.url, log);
    const data = await generateData(pool, { tickets, agents: args.smoke ? 10 : 50 }, log);
    const dataSize = `${tickets.toLocaleString('en')} tickets in the tenant + ${tickets.toLocaleString('en')} in another, ${data.users.length} users`;
    report.dataSize = dataSize;

    const profDir = path.join(RESULTS, 'tmp/prof');
    if (args.profile) fs.rmSync(profDir, { recursive: true, force: true });
    log('starting the app (node dist/backend/main.js, NODE_ENV=production)');
    const app = await startApp({ port: await freePort(), inspectPort: await freePort(), databaseUrl: db.url, jwtSecret: 'bench-'.padEnd(48, 'x'), cpuProfDir: args.profile ? profDir : undefined });
    children.push(app);
    log('starting the baseline server (node:http + pg)');
    const agent = data.users.find((u) => u.role === 'agent')!;
    const baseline = await startTsServer('bench/lib/baseline-server.ts', await freePort(), { DATABASE_URL: db.url, TENANT_ID: data.tenantId, POOL_MAX: '10' }, '/ready');
    children.push(baseline);
    report.memory.push({ after: 'start', appRssMb: app.rssMb() });

    const ctx: BenchContext = {
      smoke: args.smoke,
      duration: Number(process.env.BENCH_DURATION) || (args.smoke ? 1 : 6),
      pairs: args.smoke ? 1 : 3,
      connections: 10,
      app,
      baselineUrl: baseline.url,
      db: pool,
      dbUrl: db.url,
      tenantId: data.tenantId,
      otherTenantId: data.otherTenantId,
      users: data.users,
      password: data.password,
      agentToken: '',
      ticketsPerTenant: tickets,
      dataSize,
      load: runLoad,
      explain: explainer(pool, path.join(RESULTS, args.smoke ? 'tmp/plans' : 'plans')),
      login: (email) => login(app.url, email, data.password),
      log,
    };
    for (const s of scenarios) {
      log(`scenario ${s.name}: ${s.description}`);
      const t = Date.now();
      try {
        ctx.agentToken = await ctx.login(agent.email);
        const rows = await s.run(ctx);
        if (!rows.length || rows.some((r) => !Number.isFinite(r.ratio))) throw new Error('produced no ratio');
        report.rows.push(...rows);
      } catch (e) {
        log(`scenario ${s.name} CRASHED: ${e instanceof Error ? e.stack : String(e)}`);
        report.failures.push({ scenario: s.name, error: e instanceof Error ? e.message : String(e) });
        if (app.child.exitCode !== null) {
          log(`the app exited:\n${app.output()}`);
          break;
        }
      }
      report.memory.push({ after: s.name, appRssMb: app.rssMb() });
      log(`scenario ${s.name} took ${Math.round((Date.now() - t) / 1000)} s`);
    }
  } finally {
    log('stopping');
    for (const c of children.reverse()) await c.stop();
    await pool.end();
    await db.stop();
  }

  const scalingOnly = args.only.length === 1 && args.only[0] === 'scaling';
  const out = args.smoke
    ? path.join(RESULTS, 'tmp/smoke.json')
    : scalingOnly
      ? path.join(RESULTS, 'scaling.json')
      : args.only.length
        ? path.join(RESULTS, 'tmp/partial.json')
        : path.join(RESULTS, 'latest.json');
  writeJson(report, out);
  process.stdout.write(`\n${table(report)}\n\n`);
  process.stdout.write(`Data: ${report.dataSize}. CPU: ${report.cpuSplit}. Commit ${report.commit}. Written to ${path.relative(ROOT, out)}.\n`);
  process.stdout.write(`${memoryLine(report)}\n`);
  if (args.profile) process.stdout.write(`CPU profile of the app: ${path.relative(ROOT, path.join(RESULTS, 'tmp/prof'))}/*.cpuprofile (summary: npx tsx bench/profile-summary.ts)\n`);
  process.stdout.write(`Total ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.stdout.write(`${summaryLine(report)}\n`);
  return report.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
