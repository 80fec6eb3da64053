import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound, queryOnPool } from '../../backend/src/database/bound-sql';
import { transactionalInTenant } from '../../backend/src/database/rls';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';

/**
 * executeBound sends its values as bind parameters ($1…), not quoted into the text, and runs on
 * the EntityManager's transaction: committed or rolled back with it, under its tenant.
 */
describe('executeBound: values as bind parameters, in the caller’s transaction', () => {
  let t: TestApp;
  let a: TenantFixture;
  let statements: { sql: string; bindings: unknown[] }[];
  const record = (q: { sql: string; bindings?: unknown[] }) => statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
  const awkward = `it's "quoted" \\ back\\slashed ? question $1 ${'x'.repeat(10_000)}`;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    t.appOrm.em.getConnection().getKnex().on('query', record);
  });
  beforeEach(() => (statements = []));
  afterAll(async () => {
    t.appOrm.em.getConnection().getKnex().off('query', record);
    await t.close();
  });

  it('sends the values beside the statement and returns them unchanged', async () => {
    const rows = await executeBound<{ text: string; doc: { v: string } }>(t.appOrm.em.fork(), `select ?::text as text, ?::jsonb as doc`, [awkward, JSON.stringify({ v: awkward })]);
    expect(rows).toEqual([{ text: awkward, doc: { v: awkward } }]);
    const sent = statements.find((s) => s.sql.startsWith('select $1::text'));
    expect(sent?.sql).toBe('select $1::text as text, $2::jsonb as doc');
    expect(sent?.bindings).toEqual([awkward, JSON.stringify({ v: awkward })]);
  });

  it('runs in the transaction of the EntityManager, under its tenant, and rolls back with it', async () => {
    const em = forkForTenant(t.appOrm.em, a.tenant.id);
    const seen = { tenant: '', inside: 0 };
    const marker = `bound-${Date.now()}`;
    await expect(
      transactionalInTenant(em, a.tenant.id, async (tem) => {
        [{ t: seen.tenant }] = await executeBound<{ t: string }>(tem, `select current_setting('app.tenant_id', true) as t`, []);
        await executeBound(tem, `update tenants set name = ? where id = ?`, [marker, a.tenant.id]);
        [{ n: seen.inside }] = await executeBound<{ n: number }>(tem, `select count(*)::int as n from tenants where name = ?`, [marker]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(seen).toEqual({ tenant: a.tenant.id, inside: 1 });
    const after = await t.orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from tenants where name = ?`, [marker]);
    expect(after[0].n).toBe(0);
  });
});

describe('queryOnPool: one statement through node-postgres on a pooled connection', () => {
  let t: TestApp;
  const connectionsInUse = (em: EntityManager) => (em.getConnection().getKnex().client as { pool: { numUsed(): number } }).pool.numUsed();

  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('binds $n values, parses rows as em.execute does, and gives every connection back', async () => {
    const em = t.appOrm.em.fork();
    const at = new Date('2026-11-26T12:34:56.789Z');
    const sql = 'select $1::text as text, $2::timestamptz as at, $3::int as n';
    const viaOrm = await em.execute<{ text: string; at: string; n: number }[]>('select ?::text as text, ?::timestamptz as at, ?::int as n', ["it's $1", at, 7]);
    for (let i = 0; i < 30; i++) expect(await queryOnPool(em, sql, ["it's $1", at, 7])).toEqual(viaOrm);
    // timestamps stay the driver's strings (MikroORM's type parsers), for mapResult to convert
    expect(viaOrm).toEqual([{ text: "it's $1", at: expect.any(String), n: 7 }]);
    expect(new Date(viaOrm[0].at)).toEqual(at);
    expect(connectionsInUse(em)).toBe(0);
  });

  it('runs outside any transaction and tenant, and gives the connection back after an error', async () => {
    const em = t.appOrm.em.fork();
    const [{ tenant }] = await queryOnPool<{ tenant: string | null }>(em, "select nullif(current_setting('app.tenant_id', true), '') as tenant", []);
    expect(tenant).toBeNull();
    await expect(queryOnPool(em, 'select 1/0', [])).rejects.toMatchObject({ code: '22012' });
    expect(connectionsInUse(em)).toBe(0);
  });
});
