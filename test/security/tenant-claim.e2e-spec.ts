import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';

/**
 * A user token re-signed (with the real key) to name another tenant must not reach that tenant: the
 * session check has to compare the claim with the user's stored tenant.
 */
describe('security: edited tenant claim', () => {
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
    process.stdout.write(`edited tenant claim: ${refused} probes refused\n`);
  });

  it("refuses a user token re-signed with another tenant's id", async () => {
    const token = sign({ sub: a.admin.id, tid: b.tenant.id, role: 'org_admin' });
    for (const path of [`/api/v1/users/${b.agent.id}`, '/api/v1/users', `/api/v1/tenants/${b.tenant.id}`]) {
      const res = await request(t.server).get(path).set(bearer(token));
      expect([401, 403, 404]).toContain(res.status);
      expect(res.text).not.toContain(b.tenant.slug);
      refused++;
    }
  });

});
