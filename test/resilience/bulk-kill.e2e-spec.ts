import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { customToken } from '../support/sockets';
import { answeredCall } from '../e2e/call-logs.fixtures';
import { call, ensureBuiltApp, eventually, openOrm, sleep, startAppProcess, startPrivatePostgres, type AppProcess, type Outcome, type PrivatePostgres } from './harness';

const ITEMS = 1000;
const MINUTE = 60_000;

/**
 * An instance SIGKILLed in the middle of `POST /call-logs/bulk` (1,000 items, Idempotency-Key),
 * then the same request retried against a freshly started instance: every externalId is stored
 * exactly once, whatever the killed instance had done.
 */
describe('resilience: instance killed mid bulk ingestion', () => {
  let pg: PrivatePostgres;
  let orm: MikroORM;
  let f: TenantFixture;
  let apiKey: string;
  const apps: AppProcess[] = [];

  const start = async () => {
    const app = await startAppProcess(pg.url, { SLA_JOB_ENABLED: 'false' });
    apps.push(app);
    return app;
  };
  const batch = (prefix: string) => {
    const begin = Date.now() - 2 * 24 * 60 * MINUTE;
    return Array.from({ length: ITEMS }, (_, n) =>
      answeredCall({
        externalId: `${prefix}-${n}`,
        fromNumber: `+1415555${String(1000 + n).padStart(4, '0')}`,
        startedAt: new Date(begin + n * MINUTE).toISOString(),
        answeredAt: new Date(begin + n * MINUTE + 3_000).toISOString(),
        endedAt: new Date(begin + n * MINUTE + 60_000).toISOString(),
        agentId: n % 2 ? f.agent.id : f.agent2.id,
      }),
    );
  };
  const post = (app: AppProcess, key: string, items: unknown[]) =>
    call(`${app.url}/api/v1/call-logs/bulk`, { method: 'POST', headers: { 'X-API-Key': apiKey, 'Idempotency-Key': key }, body: { items }, timeoutMs: 60_000 });
  /** Rows per externalId of one batch. */
  const stored = async (prefix: string) => {
    const rows = await orm.em.getConnection().execute<{ external_id: string; n: string }[]>(
      'select external_id, count(*) as n from call_logs where tenant_id = ? and external_id like ? group by external_id',
      [f.tenant.id, `${prefix}-%`],
    );
    const counts = new Map(rows.map((r) => [r.external_id, Number(r.n)]));
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const lost = Array.from({ length: ITEMS }, (_, n) => `${prefix}-${n}`).filter((id) => !counts.has(id)).length;
    return { rows: counts.size, duplicates, lost };
  };
  const events = async (prefix: string) =>
    Number((await orm.em.getConnection().execute<{ n: string }[]>(
      "select count(*) as n from outbox_events o join call_logs c on c.id = o.resource_id where o.name = 'call-log.created' and c.tenant_id = ? and c.external_id like ?",
      [f.tenant.id, `${prefix}-%`],
    ))[0].n);

  beforeAll(async () => {
    ensureBuiltApp();
    pg = await startPrivatePostgres('bulk-kill');
    const first = await start();
    orm = await openOrm(pg.url);
    f = await createTenantFixture({ orm });
    const key = await call(`${first.url}/api/v1/api-keys`, { method: 'POST', headers: { authorization: `Bearer ${customToken(f.admin, f.tenant.id)}` }, body: { name: 'ingest', scopes: ['calls:write', 'calls:read'] } });
    expect(key.status).toBe(201);
    apiKey = (key.body as { secret: string }).secret;
  }, 300_000);

  afterAll(async () => {
    for (const app of apps) await app.dispose();
    await orm?.close(true);
    await pg?.destroy();
  }, 60_000);

  const figures: string[] = [];

  it('killed while its transaction waits on the database: the retry on a new instance stores each item once', async () => {
    const prefix = `kill-held-${randomBytes(3).toString('hex')}`;
    const key = `bulk-${prefix}`;
    const items = batch(prefix);
    const doomed = apps[apps.length - 1];
    // hold inserts into call_logs so that the ingestion is surely in the middle of its transaction
    const holder = new Client({ connectionString: pg.url });
    await holder.connect();
    let first: Promise<Outcome>;
    try {
      await holder.query('begin');
      await holder.query('lock table call_logs in share mode');
      first = post(doomed, key, items);
      await eventually(async () => (await holder.query("select 1 from pg_locks where relation = 'call_logs'::regclass and not granted")).rowCount! > 0, 'the ingestion waits for the lock', 30_000, 50);
      doomed.child.kill('SIGKILL');
      expect(await doomed.waitForExit(10_000)).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await holder.query('commit').catch(() => undefined);
      await holder.end();
    }
    expect((await first).status).toBe(0);
    // the killed instance's transaction is rolled back once PostgreSQL sees its connection gone
    await eventually(async () => (await orm.em.getConnection().execute("select 1 from pg_stat_activity where application_name <> 'callpro-outbox-listener' and state = 'idle in transaction'")).length === 0, 'the orphaned transaction ended', 30_000);
    const afterKill = await stored(prefix);

    const restarted = await start();
    const retry = await post(restarted, key, items);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ created: ITEMS, updated: 0, unchanged: 0, rejected: [] });
    const again = await post(restarted, key, items);
    expect(again.status).toBe(200);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(retry.body);

    const after = await stored(prefix);
    figures.push(`bulk ingestion killed while waiting: ${afterKill.rows} rows left by the killed instance; after the retry ${after.rows} rows for ${ITEMS} items, duplicates ${after.duplicates}, lost ${after.lost}, call-log.created events ${await events(prefix)}`);
    expect(afterKill.rows).toBe(0);
    expect(after).toEqual({ rows: ITEMS, duplicates: 0, lost: 0 });
    expect(await events(prefix)).toBe(ITEMS);
  }, 180_000);

  it('killed at an arbitrary moment: retries with the same key converge to each item once', async () => {
    const prefix = `kill-any-${randomBytes(3).toString('hex')}`;
    const key = `bulk-${prefix}`;
    const items = batch(prefix);
    const doomed = apps[apps.length - 1];
    const first = post(doomed, key, items);
    await sleep(150 + Math.floor(Math.random() * 300));
    doomed.child.kill('SIGKILL');
    await doomed.waitForExit(10_000);
    const firstOutcome = await first;
    const restarted = await start();
    let retry = await post(restarted, key, items);
    // the killed transaction may still be ending: its rows are then locked and the retry waits, or it conflicts
    for (let n = 0; retry.status === 409 && n < 10; n++) {
      await sleep(500);
      retry = await post(restarted, key, items);
    }
    expect(retry.status).toBe(200);
    const body = retry.body as { created: number; updated: number; unchanged: number; rejected: unknown[] };
    expect(body.rejected).toEqual([]);
    expect(body.created + body.updated + body.unchanged).toBe(ITEMS);
    const after = await stored(prefix);
    figures.push(`bulk ingestion killed at a random moment (${firstOutcome.status === 0 ? 'no answer' : `answered ${firstOutcome.status}`}): retry ${retry.headers?.['idempotent-replayed'] === 'true' ? 'replayed the stored answer' : `stored ${body.created}`}; ${after.rows} rows for ${ITEMS} items, duplicates ${after.duplicates}, lost ${after.lost}`);
    expect(after).toEqual({ rows: ITEMS, duplicates: 0, lost: 0 });
    expect(await events(prefix)).toBe(ITEMS);
  }, 180_000);

  afterAll(() => {
    process.stdout.write(`${figures.join('\n')}\n`);
  });
});
