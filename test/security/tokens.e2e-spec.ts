import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { accessToken, connect, customToken, listen, refusal, sleep } from '../support/sockets';
import { RealtimeGateway } from '../../backend/src/realtime/realtime.gateway';

/**
 * Token forgery and lifecycle cases the other suites do not cover. Covered elsewhere: alg none, wrong
 * secret, HS512, wrong issuer/audience, expired, refresh as access, stale version (auth.e2e-spec.ts);
 * rotated refresh reuse revokes the family (auth.e2e-spec.ts); role change and deactivation over HTTP
 * on the same instance (users.e2e-spec.ts); socket expiry and revocation (realtime.e2e-spec.ts); the
 * edited tenant claim (tenant-claim.e2e-spec.ts).
 */
describe('security: token forgery and lifecycle', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  const jwt = new JwtService();
  const secret = () => process.env.JWT_SECRET ?? '';
  const sign = (payload: object, options: object = {}) =>
    jwt.sign({ typ: 'access', ver: 0, ...payload }, { secret: secret(), algorithm: 'HS256', issuer: 'callpro', audience: 'callpro-api', expiresIn: 300, ...options });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  let refused = 0;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
  });
  afterAll(async () => {
    await t.close();
    process.stdout.write(`token forgery and lifecycle: ${refused} cases refused/ended\n`);
  });

  it('accepts the baseline token, so the refusals below are meaningful', async () => {
    await request(t.server).get(`/api/v1/users/${a.agent.id}`).set(bearer(sign({ sub: a.admin.id, tid: a.tenant.id, role: 'org_admin' }))).expect(200);
  });

  it('refuses a payload edited without re-signing', async () => {
    const [head, , sig] = tokenFor(t, a.admin, a.tenant.id).Authorization.slice(7).split('.');
    const body = Buffer.from(JSON.stringify({ sub: a.admin.id, tid: b.tenant.id, role: 'org_admin', typ: 'access', ver: 0, iss: 'callpro', aud: 'callpro-api', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
    await request(t.server).get(`/api/v1/users/${b.agent.id}`).set(bearer(`${head}.${body}.${sig}`)).expect(401);
    refused++;
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    const res = await request(t.server).get(`/api/v1/users/${a.agent.id}`).set(bearer(sign({ sub: a.admin.id, tid: a.tenant.id, role: 'org_admin' }, { notBefore: 3600 })));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    refused++;
  });

  describe('lifecycle', () => {
    let url: string;
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    beforeAll(async () => {
      url = await listen(t);
    });
    const put = (path: string, body: object) => request(url).put(path).set(tokenFor(t, a.admin, a.tenant.id)).send(body);
    const newAgent = async (): Promise<StaffMember> => {
      const email = `life-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const res = await request(url).post('/api/v1/users').set(tokenFor(t, a.admin, a.tenant.id)).send({ name: 'Lifecycle', email, role: 'agent', password: 'a-long-enough-password' }).expect(201);
      return { ...a.agent, id: res.body.id, email, role: 'agent' };
    };

    it('refuses forged socket handshakes: alg none, wrong key, edited tenant, not yet valid, wrong issuer', async () => {
      const claims = { sub: a.agent.id, tid: a.tenant.id, role: 'agent', ver: 0, typ: 'access', iss: 'callpro', aud: 'callpro-api', exp: Math.floor(Date.now() / 1000) + 300 };
      const [head, , sig] = accessToken(t, a.agent, a.tenant.id).split('.');
      const forged = [
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
        customToken(a.agent, a.tenant.id, { secret: 'another-secret-another-secret-another-secret' }),
        `${head}.${b64({ ...claims, tid: b.tenant.id })}.${sig}`,
        sign({ sub: a.agent.id, tid: a.tenant.id, role: 'agent' }, { notBefore: 3600 }),
        sign({ sub: a.agent.id, tid: a.tenant.id, role: 'agent' }, { issuer: 'someone-else' }),
      ];
      for (const token of forged) {
        expect(await refusal(url, { auth: { token } })).toMatch(/.+/);
        refused++;
      }
      (await connect(url, accessToken(t, a.agent, a.tenant.id))).close();
    });

    it('disconnects the socket of a user whose role is changed through the API', async () => {
      const agent = await newAgent();
      const socket = await connect(url, accessToken(t, agent, a.tenant.id));
      const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await put(`/api/v1/users/${agent.id}`, { role: 'supervisor' }).expect(200);
      // the gateway's periodic recheck (every 15 s, well inside one access-token lifetime), run now
      await t.app.get(RealtimeGateway).recheckSessions();
      expect(await gone).toBe('io server disconnect');
      expect(await refusal(url, { auth: { token: accessToken(t, agent, a.tenant.id) } })).toMatch(/revoked|session/i);
      refused += 2;
    });

    it('disconnects the socket of a user deactivated through the API, and refuses its access token', async () => {
      const agent = await newAgent();
      const token = accessToken(t, agent, a.tenant.id);
      const socket = await connect(url, token);
      const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await put(`/api/v1/users/${agent.id}`, { active: false }).expect(200);
      await t.app.get(RealtimeGateway).recheckSessions();
      expect(await gone).toBe('io server disconnect');
      await request(url).get('/api/v1/users').set(bearer(token)).expect(401);
      refused += 2;
    });

    it('ends an access token deactivated on another instance once the 5 s session cache lapses', async () => {
      const agent = await newAgent();
      const token = accessToken(t, agent, a.tenant.id);
      await request(url).get(`/api/v1/users/${agent.id}`).set(bearer(token)).expect(200); // now cached
      // another instance's change: straight into the table, no invalidation on this instance
      await t.orm.em.getConnection().execute('update users set active = false where id = ?', [agent.id]);
      let status = 200;
      for (let i = 0; i < 40 && status === 200; i++) {
        status = (await request(url).get(`/api/v1/users/${agent.id}`).set(bearer(token))).status;
        if (status === 200) await sleep(250);
      }
      // 40 × 250 ms = 10 s: two cache lifetimes, far inside one access-token lifetime
      expect(status).toBe(401);
      refused++;
    });
  });
});
