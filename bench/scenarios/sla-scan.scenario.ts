import readline from 'node:readline';
import type { Pool } from 'pg';
import { SLA_BATCH, SLA_DUE_SQL, SLA_MAX_BATCHES, SLA_TENANT_TICKETS_SQL } from '../../backend/src/sla/sla.job';
import { outboxDrained } from '../lib/outbox';
import { SERVER_CPU, spawnNodePinned, tsxArgs } from '../lib/processes';
import { median, round } from '../lib/stats';
import type { BenchContext, ResultRow, Scenario } from '../lib/types';

/** One tenant of open tickets under an SLA policy, one in a hundred due at every reset. */
interface SlaTenant {
  tenantId: string;
  open: number;
  due: number;
}

const DUE_EVERY = 100;
/** Ticks run, unmeasured, at each size before the measured pairs. */
const WARM_UP_TICKS = 3;

/**
 * Open tickets whose resolution clock runs (due in a week), set-based. `reset` makes every
 * hundredth one due a minute ago in a new cycle (new cycle: its breach is a new alert).
 */
async function generateSlaTenant(db: Pool, open: number, label: string): Promise<SlaTenant> {
  const run = `${label}-${Date.now().toString(36)}`;
  const [{ id: tenantId }] = (await db.query<{ id: string }>(`insert into tenants (id, name, slug, settings) values (gen_random_uuid(), $1, $1, '{"missedCallFollowUp": true}') returning id`, [`sla-${run}`])).rows;
  await db.query(
    `insert into users (id, tenant_id, name, email, role, password_hash)
     select gen_random_uuid(), $1, r::text, r::text || '@' || $2 || '.bench.test', r, 'unused'
       from unnest(array['org_admin', 'supervisor', 'agent']::user_role[]) r`,
    [tenantId, `sla-${run}`],
  );
  await db.query(
    `insert into sla_policies (id, tenant_id, name, position, resolution_minutes, warn_at_percent, pause_statuses)
     values (gen_random_uuid(), $1, 'Bench', 1, 480, '{}', '{}')`,
    [tenantId],
  );
  await db.query(
    `with p as (select id from sla_policies where tenant_id = $1), a as (select id from users where tenant_id = $1 and role = 'agent')
     insert into tickets (id, tenant_id, number, subject, status, priority, channel, assignee_id, created_at, updated_at,
                          sla_policy_id, sla, sla_next_due_at)
     select gen_random_uuid(), $1, i, 'SLA bench ' || i, 'open', 'normal', 'phone', a.id, now() - interval '1 hour', now() - interval '1 hour',
            p.id, jsonb_build_object('resolution', jsonb_build_object('status', 'active', 'startedAt', to_jsonb(now() - interval '1 hour'),
              'cycle', 1, 'targetMinutes', 480, 'pausedMinutes', 0, 'dueAt', to_jsonb(now() + interval '7 days'), 'metAt', null, 'warnings', '[]'::jsonb)),
            now() + interval '7 days'
       from p, a, generate_series(1, $2::int) i`,
    [tenantId, open],
  );
  await db.query(`insert into ticket_counters (tenant_id, last_number) values ($1, $2)`, [tenantId, open]);
  return { tenantId, open, due: Math.floor(open / DUE_EVERY) };
}

/** Makes 1% of the tenant's tickets due now, in cycle `cycle`. */
async function reset(db: Pool, t: SlaTenant, cycle: number): Promise<void> {
  await db.query(
    `update tickets set status = 'open',
            sla = jsonb_set(jsonb_set(jsonb_set(sla, '{resolution,status}', '"active"'), '{resolution,cycle}', to_jsonb($2::int)),
                            '{resolution,dueAt}', to_jsonb(now() - interval '1 minute')),
            sla_next_due_at = now() - interval '1 minute'
      where tenant_id = $1 and number % ${DUE_EVERY} = 0`,
    [t.tenantId, cycle],
  );
}

/**
 * The job's own SQL without the app around it: per batch of SLA_BATCH (the job's), the scan lock,
 * the due-ticket select (SLA_DUE_SQL, the same text) and one set-based write marking them breached.
 */
async function rawScan(db: Pool): Promise<number> {
  const started = process.hrtime.bigint();
  const dueSql = SLA_DUE_SQL.replace('?', '$1').replace('?', '$2');
  const client = await db.connect();
  try {
    for (let batch = 0; batch < SLA_MAX_BATCHES; batch++) {
      await client.query('begin');
      await client.query(`select pg_try_advisory_xact_lock(hashtext('callpro:sla-job'))`);
      const { rows } = await client.query<{ id: string }>(dueSql, [new Date(), SLA_BATCH]);
      await client.query(
        `update tickets set sla = jsonb_set(sla, '{resolution,status}', '"breached"'), sla_next_due_at = null, sla_next_warn_at = null where id = any($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      await client.query('commit');
      if (rows.length < SLA_BATCH) break;
    }
  } finally {
    client.release();
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The plans of the tick's reads: the scan (the body of sla_due_tickets, which SLA_DUE_SQL calls:
 * explaining the call would show a function scan only) and one tenant's share of a batch.
 */
async function explainTick(ctx: BenchContext, t: SlaTenant): Promise<void> {
  const size = `${t.open.toLocaleString('en')} open, ${t.due} due`;
  const [{ body }] = (await ctx.db.query<{ body: string }>(`select prosrc as body from pg_proc where proname = 'sla_due_tickets'`)).rows;
  await ctx.explain('sla-scan', `due tickets, ${size} (body of sla_due_tickets, called by SLA_DUE_SQL)`, body.replace(/\bp_now\b/g, '$1').replace(/\bp_limit\b/g, '$2'), [new Date(), SLA_BATCH]);
  const ids = (await ctx.db.query<{ id: string }>(`select id from tickets where tenant_id = $1 and number % ${DUE_EVERY} = 0 limit ${SLA_BATCH}`, [t.tenantId])).rows.map((r) => r.id);
  await ctx.explain('sla-scan', `one tenant's due tickets of a batch, ${size} (SLA_TENANT_TICKETS_SQL)`, SLA_TENANT_TICKETS_SQL.replace('?', '$1').replace('?', '$2'), [t.tenantId, `{${ids.join(',')}}`]);
}

/** The production build's SlaJob in a child on the server CPU; `tick()` runs it once. */
async function startTicker(ctx: BenchContext) {
  const env = { DATABASE_URL: ctx.dbUrl, JWT_SECRET: 'bench-'.padEnd(48, 'x'), NODE_ENV: 'production', SLA_JOB_ENABLED: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'error', REDIS_URL: '', SERVE_UI: 'false' };
  const child = spawnNodePinned(SERVER_CPU, tsxArgs('bench/lib/sla-tick.ts'), env, 'pipe', 'pipe');
  if (!child.stdin || !child.stdout || !child.stderr) throw new Error('SLA tick process without pipes');
  const { stdin } = child;
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`SLA tick process ended: ${err}`);
    return value as string;
  };
  const first = await next();
  if (first !== 'ready') throw new Error(`SLA tick process: ${first} ${err}`);
  return {
    async tick(): Promise<{ ms: number; cpuMs: number; tickets: number; alerts: number }> {
      stdin.write('tick\n');
      return JSON.parse(await next()) as { ms: number; cpuMs: number; tickets: number; alerts: number };
    },
    async stop(): Promise<void> {
      stdin.end('quit\n');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * One SLA job tick (SlaJob.runOnce of the production build: scan, rules, alerts, notifications,
 * outbox) with 1% of the open tickets due, at 10,000 and at 100,000 open tickets, against the
 * job's own SQL run raw. The scan goes through the index on least(warn, due), so the tick's cost
 * per due ticket should not move with the number of open ones.
 */
const scenario: Scenario = {
  name: 'sla-scan',
  order: 60,
  description: 'SLA job tick, 1% of the open tickets due, 10k and 100k open vs the job SQL raw',
  async run(ctx) {
    const sizes = ctx.smoke ? [1_000, 5_000] : [10_000, 100_000];
    const tenants: SlaTenant[] = [];
    for (const size of sizes) {
      ctx.log(`sla-scan: generating ${size.toLocaleString('en')} open tickets with a running SLA`);
      tenants.push(await generateSlaTenant(ctx.db, size, `${size}`));
    }
    await ctx.db.query('vacuum analyze tickets');
    const ticker = await startTicker(ctx);
    let cycle = 1;
    const perSize: { t: SlaTenant; app: number[]; base: number[] }[] = [];
    try {
      for (const t of tenants) {
        await reset(ctx.db, t, ++cycle);
        await explainTick(ctx, t);
        const app: number[] = [];
        const base: number[] = [];
        // warm-up pairs (the job runs every 15 s for the app's life: its code is optimised by V8
        // after a few ticks, and a tick's CPU halves), then A B A B
        for (let k = -WARM_UP_TICKS; k < ctx.pairs; k++) {
          await reset(ctx.db, t, ++cycle);
          const b = await rawScan(ctx.db);
          await reset(ctx.db, t, ++cycle);
          // the app relays the previous tick's alerts on the same CPU: measure a tick, not its tail
          await outboxDrained(ctx.db);
          const a = await ticker.tick();
          if (a.tickets !== t.due) throw new Error(`the tick handled ${a.tickets} tickets, expected ${t.due}`);
          if (a.alerts !== t.due) throw new Error(`the tick raised ${a.alerts} alerts, expected ${t.due}`);
          if (k < 0) continue;
          ctx.log(`sla-scan: ${t.open} open: raw ${round(b, 1)} ms, app tick ${round(a.ms, 1)} ms (${round(a.cpuMs, 1)} ms of it the job process's CPU; ${a.tickets} tickets)`);
          base.push(b);
          app.push(a.ms);
        }
        perSize.push({ t, app, base });
      }
    } finally {
      await ticker.stop();
    }
    const rows: ResultRow[] = perSize.map(({ t, app, base }) => {
      const ratios = app.map((a, i) => round(a / base[i], 2));
      const appMs = round(median(app), 1);
      return {
        scenario: 'sla-scan',
        metric: `tick, ${t.open.toLocaleString('en')} open, ${t.due} due`,
        unit: 'ms',
        app: appMs,
        baseline: round(median(base), 1),
        ratio: median(ratios),
        pairRatios: ratios,
        target: '< 200 ms',
        pass: appMs < 200,
        dataSize: `${t.open.toLocaleString('en')} open tickets in the tenant, 1% due`,
        note: `ratio = app time / raw time (lower is better); raw = lock + due select + one set-based write per batch of ${SLA_BATCH}`,
      };
    });
    const [small, large] = perSize;
    const perDue = (p: (typeof perSize)[number]) => median(p.app) / p.t.due;
    const ratio = round(perDue(large) / perDue(small), 2);
    rows.push({
      scenario: 'sla-scan',
      metric: `ms per due ticket, ${large.t.open.toLocaleString('en')} vs ${small.t.open.toLocaleString('en')} open`,
      unit: 'ms',
      app: round(perDue(large), 3),
      baseline: round(perDue(small), 3),
      ratio,
      pairRatios: [ratio],
      target: '≈ 1 (cost tracks due tickets, not open ones)',
      pass: ratio <= 1.5,
      dataSize: `${small.t.open.toLocaleString('en')} and ${large.t.open.toLocaleString('en')} open tickets, 1% due`,
      note: 'app = the larger tenant, baseline = the smaller; 1.0 = the same cost per due ticket',
    });
    return rows;
  },
};
export default scenario;
