import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../../backend/src/database/embedded-postgres';
import { migrate } from '../../backend/src/database/migrate';
import { hashPassword } from '../../backend/src/auth/passwords';
import { generateApiKeySecret } from '../../backend/src/api-keys/api-key-secret';
import { pinTreeToLoadCpu } from './processes';
import type { BenchUser } from './types';

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

/** BENCH_DATABASE_URL as given, or a fresh embedded PostgreSQL in a temp dir removed afterwards. */
export async function startDatabase(log: (m: string) => void): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    log('using BENCH_DATABASE_URL');
    return { url: given, stop: async () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpro-bench-'));
  log(`starting embedded PostgreSQL in ${dir}`);
  const db = await startEmbeddedPostgres(dir, 'callpro_bench', log);
  const postmaster = Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (!pinTreeToLoadCpu(postmaster)) log('PostgreSQL not pinned (no taskset): it shares the CPUs with the server');
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function migrateDatabase(url: string, log: (m: string) => void): Promise<void> {
  log('running migrations');
  await migrate(url, log);
}

export interface GeneratedData {
  tenantId: string;
  otherTenantId: string;
  users: BenchUser[];
  password: string;
}

export const BENCH_PASSWORD = 'bench-password-1';

const SUBJECTS = ['Refund request', 'Billing question', 'Cannot log in', 'Delivery late', 'Change of address',
  'Cancel subscription', 'Invoice copy', 'Damaged item', 'Upgrade plan', 'Callback wanted'];

/**
 * Set-based data (generate_series, never through the API): two tenants with `tickets` tickets each,
 * agents assigned round-robin, statuses and priorities spread, updated_at spread over a year.
 * "refund" is in one subject in ten (the search scenario's word). Every user has `password`.
 */
export async function generateData(pool: Pool, o: { tickets: number; agents: number }, log: (m: string) => void): Promise<GeneratedData> {
  const password = BENCH_PASSWORD;
  const passwordHash = await hashPassword(password);
  const run = Date.now().toString(36);
  const tenants = await pool.query<{ id: string }>(
    `insert into tenants (id, name, slug, settings) values
       (gen_random_uuid(), 'Bench', $1, '{"missedCallFollowUp": true}'),
       (gen_random_uuid(), 'Other', $2, '{"missedCallFollowUp": true}')
     returning id`,
    [`bench-${run}`, `other-${run}`],
  );
  const [tenantId, otherTenantId] = tenants.rows.map((r) => r.id);
  await withoutSecondaryIndexes(pool, 'tickets', log, async () => {
    for (const [tid, label] of [[tenantId, 'bench'], [otherTenantId, 'other']]) {
      await generateTenantData(pool, { ...o, tenantId: tid, label: `${label}-${run}`, passwordHash }, log);
    }
  });
  log('vacuum analyze');
  await pool.query('vacuum analyze tickets');
  await pool.query('vacuum analyze users');
  const users = await pool.query<BenchUser>(`select id, email, role from users where tenant_id = $1 order by email`, [tenantId]);
  return { tenantId, otherTenantId, users: users.rows, password };
}

/**
 * Runs `fill` with `table`'s indexes that back no constraint dropped, then builds them again, each
 * from its own definition: building an index over hundreds of thousands of rows once is several
 * times faster than updating it row by row (data generation was most of a full run's setup on a
 * slow VM: 2,000,000 calls 260 -> 160 s).
 */
export async function withoutSecondaryIndexes(pool: Pool, table: string, log: (m: string) => void, fill: () => Promise<void>): Promise<void> {
  const { rows } = await pool.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = 'public' and i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [table],
  );
  for (const { name } of rows) await pool.query(`drop index "${name}"`);
  try {
    await fill();
  } finally {
    // also after a failed fill: a BENCH_DATABASE_URL database must not be left without them
    await buildIndexes(pool, table, rows.map((r) => r.definition), log);
  }
}

async function buildIndexes(pool: Pool, table: string, definitions: string[], log: (m: string) => void): Promise<void> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query(`set maintenance_work_mem = '256MB'`);
    for (const definition of definitions) await client.query(definition);
  } finally {
    client.release();
  }
  log(`  ${definitions.length} indexes of ${table} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A new tenant with `tickets` tickets and `calls` call logs (the scaling runs), every user with the bench password. */
export async function generateTenant(pool: Pool, o: { tickets: number; calls: number; agents: number; label: string }, log: (m: string) => void): Promise<{ tenantId: string; users: BenchUser[] }> {
  const slug = `${o.label}-${Date.now().toString(36)}`;
  const [{ id: tenantId }] = (await pool.query<{ id: string }>(`insert into tenants (id, name, slug, settings) values (gen_random_uuid(), $1, $1, '{"missedCallFollowUp": true}') returning id`, [slug])).rows;
  await generateTenantData(pool, { ...o, tenantId, label: slug, passwordHash: await hashPassword(BENCH_PASSWORD) }, log);
  if (o.calls) {
    const t = Date.now();
    await pool.query(
      `with agents as (select array_agg(id order by email) as ids from users where tenant_id = $1 and role = 'agent')
       insert into call_logs (id, tenant_id, direction, status, outcome, from_number, to_number, started_at, answered_at, ended_at, talk_seconds, ring_seconds, agent_id, source)
       select gen_random_uuid(), $1, 'inbound', 'completed', 'answered', '+1415' || lpad((i % 9000000)::text, 7, '0'), '+14155550100',
              now() - make_interval(secs => i * 60), now() - make_interval(secs => i * 60 - 5), now() - make_interval(secs => i * 60 - 65), 60, 5,
              agents.ids[1 + i % array_length(agents.ids, 1)], 'api'
         from agents, generate_series(1, $2::int) i`,
      [tenantId, o.calls],
    );
    log(`  ${o.calls.toLocaleString('en')} call logs in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  await pool.query('vacuum analyze tickets');
  await pool.query('vacuum analyze call_logs');
  const users = await pool.query<BenchUser>(`select id, email, role from users where tenant_id = $1 order by email`, [tenantId]);
  return { tenantId, users: users.rows };
}

async function generateTenantData(
  pool: Pool,
  o: { tickets: number; agents: number; tenantId: string; label: string; passwordHash: string },
  log: (m: string) => void,
): Promise<void> {
  const [tid, passwordHash] = [o.tenantId, o.passwordHash];
  {
    log(`generating ${o.agents + 2} users and ${o.tickets.toLocaleString('en')} tickets in tenant ${o.label}`);
    await pool.query(
      `insert into users (id, tenant_id, name, email, role, password_hash)
       select gen_random_uuid(), $1, initcap(r::text) || ' ' || i, r::text || i || '@' || $2 || '.bench.test', r, $3
         from (select 'org_admin'::user_role as r, 1 as i union all select 'supervisor', 1
               union all select 'agent', g from generate_series(1, $4::int) g) u`,
      [tid, o.label, passwordHash, o.agents],
    );
    const started = Date.now();
    await pool.query(
      `with agents as (select array_agg(id order by email) as ids from users where tenant_id = $1 and role = 'agent')
       insert into tickets (id, tenant_id, number, subject, description, status, priority, channel, tags,
                            requester_name, requester_phone, requester_email, assignee_id, created_at, updated_at)
       select gen_random_uuid(), $1, i,
              ($3::text[])[1 + i % 10] || ' ' || i,
              'Customer wrote about order ' || (i::bigint * 7919 % 100000) || '; please check and answer.',
              (array['new','open','pending','resolved','closed'])[1 + i % 5]::ticket_status,
              (array['low','normal','normal','high','urgent'])[1 + i % 5]::ticket_priority,
              (array['phone','email','web','api'])[1 + i % 4]::ticket_channel,
              case when i % 3 = 0 then array['vip'] else '{}' end,
              'Customer ' || i, '+1415' || lpad((i % 10000000)::text, 7, '0'), 'customer' || i || '@example.com',
              case when i % 7 = 0 then null else agents.ids[1 + i % array_length(agents.ids, 1)] end,
              now() - make_interval(secs => i * 60), now() - make_interval(secs => i * 31)
         from agents, generate_series(1, $2::int) i`,
      [tid, o.tickets, SUBJECTS],
    );
    await pool.query(`insert into ticket_counters (tenant_id, last_number) values ($1, $2)`, [tid, o.tickets]);
    log(`  ${o.tickets.toLocaleString('en')} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** A live API key of the tenant with the `calls:write` scope, stored as the app stores one (hash and prefix); returns the secret. */
export async function createApiKey(pool: Pool, tenantId: string, name: string): Promise<string> {
  const { secret, hash, prefix } = generateApiKeySecret();
  await pool.query(
    `insert into api_keys (id, tenant_id, name, scopes, prefix, secret_hash) values (gen_random_uuid(), $1, $2, array['calls:write'], $3, $4)`,
    [tenantId, name, prefix, hash],
  );
  return secret;
}

/** Writes EXPLAIN (ANALYZE, BUFFERS) of the hot queries; the first write of a file in a run truncates it. */
export function explainer(pool: Pool, dir: string) {
  const written = new Set<string>();
  fs.mkdirSync(dir, { recursive: true });
  return async (file: string, title: string, sql: string, params: unknown[]): Promise<void> => {
    const res = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
    const text = `-- ${title}\n${sql}\n-- params: ${JSON.stringify(params)}\n\n${res.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\n`;
    const target = path.join(dir, `${file}.txt`);
    if (written.has(file)) fs.appendFileSync(target, text);
    else fs.writeFileSync(target, text);
    written.add(file);
  };
}
