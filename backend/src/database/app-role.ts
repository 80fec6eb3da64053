import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The role the app connects as when the launcher provisions it (one URL given, or embedded mode). */
export const APP_ROLE = 'callpro_app';

/** Whether a role could read past row-level security, and why. */
export interface RoleCheck {
  role: string;
  problems: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'callpro-setup' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The app role's password: derived from the owner's (an HMAC), so that every instance started with
 * the same owner URL agrees on it without sharing a file; random and kept under DATA_DIR when the
 * owner has no password (trust or peer authentication).
 */
function appRolePassword(ownerUrl: string, dataDir: string): string {
  const owner = new URL(ownerUrl);
  if (owner.password) return createHmac('sha256', decodeURIComponent(owner.password)).update(`${APP_ROLE}:${decodeURIComponent(owner.username)}`).digest('hex');
  const file = path.resolve(dataDir, 'app-db-password');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Grants `role` what the app needs on the owner's objects in this database, now and for tables,
 * sequences and functions later migrations create: DML, sequences, functions (incl. the SECURITY
 * DEFINER entry points). Never ownership, never the migrations table. Idempotent.
 */
export async function grantAppRole(owner: Client, role: string): Promise<void> {
  const r = ident(role);
  const [{ db, me }] = (await owner.query<{ db: string; me: string }>('select current_database() as db, current_user as me')).rows;
  await owner.query(`grant connect on database ${ident(db)} to ${r}`);
  await owner.query(`grant usage on schema public to ${r}`);
  await owner.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await owner.query(`grant usage, select on all sequences in schema public to ${r}`);
  await owner.query(`grant execute on all functions in schema public to ${r}`);
  await owner.query(`revoke all on table mikro_orm_migrations from ${r}`);
  await owner.query(`alter default privileges for role ${ident(me)} in schema public grant select, insert, update, delete on tables to ${r}`);
  await owner.query(`alter default privileges for role ${ident(me)} in schema public grant usage, select on sequences to ${r}`);
  await owner.query(`alter default privileges for role ${ident(me)} in schema public grant execute on functions to ${r}`);
}

/**
 * Creates (or updates) the APP_ROLE login role with the owner's connection and grants it; returns
 * the URL the app connects with. The owner must be a superuser or have CREATEROLE.
 */
export async function provisionAppRole(ownerUrl: string, dataDir: string): Promise<string> {
  const password = appRolePassword(ownerUrl, dataDir);
  await withClient(ownerUrl, async (owner) => {
    const [me] = (await owner.query<{ rolsuper: boolean; rolcreaterole: boolean; name: string }>(
      'select rolsuper, rolcreaterole, rolname as name from pg_roles where rolname = current_user',
    )).rows;
    if (!me.rolsuper && !me.rolcreaterole) {
      throw new Error(
        `Row-level security needs the app to connect as a role that owns no table. The role "${me.name}" of DATABASE_URL ` +
          `cannot create one (no CREATEROLE): set DATABASE_MIGRATION_URL to the owner and DATABASE_URL to an app role (docs/SECURITY.md).`,
      );
    }
    const options = `login nosuperuser nocreatedb nocreaterole nobypassrls noreplication password ${literal(password)}`;
    const exists = (await owner.query('select 1 from pg_roles where rolname = $1', [APP_ROLE])).rowCount;
    try {
      await owner.query(`${exists ? 'alter' : 'create'} role ${ident(APP_ROLE)} ${options}`);
    } catch (error) {
      // another instance created it meanwhile
      const code = (error as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw error;
      await owner.query(`alter role ${ident(APP_ROLE)} ${options}`);
    }
    await grantAppRole(owner, APP_ROLE);
  });
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Why the role of `appUrl` would not be held by row-level security (superuser, BYPASSRLS, or owner
 * of a table with RLS); no problems means it is safe.
 */
export async function checkAppRole(appUrl: string): Promise<RoleCheck> {
  return withClient(appUrl, async (c) => {
    const [row] = (await c.query<{ role: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `select r.rolname as role, r.rolsuper, r.rolbypassrls,
              (select count(*)::int from pg_class k where k.relrowsecurity and pg_has_role(r.oid, k.relowner, 'USAGE')) as owned
         from pg_roles r where r.rolname = current_user`,
    )).rows;
    const problems: string[] = [];
    if (row.rolsuper) problems.push('is a superuser');
    if (row.rolbypassrls) problems.push('has BYPASSRLS');
    if (row.owned > 0) problems.push(`owns (or is a member of the owner of) ${row.owned} table(s) with row-level security`);
    return { role: row.role, problems };
  });
}

/** Throws a clear message when `appUrl`'s role could read past row-level security. */
export async function assertAppRoleSafe(appUrl: string): Promise<void> {
  const { role, problems } = await checkAppRole(appUrl);
  if (problems.length === 0) return;
  throw new Error(
    `DATABASE_URL connects as "${role}", which ${problems.join(' and ')}: row-level security would not hold. ` +
      'Connect the app as a role that owns nothing (DATABASE_URL) and run migrations as the owner (DATABASE_MIGRATION_URL); see docs/SECURITY.md.',
  );
}

/** Grants the app role of `appUrl` (given by the operator) its privileges, using the owner's connection. */
export async function grantAppRoleOf(ownerUrl: string, appUrl: string): Promise<void> {
  const role = decodeURIComponent(new URL(appUrl).username);
  if (!role) throw new Error('DATABASE_URL names no user');
  await withClient(ownerUrl, (owner) => grantAppRole(owner, role));
}
