// Config is read when the app module is imported: set the limits under test first, import after.
process.env.LOGIN_IP_MAX_ATTEMPTS = '4';
process.env.LOGIN_WINDOW_SECONDS = '3';

import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { TestApp } from '../support/app';
import type { TenantFixture } from '../support/fixtures';

const API = '/api/v1';
const newIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join('.')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('login throttling per client IP, and the window', () => {
  let t: TestApp;
  let f: TenantFixture;
  let password: string;

  const tryLogin = (email: string, pw: string, ip: string) =>
    request(t.server).post(`${API}/auth/login`).set('X-Forwarded-For', ip).send({ email, password: pw });
  const stranger = () => `nobody.${randomBytes(4).toString('hex')}@example.test`;

  beforeAll(async () => {
    const { createTestApp } = await import('../support/app');
    const fixtures = await import('../support/fixtures');
    t = await createTestApp();
    f = await fixtures.createTenantFixture(t);
    password = fixtures.TEST_PASSWORD;
  });
  afterAll(() => t.close());

  it('refuses every login from an IP over its limit, even the right password of another account', async () => {
    const ip = newIp();
    for (let i = 0; i < 4; i++) await tryLogin(stranger(), 'wrong', ip).expect(401);
    const res = await tryLogin(f.admin.email, password, ip).expect(429);
    expect(res.body).toMatchObject({ status: 429, type: expect.stringContaining('rate-limited') });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3);
    // the same account from elsewhere is fine
    await tryLogin(f.admin.email, password, newIp()).expect(200);
  });

  it('does not clear the IP count on a successful login', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) await tryLogin(stranger(), 'wrong', ip).expect(401);
    await tryLogin(f.supervisor.email, password, ip).expect(200);
    await tryLogin(stranger(), 'wrong', ip).expect(401);
    await tryLogin(f.supervisor.email, password, ip).expect(429);
  });

  it('lifts both limits once the window has passed', async () => {
    const ip = newIp();
    for (let i = 0; i < 4; i++) await tryLogin(stranger(), 'wrong', ip).expect(401);
    await tryLogin(f.agent2.email, password, ip).expect(429);
    // the account limit (5), from addresses that stay under theirs
    for (let i = 0; i < 5; i++) await tryLogin(f.agent.email, 'wrong', newIp()).expect(401);
    await tryLogin(f.agent.email, password, newIp()).expect(429);
    await sleep(3_100); // both windows opened before this
    await tryLogin(f.agent2.email, password, ip).expect(200);
    await tryLogin(f.agent.email, password, newIp()).expect(200);
  });
});
