import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { prepareDatabase } from '../../backend/src/bootstrap/prepare-database';
import { STATE_ENV, type TestState } from '../support/state';

const state = JSON.parse(process.env[STATE_ENV]!) as TestState;

/** The launcher's two-URL mode (DATABASE_MIGRATION_URL + DATABASE_URL): grants the operator's app role, refuses an unsafe one. */
describe('database roles: DATABASE_MIGRATION_URL with an operator-made app role', () => {
  let owner: Client;
  const roles: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callpro-roles-'));
  const log = () => undefined;
  const roleUrl = (role: string, password: string) => {
    const url = new URL(state.databaseUrl);
    url.username = role;
    url.password = password;
    return url.toString();
  };
  const makeRole = async (options: string) => {
    const role = `callpro_op_${randomBytes(3).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await owner.query(`create role ${role} login password '${password}' ${options}`);
    roles.push(role);
    return roleUrl(role, password);
  };

  beforeAll(async () => {
    owner = new Client({ connectionString: state.databaseUrl });
    await owner.connect();
  });
  afterAll(async () => {
    // roles are cluster-wide: leave none behind on a shared TEST_DATABASE_URL server
    for (const role of roles) await owner.query(`drop owned by ${role}; drop role ${role}`);
    await owner.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('grants a bare login role what the app needs, and the app then sees only its tenant', async () => {
    const appUrl = await makeRole('nobypassrls');
    const slug = `roles-${randomBytes(3).toString('hex')}`;
    const [{ id: tenantId }] = (await owner.query<{ id: string }>(`insert into tenants (id, name, slug, settings) values (gen_random_uuid(), $1, $1, '{}') returning id`, [slug])).rows;
    await owner.query(`insert into leads (id, tenant_id, name) values (gen_random_uuid(), $1, 'a lead')`, [tenantId]);
    const prepared = await prepareDatabase({ ownerUrl: state.databaseUrl, appUrl }, { seedDemo: false, dataDir, log });
    expect(prepared).toEqual({ seeded: false, appUrl });
    const app = new Client({ connectionString: appUrl });
    await app.connect();
    try {
      const leads = async () => (await app.query<{ n: number }>('select count(*)::int as n from leads where tenant_id = $1', [tenantId])).rows[0].n;
      expect(await leads()).toBe(0);
      await app.query('begin');
      await app.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      expect(await leads()).toBe(1);
      await app.query(`update leads set name = 'renamed by the app role' where tenant_id = $1`, [tenantId]);
      await app.query('commit');
      await expect(app.query('select * from mikro_orm_migrations')).rejects.toThrow(/permission denied/);
      await expect(app.query('create table intruder (id int)')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('refuses to start the app on a role with BYPASSRLS, naming the problem', async () => {
    const appUrl = await makeRole('bypassrls');
    await expect(prepareDatabase({ ownerUrl: state.databaseUrl, appUrl }, { seedDemo: false, dataDir, log })).rejects.toThrow(/has BYPASSRLS: row-level security would not hold/);
  });
});
