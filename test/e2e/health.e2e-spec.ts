import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { Draining } from '../../backend/src/health/draining.service';

describe('health and platform conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness without touching the database', async () => {
    const res = await request(t.server).get('/api/v1/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers readiness with a database round trip', async () => {
    const res = await request(t.server).get('/api/v1/health/ready').expect(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('echoes a request id, and keeps the caller’s one', async () => {
    const fresh = await request(t.server).get('/api/v1/health/live');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.server).get('/api/v1/health/live').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const res = await request(t.server).get('/api/v1/no-such-route').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, type: expect.stringContaining('not-found'), message: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('does not advertise the framework', async () => {
    const res = await request(t.server).get('/api/v1/health/live');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  // last: the app stays draining
  it('while draining (SIGTERM): readiness 503 problem+json, liveness 200, new requests 503 with Retry-After', async () => {
    t.app.get(Draining).begin();
    const ready = await request(t.server).get('/api/v1/health/ready').expect(503);
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.body).toMatchObject({ status: 503, checks: { shutdown: { status: 'down' } } });
    await request(t.server).get('/api/v1/health/live').expect(200);
    const other = await request(t.server).get('/api/v1/tickets').expect(503);
    expect(other.headers['retry-after']).toBe('1');
    expect(other.body).toMatchObject({ status: 503, type: expect.stringContaining('service-unavailable') });
  });
});
