import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';

/** Token forgery cases auth.e2e-spec.ts does not cover (the edited tenant claim is tenant-claim.e2e-spec.ts). */
describe('security: token forgery', () => {
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
    process.stdout.write(`token forgery: ${refused} forged tokens refused\n`);
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
});
