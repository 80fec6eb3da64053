import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { STATE_ENV, type TestState } from '../support/state';
import { checkAppRole } from '../../backend/src/database/app-role';
import { loadSpec, populateTenant } from './battery';

const state = JSON.parse(process.env[STATE_ENV]!) as TestState;

/**
 * PostgreSQL itself keeps tenants apart, whatever the app asks: connected as the app's role (as the
 * app is), with raw SQL and no ORM in between.
 */
describe('security: row-level security as the app role', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let app: Client;
  /** The tables' owner, who sees every tenant (its own policy). */
  let owner: Client;
  let tables: string[];
  const ownerRows = async <T extends object>(sql: string, params: unknown[] = []) => (await owner.query<T>(sql, params)).rows;
  const ownerId = async (table: string, tenantId: string) => (await ownerRows<{ id: string }>(`select id from "${table}" where tenant_id = $1 limit 1`, [tenantId]))[0].id;

  /** Rows per table with the given condition, as the owner sees them. */
  const ownerCounts = async (where: string, params: unknown[]) => {
    const out: Record<string, number> = {};
    for (const table of tables) out[table] = (await ownerRows<{ n: number }>(`select count(*)::int as n from "${table}" where ${where}`, params))[0].n;
    return out;
  };
  const appCounts = async (where: string, params: unknown[]) => {
    const out: Record<string, number> = {};
    for (const table of tables) out[table] = (await app.query<{ n: number }>(`select count(*)::int as n from "${table}" where ${where}`, params)).rows[0].n;
    return out;
  };
  /** Runs `fn` in a transaction of the app role with app.tenant_id set, rolled back after. */
  const asTenant = async <T>(tenantId: string, fn: () => Promise<T>): Promise<T> => {
    await app.query('begin');
    try {
      await app.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await fn();
    } finally {
      await app.query('rollback');
    }
  };
  const sqlError = async (sql: string, params: unknown[]) => {
    await app.query('savepoint probe');
    try {
      await app.query(sql, params);
      return null;
    } catch (error) {
      return error as { code?: string; message: string };
    } finally {
      await app.query('rollback to savepoint probe');
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    const spec = await loadSpec(t);
    [a, b] = [await createTenantFixture(t), await createTenantFixture(t)];
    for (const fx of [a, b]) await populateTenant(t, spec, fx, `RLS${randomBytes(4).toString('hex')}`);
    owner = new Client({ connectionString: state.databaseUrl });
    await owner.connect();
    tables = (
      await ownerRows<{ table_name: string }>("select table_name from information_schema.columns where column_name = 'tenant_id' and table_schema = 'public' order by 1")
    ).map((r) => r.table_name);
    // a call of B's, to point at (written as the owner)
    await owner.query(
      `insert into call_logs (id, tenant_id, direction, from_number, to_number, started_at, source) values ($1, $2, 'inbound', '+14155550100', '+14155550101', now(), 'api')`,
      [randomUUID(), b.tenant.id],
    );
    app = new Client({ connectionString: state.appDatabaseUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await t?.close();
  });

  it('connects the app as a role that owns nothing, is no superuser and has no BYPASSRLS', async () => {
    const [role] = (await app.query<{ rolsuper: boolean; rolbypassrls: boolean; me: string }>('select rolsuper, rolbypassrls, current_user as me from pg_roles where rolname = current_user')).rows;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, me: new URL(state.appDatabaseUrl).username });
    expect(await checkAppRole(state.appDatabaseUrl)).toEqual({ role: role.me, problems: [] });
    // the owner's connection is refused as an app connection
    expect((await checkAppRole(state.databaseUrl)).problems.length).toBeGreaterThan(0);
    // and the running app uses the app role
    const [{ me }] = await t.appOrm.em.getConnection().execute<{ me: string }[]>('select current_user as me');
    expect(me).toBe(role.me);
  });

  it('has row-level security enabled and forced on every table with a tenant_id', async () => {
    const rows = (await app.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class where relname = any($1) and relkind = 'r' order by relname`,
      [tables],
    )).rows;
    expect(rows.map((r) => r.relname)).toEqual(tables);
    expect(rows.filter((r) => !r.relrowsecurity || !r.relforcerowsecurity)).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(15);
  });

  it('shows no tenant-owned row when no tenant is set', async () => {
    const owner = await ownerCounts('tenant_id = any($1)', [[a.tenant.id, b.tenant.id]]);
    expect(Object.values(owner).filter((n) => n > 0).length).toBeGreaterThanOrEqual(8);
    const seen = await appCounts('tenant_id is not null', []);
    expect(seen).toEqual(Object.fromEntries(tables.map((table) => [table, 0])));
    // and not after a transaction that set one either (set_config(…, true) ends with it)
    await asTenant(a.tenant.id, async () => undefined);
    expect(await appCounts('tenant_id is not null', [])).toEqual(seen);
  });

  it("shows tenant A exactly its own rows and none of B's", async () => {
    const ownerA = await ownerCounts('tenant_id = $1', [a.tenant.id]);
    await asTenant(a.tenant.id, async () => {
      expect(await appCounts('true', [])).toEqual(ownerA);
      expect(await appCounts('tenant_id = $1', [b.tenant.id])).toEqual(Object.fromEntries(tables.map((table) => [table, 0])));
    });
    const total = Object.values(ownerA).reduce((x, y) => x + y, 0);
    process.stdout.write(`[rls] tenant A: ${total} rows in ${tables.length} tables seen exactly; 0 of B's\n`);
  });

  it("refuses to write another tenant's rows: inserts, moves and updates", async () => {
    const bLead = await ownerId('leads', b.tenant.id);
    await asTenant(a.tenant.id, async () => {
      const insert = await sqlError(`insert into dispositions (id, tenant_id, name) values ($1, $2, 'foreign')`, [randomUUID(), b.tenant.id]);
      expect(insert?.message).toMatch(/row-level security/);
      const move = await sqlError('update leads set tenant_id = $1 where tenant_id = $2', [b.tenant.id, a.tenant.id]);
      expect(move?.message).toMatch(/row-level security/);
      const update = await app.query(`update leads set name = 'taken' where id = $1`, [bLead]);
      expect(update.rowCount).toBe(0);
      const removed = await app.query('delete from leads where id = $1', [bLead]);
      expect(removed.rowCount).toBe(0);
      // no tenant at all: nothing can be written either
      await app.query(`select set_config('app.tenant_id', '', true)`);
      const orphan = await sqlError(`insert into dispositions (id, tenant_id, name) values ($1, $2, 'none')`, [randomUUID(), a.tenant.id]);
      expect(orphan?.message).toMatch(/row-level security/);
    });
    const [{ name }] = await ownerRows<{ name: string }>('select name from leads where id = $1', [bLead]);
    expect(name).not.toBe('taken');
  });

  it("refuses references to another tenant's rows, even by raw SQL (composite foreign keys)", async () => {
    const [bTicket, bCall, aTicket] = [await ownerId('tickets', b.tenant.id), await ownerId('call_logs', b.tenant.id), await ownerId('tickets', a.tenant.id)];
    await asTenant(a.tenant.id, async () => {
      const assignee = await sqlError(`insert into tickets (id, tenant_id, number, subject, assignee_id) values ($1, $2, 999999, 'x', $3)`, [randomUUID(), a.tenant.id, b.agent.id]);
      expect(assignee?.code).toBe('23503');
      const note = await sqlError(`insert into ticket_notes (id, tenant_id, ticket_id, body) values ($1, $2, $3, 'x')`, [randomUUID(), a.tenant.id, bTicket]);
      expect(note?.code).toBe('23503');
      const author = await sqlError(`insert into ticket_notes (id, tenant_id, ticket_id, body, author_id) values ($1, $2, $3, 'x', $4)`, [randomUUID(), a.tenant.id, aTicket, b.agent.id]);
      expect(author?.code).toBe('23503');
      const call = await sqlError('update tickets set call_log_id = $2 where id = $1', [aTicket, bCall]);
      expect(call?.code).toBe('23503');
      // a reference inside the tenant still works
      const own = await sqlError(`insert into ticket_notes (id, tenant_id, ticket_id, body, author_id) values ($1, $2, $3, 'x', $4)`, [randomUUID(), a.tenant.id, aTicket, a.agent.id]);
      expect(own).toBeNull();
    });
  });

  it('has every foreign key between tenant-owned tables include tenant_id (one documented exception)', async () => {
    const fks = await ownerRows<{ name: string; cols: string[] }>(
      `select c.conname as name, array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as cols
         from pg_constraint c
        where c.contype = 'f' and c.conrelid::regclass::text = any($1) and c.confrelid::regclass::text = any($1)`,
      [tables],
    );
    expect(fks.length).toBeGreaterThanOrEqual(15);
    // a note's author may be a super admin (no tenant): checked by the ticket_notes_author_in_tenant trigger instead
    expect(fks.filter((fk) => !fk.cols.includes('tenant_id')).map((fk) => fk.name)).toEqual(['ticket_notes_author_foreign']);
  });
});
