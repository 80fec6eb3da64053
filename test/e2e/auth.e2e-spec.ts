import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import {
  abilityFromPackedRules,
  ACTIONS,
  asSubject,
  defineAbilityFor,
  SUBJECTS,
  type AppAbility,
  type Principal,
} from '@callpro/permissions';
import { createTestApp, type TestApp } from '../support/app';
import { createSuperAdmin, createTenantFixture, login, TEST_PASSWORD, type TenantFixture } from '../support/fixtures';
import { AuthSessions } from '../../backend/src/auth/auth-sessions.service';
import { forkForTenant } from '../../backend/src/database/tenant.filter';

const API = '/api/v1';

/** Each test logs in from its own client address, so that per-IP failure counts never add up across tests. */
const newIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join('.')}`;

/** Dates in answers are ISO 8601 in UTC, as JSON.stringify writes a Date. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('auth', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;

  const post = (path: string, ip = newIp()) => request(t.server).post(API + path).set('X-Forwarded-For', ip);
  const tryLogin = (email: string, password: string, ip?: string) => post('/auth/login', ip).send({ email, password });
  const refresh = (refreshToken: string) => post('/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) => request(t.server).get(`${API}/auth/me`).set('Authorization', `Bearer ${accessToken}`);
  const sql = (query: string, params: unknown[]) => t.orm.em.getConnection().execute(query, params);

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = [await createTenantFixture(t), await createTenantFixture(t)];
  });
  afterAll(() => t.close());

  describe('POST /auth/login', () => {
    it('answers a token pair and the user, without any password hash', async () => {
      const res = await tryLogin(a.agent.email, TEST_PASSWORD).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        expiresIn: 900,
        user: {
          id: a.agent.id,
          tenantId: a.tenant.id,
          name: a.agent.name,
          email: a.agent.email,
          phone: null,
          role: 'agent',
          active: true,
          lastLoginAt: expect.stringMatching(ISO_TIME),
          createdAt: expect.stringMatching(ISO_TIME),
          updatedAt: expect.stringMatching(ISO_TIME),
        },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash|password/i);
      expect(Date.now() - Date.parse(res.body.user.lastLoginAt)).toBeLessThan(60_000);
      const [row] = await sql('select last_login_at from users where id = ?', [a.agent.id]);
      expect(new Date(row.last_login_at).getTime()).toBe(Date.parse(res.body.user.lastLoginAt));
    });

    it('compares emails case-insensitively', async () => {
      await tryLogin(a.agent.email.toUpperCase(), TEST_PASSWORD).expect(200);
    });

    it('stores refresh tokens only as hashes', async () => {
      const { refreshToken } = await login(t, a.agent2.email);
      const rows = await sql('select token_hash from refresh_tokens where user_id = ?', [a.agent2.id]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.token_hash)).not.toContain(refreshToken);
    });

    it('answers a wrong password and an unknown email with the same 401', async () => {
      const wrong = await tryLogin(a.supervisor.email, 'not-the-password').expect(401);
      const unknown = await tryLogin(`nobody.${randomBytes(4).toString('hex')}@example.test`, TEST_PASSWORD).expect(401);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      const shape = ({ type, title, status, detail, message }: Record<string, unknown>) => ({ type, title, status, detail, message });
      expect(shape(unknown.body)).toEqual(shape(wrong.body));
      expect(wrong.body).toMatchObject({ status: 401, type: expect.stringContaining('unauthorized') });
    });

    it('refuses an inactive user with the same 401, even with the right password', async () => {
      const f = await createTenantFixture(t);
      const wrong = await tryLogin(f.agent.email, 'not-the-password').expect(401);
      await sql('update users set active = false where id = ?', [f.agent.id]);
      const res = await tryLogin(f.agent.email, TEST_PASSWORD).expect(401);
      expect(res.body.detail).toBe(wrong.body.detail);
    });

    it('refuses the users of an inactive tenant with the same 401', async () => {
      const f = await createTenantFixture(t);
      await tryLogin(f.admin.email, TEST_PASSWORD).expect(200);
      await sql('update tenants set active = false where id = ?', [f.tenant.id]);
      const res = await tryLogin(f.admin.email, TEST_PASSWORD).expect(401);
      expect(res.body.detail).toBe('Wrong email or password');
    });

    it('lets a super admin (no tenant) log in', async () => {
      const su = await createSuperAdmin(t);
      const res = await tryLogin(su.email, TEST_PASSWORD).expect(200);
      expect(res.body.user).toMatchObject({ id: su.id, tenantId: null, role: 'super_admin' });
      const [row] = await sql('select last_login_at from users where id = ?', [su.id]);
      expect(new Date(row.last_login_at).getTime()).toBe(Date.parse(res.body.user.lastLoginAt));
      expect(await sql('select 1 from refresh_tokens where user_id = ?', [su.id])).toHaveLength(1);
    });

    it('answers a malformed body with a validation problem', async () => {
      const res = await tryLogin('not-an-email', '').expect(400);
      expect(res.body.errors).toEqual({ email: expect.any(String), password: expect.any(String) });
    });
  });

  describe('login throttling per account', () => {
    it('answers 429 with Retry-After after 5 failures, even with the right password', async () => {
      const f = await createTenantFixture(t);
      // from a different address each time: the account's limit, not the IP's
      for (let i = 0; i < 5; i++) await tryLogin(f.agent.email, `wrong-${i}`).expect(401);
      const res = await tryLogin(f.agent.email, TEST_PASSWORD).expect(429);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 429, type: expect.stringContaining('rate-limited'), retryAfter: expect.any(Number) });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(890);
      expect(retryAfter).toBeLessThanOrEqual(900);
      // other accounts are not affected
      await tryLogin(f.agent2.email, TEST_PASSWORD).expect(200);
    });

    it('clears the account counter after a successful login', async () => {
      const f = await createTenantFixture(t);
      for (let i = 0; i < 4; i++) await tryLogin(f.agent.email, 'wrong').expect(401);
      await tryLogin(f.agent.email, TEST_PASSWORD).expect(200);
      for (let i = 0; i < 4; i++) await tryLogin(f.agent.email, 'wrong').expect(401);
      await tryLogin(f.agent.email, TEST_PASSWORD).expect(200);
    });

    it('counts an unknown email like a known one', async () => {
      const email = `ghost.${randomBytes(4).toString('hex')}@example.test`;
      for (let i = 0; i < 5; i++) await tryLogin(email, 'wrong').expect(401);
      await tryLogin(email, 'wrong').expect(429);
    });
  });

  describe('GET /auth/me', () => {
    /** Decisions over every subject and action, for the principal's own records and foreign ones. */
    const decisions = (ability: AppAbility, userId: string, tenantId: string) =>
      SUBJECTS.flatMap((s) =>
        ACTIONS.flatMap((act) =>
          [
            {},
            { id: tenantId, userId, agentId: userId, ownerId: userId, assigneeId: userId, authorId: userId, role: 'agent', createdAt: new Date() },
            { id: 'other', userId: 'other', agentId: 'other', ownerId: 'other', assigneeId: 'other', authorId: 'other', role: 'super_admin' },
          ].map((record) => ability.can(act, asSubject(s, { ...record }))),
        ),
      );

    it.each(['admin', 'supervisor', 'agent'] as const)('%s: user, tenant, and rules that decide like defineAbilityFor', async (who) => {
      const member = a[who];
      const session = await login(t, member.email);
      const res = await me(session.accessToken).expect(200);
      expect(res.body.user).toMatchObject({ id: member.id, email: member.email, role: member.role, tenantId: a.tenant.id });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/i);
      expect(res.body.tenant).toEqual({
        id: a.tenant.id,
        name: a.tenant.name,
        slug: a.tenant.slug,
        timezone: a.tenant.timezone,
        defaultCountry: a.tenant.defaultCountry,
        active: true,
      });
      const principal: Principal = { kind: 'user', userId: member.id, tenantId: a.tenant.id, role: member.role };
      const rebuilt = abilityFromPackedRules(res.body.rules);
      expect(decisions(rebuilt, member.id, a.tenant.id)).toEqual(decisions(defineAbilityFor(principal), member.id, a.tenant.id));
      expect(rebuilt.can('read', asSubject('Tenant', { id: b.tenant.id }))).toBe(false);
    });

    it('ignores X-Tenant-Id for a tenant user (stays in their own tenant)', async () => {
      const session = await login(t, a.admin.email);
      const res = await me(session.accessToken).set('X-Tenant-Id', b.tenant.id).expect(200);
      expect(res.body.tenant.id).toBe(a.tenant.id);
      expect(res.body.user.id).toBe(a.admin.id);
    });

    it('gives a super admin no tenant, or the one chosen with X-Tenant-Id', async () => {
      const su = await createSuperAdmin(t);
      const session = await login(t, su.email);
      const plain = await me(session.accessToken).expect(200);
      expect(plain.body.user).toMatchObject({ id: su.id, role: 'super_admin', tenantId: null });
      expect(plain.body.tenant).toBeNull();
      const chosen = await me(session.accessToken).set('X-Tenant-Id', b.tenant.id).expect(200);
      expect(chosen.body.user.id).toBe(su.id);
      expect(chosen.body.tenant).toMatchObject({ id: b.tenant.id, slug: b.tenant.slug });
      expect(abilityFromPackedRules(chosen.body.rules).can('manage', 'all')).toBe(true);
    });

    it('refuses a request without a token', async () => {
      const res = await request(t.server).get(`${API}/auth/me`).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates: the new pair works, and reusing the old token revokes the whole family', async () => {
      const first = await login(t, a.agent.email);
      const other = await login(t, a.agent.email); // a second login (another device): its own family
      const second = await refresh(first.refreshToken).expect(200);
      expect(second.body).toMatchObject({ accessToken: expect.any(String), expiresIn: 900, user: { id: a.agent.id } });
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await me(second.body.accessToken).expect(200);

      const reuse = await refresh(first.refreshToken).expect(401);
      expect(reuse.headers['content-type']).toContain('application/problem+json');
      // the thief's (or the owner's) newest token of that family is dead too
      await refresh(second.body.refreshToken).expect(401);
      // another login of the same user is untouched
      await refresh(other.refreshToken).expect(200);
    });

    it('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
      const session = await login(t, a.agent2.email);
      const results = await Promise.all(Array.from({ length: 4 }, () => refresh(session.refreshToken)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
    });

    it('refuses an expired refresh token', async () => {
      const session = await login(t, a.supervisor.email);
      await sql(`update refresh_tokens set expires_at = now() - interval '1 second' where user_id = ? and rotated_at is null`, [a.supervisor.id]);
      await refresh(session.refreshToken).expect(401);
    });

    it('refuses an unknown token, and an access token used as a refresh token', async () => {
      const session = await login(t, a.agent.email);
      await refresh(randomBytes(32).toString('base64url')).expect(401);
      const res = await refresh(session.accessToken).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses the refresh token of a user deactivated since, and revokes its family', async () => {
      const f = await createTenantFixture(t);
      const session = await login(t, f.agent.email);
      await sql('update users set active = false where id = ?', [f.agent.id]);
      await refresh(session.refreshToken).expect(401);
      await sql('update users set active = true where id = ?', [f.agent.id]);
      const [row] = await sql('select count(*)::int as live from refresh_tokens where user_id = ? and revoked_at is null', [f.agent.id]);
      expect(row.live).toBe(0);
    });
  });

  describe('POST /auth/logout', () => {
    it('revokes the refresh token and its family', async () => {
      const session = await login(t, a.agent.email);
      const rotated = await refresh(session.refreshToken).expect(200);
      await post('/auth/logout').set('Authorization', `Bearer ${rotated.body.accessToken}`).send({ refreshToken: rotated.body.refreshToken }).expect(204);
      await refresh(rotated.body.refreshToken).expect(401);
    });

    it('needs an access token', async () => {
      const session = await login(t, a.agent.email);
      await post('/auth/logout').send({ refreshToken: session.refreshToken }).expect(401);
      await refresh(session.refreshToken).expect(200);
    });

    it("never revokes another user's session (cross-tenant probe)", async () => {
      const mine = await login(t, a.agent.email);
      const theirs = await login(t, b.agent.email);
      await post('/auth/logout').set(mine.auth).send({ refreshToken: theirs.refreshToken }).expect(204);
      await refresh(theirs.refreshToken).expect(200);
    });
  });

  describe('access tokens', () => {
    const jwt = new JwtService();
    const secret = process.env.JWT_SECRET as string;
    const claims = () => ({ sub: a.agent.id, tid: a.tenant.id, role: 'agent', ver: 0, typ: 'access' });
    const sign = (payload: object, options: Record<string, unknown> = {}) =>
      jwt.sign(payload, { secret, algorithm: 'HS256', issuer: 'callpro', audience: 'callpro-api', expiresIn: 300, ...options });
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

    it('accepts a correctly signed token (control for the forgeries below)', async () => {
      await me(sign(claims())).expect(200);
    });

    it.each([
      ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), iss: 'callpro', aud: 'callpro-api', exp: Math.floor(Date.now() / 1000) + 300 })}.`],
      ['a wrong secret', () => sign(claims(), { secret: 'another-secret-another-secret-another-secret' })],
      ['HS512 with the right secret', () => sign(claims(), { algorithm: 'HS512' })],
      ['a wrong issuer', () => sign(claims(), { issuer: 'someone-else' })],
      ['a wrong audience', () => sign(claims(), { audience: 'another-api' })],
      ['an expired token', () => sign(claims(), { expiresIn: -60 })],
      ['a token of another type', () => sign({ ...claims(), typ: 'refresh' })],
      ['a stale token version', () => sign({ ...claims(), ver: 7 })],
      ['another role than the user has', () => sign({ ...claims(), role: 'org_admin' })],
    ])('refuses %s with a problem+json 401', async (_, token) => {
      const res = await me(token()).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, type: expect.stringContaining('unauthorized') });
    });

    it('refuses a refresh token used as a bearer access token', async () => {
      const session = await login(t, a.agent.email);
      await me(session.refreshToken).expect(401);
    });
  });

  describe('AuthSessions.revokeAllForUser', () => {
    it('kills the access and refresh tokens of every session of the user at once', async () => {
      const f = await createTenantFixture(t);
      const [one, two] = [await login(t, f.agent.email), await login(t, f.agent.email)];
      await me(one.accessToken).expect(200); // now cached by SessionCheck
      await t.app.get(AuthSessions).revokeAllForUser(forkForTenant(t.orm.em, f.tenant.id), f.agent.id);
      await me(one.accessToken).expect(401);
      await me(two.accessToken).expect(401);
      await refresh(one.refreshToken).expect(401);
      await refresh(two.refreshToken).expect(401);
      // a fresh login works and carries the new version
      const again = await login(t, f.agent.email);
      await me(again.accessToken).expect(200);
      // colleagues are untouched
      await me((await login(t, f.agent2.email)).accessToken).expect(200);
    });

    it('makes a refresh that waits on a revocation in progress fail, leaving no live token', async () => {
      const f = await createTenantFixture(t);
      const session = await login(t, f.agent.email);
      // begin() rather than transactional(): the latter's async context would leak into the request
      const tem = t.orm.em.fork();
      await tem.begin();
      await t.app.get(AuthSessions).revokeAllForUser(tem, f.agent.id);
      const pending = refresh(session.refreshToken).then((res) => res);
      // hold the transaction open until the refresh is blocked on it
      let waiting = 0;
      for (let i = 0; i < 250 && !waiting; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        [{ waiting }] = await sql(
          `select count(*)::int as waiting from pg_stat_activity
            where wait_event_type = 'Lock' and (query like ? or query like '%refresh_tokens%')`,
          [`%${f.agent.id}%`],
        );
      }
      expect(waiting).toBe(1);
      await tem.commit();
      expect((await pending).status).toBe(401);
      const [row] = await sql('select count(*)::int as live from refresh_tokens where user_id = ? and revoked_at is null', [f.agent.id]);
      expect(row.live).toBe(0);
    });

    it('leaves a user of another tenant alone when the EntityManager is scoped (cross-tenant probe)', async () => {
      const session = await login(t, b.supervisor.email);
      await t.app.get(AuthSessions).revokeAllForUser(forkForTenant(t.orm.em, a.tenant.id), b.supervisor.id);
      await me(session.accessToken).expect(200);
      await refresh(session.refreshToken).expect(200);
    });
  });
});
