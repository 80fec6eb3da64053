import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { CallLog } from '../../backend/src/calls/call-log.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import * as upsertSql from '../../backend/src/calls/call-log-upsert.sql';
import { API, answeredCall, createApiKey, uniqueId, type TestApiKey } from './call-logs.fixtures';

const MINUTE = 60_000;

describe('POST /call-logs/bulk', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let aKey: TestApiKey;

  const bulk = (auth: Record<string, string>, items: unknown[], headers: Record<string, string> = {}) =>
    request(t.server).post(`${API}/call-logs/bulk`).set(auth).set(headers).send({ items });
  const count = (f: TenantFixture, where: object = {}) => t.orm.em.fork().count(CallLog, { tenantId: f.tenant.id, ...where }, { filters: false });

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t)]);
    aKey = await createApiKey(t, a, ['calls:write']);
  });
  afterAll(() => t.close());

  it('stores the valid items and reports the invalid ones by index with their field errors (200)', async () => {
    const items = [
      answeredCall(),
      answeredCall({ fromNumber: 'not a number' }),
      answeredCall({ agentId: b.agent.id }),
      'not an object',
      answeredCall({ endedAt: null }),
      answeredCall({ agentId: a.agent2.id }),
    ];
    const before = await count(a);
    const res = await bulk(aKey.header, items).expect(200);
    expect(res.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(res.body.rejected).toEqual([
      { index: 1, status: 400, errors: { fromNumber: expect.any(String) } },
      { index: 2, status: 422, errors: { agentId: 'agentId must be an active user of this tenant' } },
      { index: 3, status: 400, errors: { item: expect.any(String) } },
      { index: 4, status: 400, errors: { endedAt: expect.any(String) } },
    ]);
    expect(res.body.items.map((i: { index: number; result: string }) => [i.index, i.result])).toEqual([[0, 'created'], [5, 'created']]);
    expect(await count(a)).toBe(before + 2);
    expect(await count(b)).toBe(0);
    const stored = await t.orm.em.fork().findOneOrFail(CallLog, res.body.items[1].id, { filters: false });
    expect(stored).toMatchObject({ tenantId: a.tenant.id, agentId: a.agent2.id });
  });

  it('reports created, updated and unchanged for re-sent externalIds, in request order, one row per id', async () => {
    const start = Date.now() - 10 * MINUTE;
    const base = { externalId: uniqueId(), direction: 'inbound', fromNumber: '+14155550132', toNumber: '+12015550100', startedAt: new Date(start).toISOString() };
    const answeredAt = new Date(start + 5_000).toISOString();
    const endedAt = new Date(start + 65_000).toISOString();
    const other = answeredCall();
    const first = await bulk(aKey.header, [{ ...base, status: 'ringing' }, other]).expect(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const second = await bulk(aKey.header, [
      { ...base, status: 'in_progress', answeredAt },
      other,
      { ...base, status: 'completed', outcome: 'answered', answeredAt, endedAt },
      { ...base, status: 'ringing' },
    ]).expect(200);
    expect(second.body).toMatchObject({ created: 0, updated: 2, unchanged: 2, rejected: [] });
    expect(second.body.items.map((i: { result: string }) => i.result)).toEqual(['updated', 'unchanged', 'updated', 'unchanged']);
    expect(new Set(second.body.items.filter((_: unknown, n: number) => n !== 1).map((i: { id: string }) => i.id))).toEqual(new Set([first.body.items[0].id]));
    expect(await count(a, { externalId: base.externalId })).toBe(1);
    const row = await t.orm.em.fork().findOneOrFail(CallLog, first.body.items[0].id, { filters: false });
    expect(row).toMatchObject({ status: 'completed', talkSeconds: 60, ringSeconds: 5 });
  });

  it('stores 1,000 items with one INSERT … ON CONFLICT statement, and one outbox event per row', async () => {
    const start = Date.now() - 2 * 24 * 60 * MINUTE;
    const items = Array.from({ length: 1000 }, (_, n) =>
      answeredCall({
        externalId: `bulk-1000-${n}`,
        fromNumber: `+1415555${String(1000 + n).padStart(4, '0')}`,
        startedAt: new Date(start + n * MINUTE).toISOString(),
        answeredAt: new Date(start + n * MINUTE + 3_000).toISOString(),
        endedAt: new Date(start + n * MINUTE + 3_000 + n * 1_000).toISOString(),
        agentId: n % 2 ? a.agent.id : a.agent2.id,
      }),
    );
    const statements = jest.spyOn(upsertSql, 'upsertCallLogsSql');
    const res = await bulk(aKey.header, items).expect(200);
    expect(statements).toHaveBeenCalledTimes(1);
    expect(statements.mock.calls[0][1]).toHaveLength(1000);
    statements.mockRestore();
    expect(res.body).toMatchObject({ created: 1000, updated: 0, unchanged: 0, rejected: [] });
    expect(res.body.items.map((i: { index: number }) => i.index)).toEqual(items.map((_, n) => n));
    const rows = await t.orm.em.fork().find(CallLog, { tenantId: a.tenant.id, externalId: { $like: 'bulk-1000-%' } }, { filters: false });
    expect(rows).toHaveLength(1000);
    const byExternal = new Map(rows.map((r) => [r.externalId, r]));
    expect(byExternal.get('bulk-1000-999')).toMatchObject({ talkSeconds: 999, ringSeconds: 3, agentId: a.agent.id, fromNumber: '+14155551999' });
    const events = await t.orm.em.fork().count(OutboxEvent, { tenantId: a.tenant.id, name: 'call-log.created', resourceId: { $in: rows.map((r) => r.id) } }, { filters: false });
    expect(events).toBe(1000);
    // all sent again: every one is already there
    const again = await bulk(aKey.header, items).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1000 });
  });

  it('refuses more than 1,000 items, none and a missing items array with 400', async () => {
    await bulk(aKey.header, Array.from({ length: 1001 }, () => answeredCall())).expect(400);
    await bulk(aKey.header, []).expect(400);
    await request(t.server).post(`${API}/call-logs/bulk`).set(aKey.header).send({}).expect(400);
  });

  it("makes an agent's items theirs and reports another agent's externalId as 409", async () => {
    const theirs = answeredCall({ status: 'ringing', outcome: null, answeredAt: null, endedAt: null });
    await bulk(tokenFor(t, a.agent2, a.tenant.id), [theirs]).expect(200);
    const res = await bulk(tokenFor(t, a.agent, a.tenant.id), [answeredCall({ agentId: a.agent2.id }), { ...theirs, status: 'in_progress' }]).expect(200);
    expect(res.body.rejected).toEqual([{ index: 1, status: 409, errors: { externalId: expect.any(String) } }]);
    const mine = await t.orm.em.fork().findOneOrFail(CallLog, res.body.items[0].id, { filters: false });
    expect(mine.agentId).toBe(a.agent.id);
  });

  it('replays a bulk answer for the same Idempotency-Key and body, and refuses another body (422)', async () => {
    const key = uniqueId('bulk');
    const items = [answeredCall({ externalId: null }), answeredCall({ externalId: null, fromNumber: 'bad' })];
    const first = await bulk(aKey.header, items, { 'Idempotency-Key': key }).expect(200);
    const before = await count(a);
    const again = await bulk(aKey.header, items, { 'Idempotency-Key': key }).expect(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count(a)).toBe(before);
    await bulk(aKey.header, [items[0]], { 'Idempotency-Key': key }).expect(422);
  });

  it('refuses a key without calls:write (403) and a request without credentials (401)', async () => {
    const readOnly = await createApiKey(t, a, ['calls:read']);
    await bulk(readOnly.header, [answeredCall()]).expect(403);
    await bulk({}, [answeredCall()]).expect(401);
  });
});
