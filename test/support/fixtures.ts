import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { hash } from '@node-rs/argon2';
import type { Role } from '@callpro/contracts';
import { Tenant } from '../../backend/src/tenants/tenant.entity';
import { User } from '../../backend/src/users/user.entity';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import type { TestApp } from './app';
import { TokenService } from '../../backend/src/auth/token.service';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export interface StaffMember {
  id: string;
  email: string;
  role: Role;
  name: string;
}

export interface TenantFixture {
  tenant: Tenant;
  admin: StaffMember;
  supervisor: StaffMember;
  agent: StaffMember;
  agent2: StaffMember;
}

const uniq = () => randomBytes(4).toString('hex');

/** A fresh tenant with an org admin, a supervisor and two agents, written straight to the database. */
export async function createTenantFixture(t: Pick<TestApp, 'orm'>, overrides: Partial<Pick<Tenant, 'timezone' | 'defaultCountry' | 'name'>> = {}): Promise<TenantFixture> {
  const slug = `t-${uniq()}`;
  passwordHash ??= hash(TEST_PASSWORD);
  const em = t.orm.em.fork();
  const tenant = em.create(Tenant, { name: overrides.name ?? `Tenant ${slug}`, slug, timezone: overrides.timezone ?? 'UTC', defaultCountry: overrides.defaultCountry ?? 'US' });
  await em.flush();
  const tem = forkForTenant(t.orm.em, tenant.id);
  const make = (role: Role, label: string) =>
    tem.create(User, { tenantId: tenant.id, role, name: `${label} ${slug}`, email: `${label}.${slug}@example.test`, passwordHash: '' });
  const users = { admin: make('org_admin', 'admin'), supervisor: make('supervisor', 'supervisor'), agent: make('agent', 'agent'), agent2: make('agent', 'agent2') };
  const pw = await passwordHash;
  for (const u of Object.values(users)) u.passwordHash = pw;
  await tem.flush();
  const member = (u: User): StaffMember => ({ id: u.id, email: u.email, role: u.role, name: u.name });
  return { tenant, admin: member(users.admin), supervisor: member(users.supervisor), agent: member(users.agent), agent2: member(users.agent2) };
}

/** A super admin (no tenant). */
export async function createSuperAdmin(t: TestApp): Promise<StaffMember> {
  passwordHash ??= hash(TEST_PASSWORD);
  const em = t.orm.em.fork();
  const u = em.create(User, { tenantId: null, role: 'super_admin', name: 'Super', email: `super.${uniq()}@example.test`, passwordHash: await passwordHash });
  await em.flush();
  return { id: u.id, email: u.email, role: u.role, name: u.name };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

/** Logs in through the real API. */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await request(t.server).post('/api/v1/auth/login').send({ email, password }).expect(200);
  return { accessToken: res.body.accessToken, refreshToken: res.body.refreshToken, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
}

/** An access token minted directly (no login round trip), for tests that are not about login. */
export function tokenFor(t: TestApp, member: StaffMember & { tenantId?: string | null }, tenantId: string | null): { Authorization: string } {
  const tokens = t.app.get(TokenService);
  const token = tokens.signAccess({ sub: member.id, tid: tenantId, role: member.role, ver: 0 });
  return { Authorization: `Bearer ${token}` };
}
