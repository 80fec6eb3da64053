import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { CallLog } from '../../backend/src/calls/call-log.entity';
import { Lead } from '../../backend/src/leads/lead.entity';
import { Ticket } from '../../backend/src/tickets/ticket.entity';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import { API, answeredCall, createApiKey, uniqueId, type TestApiKey } from './call-logs.fixtures';

type Auth = Record<string, string>;
const MINUTE = 60_000;

describe('POST /call-logs: one call', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let aKey: TestApiKey;

  const as = (m: StaffMember, f: TenantFixture = a): Auth => tokenFor(t, m, f.tenant.id);
  const post = (auth: Auth, body: object, headers: Auth = {}) => request(t.server).post(`${API}/call-logs`).set(auth).set(headers).send(body);
  const stored = (id: string) => t.orm.em.fork().findOne(CallLog, id, { filters: false });
  const count = (f: TenantFixture, where: object = {}) => t.orm.em.fork().count(CallLog, { tenantId: f.tenant.id, ...where }, { filters: false });
  const events = (id: string) => t.orm.em.fork().find(OutboxEvent, { resourceId: id }, { filters: false, orderBy: { seq: 'asc' } });
  const lead = async (f: TenantFixture, phone: string) =>
    (await request(t.server).post(`${API}/leads`).set(as(f.supervisor, f)).send({ name: `Lead ${phone}`, phone }).expect(201)).body as { id: string };
  const ticket = async (f: TenantFixture, body: object = {}) =>
    (await request(t.server).post(`${API}/tickets`).set(as(f.supervisor, f)).send({ subject: 'Printer on fire', ...body }).expect(201)).body as { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([createTenantFixture(t), createTenantFixture(t, { defaultCountry: 'DE' })]);
    aKey = await createApiKey(t, a, ['calls:write', 'calls:read']);
  });
  afterAll(() => t.close());

  describe('storing', () => {
    it("stores an agent's call as theirs, whatever agentId says; numbers in E.164, durations derived", async () => {
      const res = await post(as(a.agent), answeredCall({ agentId: a.agent2.id, fromNumber: '(415) 555-0132', source: undefined })).expect(201);
      expect(res.body).toMatchObject({
        tenantId: a.tenant.id,
        agentId: a.agent.id,
        fromNumber: '+14155550132',
        toNumber: '+12015550100',
        talkSeconds: 120,
        ringSeconds: 10,
        status: 'completed',
        outcome: 'answered',
        source: 'android',
        leadMatch: 'none',
      });
      expect(await stored(res.body.id)).toMatchObject({ tenantId: a.tenant.id, agentId: a.agent.id, talkSeconds: 120, ringSeconds: 10 });
    });

    it('stores a call sent with an API key for the agent it names, in the key’s tenant, and publishes call-log.created', async () => {
      const res = await post(aKey.header, answeredCall({ agentId: a.agent2.id })).expect(201);
      expect(res.body).toMatchObject({ tenantId: a.tenant.id, agentId: a.agent2.id, source: 'api' });
      const rows = await events(res.body.id);
      expect(rows.map((e) => [e.name, e.subject, e.tenantId, e.payload.agentId])).toEqual([['call-log.created', 'CallLog', a.tenant.id, a.agent2.id]]);
    });

    it('also takes the key as a cp_live_ bearer token', async () => {
      await post({ Authorization: `Bearer ${aKey.secret}` }, answeredCall()).expect(201);
    });

    it('reads local numbers with the tenant’s default country (DE here)', async () => {
      const res = await post(as(b.agent, b), answeredCall({ fromNumber: '030 1234 5678', toNumber: '0151 12345678' })).expect(201);
      expect(res.body).toMatchObject({ fromNumber: '+493012345678', toNumber: '+4915112345678' });
    });

    it('keeps a ringing call without outcome or end, and sets ring and talk to 0', async () => {
      const startedAt = new Date(Date.now() - MINUTE).toISOString();
      const res = await post(as(a.agent), answeredCall({ status: 'ringing', outcome: undefined, answeredAt: undefined, endedAt: undefined, startedAt })).expect(201);
      expect(res.body).toMatchObject({ status: 'ringing', outcome: null, endedAt: null, talkSeconds: 0, ringSeconds: 0 });
    });

    it('accepts talkSeconds and ringSeconds that agree with the times', async () => {
      await post(as(a.agent), answeredCall({ talkSeconds: 120, ringSeconds: 10 })).expect(201);
    });
  });

  describe('validation (nothing stored)', () => {
    it.each([
      ['an invalid fromNumber', { fromNumber: '12' }, 'fromNumber'],
      ['letters as toNumber', { toNumber: 'call me' }, 'toNumber'],
      ['answeredAt before startedAt', { answeredAt: new Date(Date.now() - 2 * 60 * MINUTE).toISOString() }, 'answeredAt'],
      ['endedAt before answeredAt', { endedAt: new Date(Date.now() - 60 * MINUTE + 5_000).toISOString() }, 'endedAt'],
      ['endedAt before startedAt', { answeredAt: null, outcome: 'missed', endedAt: new Date(Date.now() - 61 * MINUTE).toISOString() }, 'endedAt'],
      ['a completed call without endedAt', { endedAt: null }, 'endedAt'],
      ['a completed call without outcome', { outcome: null }, 'outcome'],
      ['an answered call without answeredAt', { answeredAt: null }, 'answeredAt'],
      ['a missed call with answeredAt', { outcome: 'missed' }, 'answeredAt'],
      ['talkSeconds that disagree', { talkSeconds: 300 }, 'talkSeconds'],
      ['ringSeconds that disagree', { ringSeconds: 1 }, 'ringSeconds'],
      ['a start in the future', { startedAt: new Date(Date.now() + 60 * MINUTE).toISOString(), answeredAt: null, endedAt: null, status: 'ringing', outcome: null }, 'startedAt'],
      ['a local time without zone', { startedAt: '2026-01-05T10:00:00' }, 'startedAt'],
      ['an unknown direction', { direction: 'sideways' }, 'direction'],
      ['an http recording URL', { recordingUrl: 'http://example.com/r.mp3' }, 'recordingUrl'],
      ['a negative wrap-up', { wrapUpSeconds: -1 }, 'wrapUpSeconds'],
    ])('refuses %s with 400 naming the field', async (_label, override, field) => {
      const before = await count(a);
      const res = await post(as(a.agent), answeredCall(override)).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(await count(a)).toBe(before);
    });
  });

  describe('references stay inside the tenant', () => {
    it("refuses an API key's agentId from another tenant with 422 errors.agentId, storing nothing anywhere", async () => {
      const [beforeA, beforeB] = [await count(a), await count(b)];
      const res = await post(aKey.header, answeredCall({ agentId: b.agent.id })).expect(422);
      expect(res.body.errors).toEqual({ agentId: 'agentId must be an active user of this tenant' });
      expect([await count(a), await count(b)]).toEqual([beforeA, beforeB]);
    });

    it('refuses a deactivated agent', async () => {
      const f = await createTenantFixture(t);
      const key = await createApiKey(t, f, ['calls:write']);
      await t.orm.em.getConnection().execute('update users set active = false where id = ?', [f.agent2.id]);
      const res = await post(key.header, answeredCall({ agentId: f.agent2.id })).expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['agentId']);
    });

    it("refuses another tenant's ticket, lead and an unknown disposition with 422 by field", async () => {
      const bTicket = await ticket(b);
      const bLead = await lead(b, '+4930 98765432');
      const res = await post(aKey.header, answeredCall({ ticketId: bTicket.id, leadId: bLead.id, disposition: 'Sale' })).expect(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['disposition', 'leadId', 'ticketId']);
    });

    it('accepts a disposition of the tenant and a ticket of the tenant', async () => {
      await request(t.server).post(`${API}/dispositions`).set(as(a.admin)).send({ name: 'Sale' }).expect(201);
      const own = await ticket(a);
      const res = await post(aKey.header, answeredCall({ ticketId: own.id, disposition: 'Sale' })).expect(201);
      expect(res.body).toMatchObject({ ticketId: own.id, disposition: 'Sale' });
    });
  });

  describe('lifecycle: the same externalId moves the call forward, never backwards, never twice', () => {
    const startedAt = () => new Date(Date.now() - 5 * MINUTE);

    it('ringing → in_progress → completed updates one row (200), and a stale status leaves it unchanged', async () => {
      const start = startedAt();
      const base = { externalId: uniqueId(), direction: 'outbound', fromNumber: '+12015550100', toNumber: '+14155550199', startedAt: start.toISOString() };
      const ringing = await post(aKey.header, { ...base, status: 'ringing' }).expect(201);
      const answeredAt = new Date(start.getTime() + 8_000).toISOString();
      const talking = await post(aKey.header, { ...base, status: 'in_progress', answeredAt, notes: 'asked about invoice 17' }).expect(200);
      expect(talking.body).toMatchObject({ id: ringing.body.id, status: 'in_progress', ringSeconds: 8, talkSeconds: 0 });
      const endedAt = new Date(start.getTime() + 68_000).toISOString();
      const done = await post(aKey.header, { ...base, status: 'completed', outcome: 'answered', answeredAt, endedAt }).expect(200);
      expect(done.body).toMatchObject({ id: ringing.body.id, status: 'completed', talkSeconds: 60, ringSeconds: 8, notes: 'asked about invoice 17' });
      const stale = await post(aKey.header, { ...base, status: 'ringing' }).expect(200);
      expect(stale.body).toMatchObject({ id: ringing.body.id, status: 'completed', talkSeconds: 60 });
      expect(await count(a, { externalId: base.externalId })).toBe(1);
      expect((await events(ringing.body.id)).map((e) => e.name)).toEqual(['call-log.created', 'call-log.updated', 'call-log.updated']);
    });

    it('50 concurrent identical POSTs store one row: one 201, the rest 200 with the same id', async () => {
      const body = answeredCall();
      const responses = await Promise.all(Array.from({ length: 50 }, () => post(aKey.header, body)));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(49);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await count(a, { externalId: body.externalId })).toBe(1);
      expect(await events(responses[0].body.id)).toHaveLength(1);
    });

    it("refuses an agent's re-send of another agent's externalId (409), changing nothing", async () => {
      const base = answeredCall({ status: 'ringing', outcome: null, answeredAt: null, endedAt: null });
      const first = await post(as(a.agent2), base).expect(201);
      const res = await post(as(a.agent), { ...base, status: 'in_progress' }).expect(409);
      expect(res.body.errors).toEqual({ externalId: expect.any(String) });
      expect(await stored(first.body.id)).toMatchObject({ agentId: a.agent2.id, status: 'ringing' });
    });

    it('keeps externalIds per tenant: the same id in two tenants is two calls', async () => {
      const externalId = uniqueId();
      const inA = await post(as(a.agent), answeredCall({ externalId })).expect(201);
      const inB = await post(as(b.agent, b), answeredCall({ externalId, fromNumber: '+493012345678', toNumber: '+4930555000' })).expect(201);
      expect(inA.body.id).not.toBe(inB.body.id);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer (same status and body) for the same key and body, without storing twice', async () => {
      const key = uniqueId('idem');
      const body = answeredCall({ externalId: null });
      const first = await post(aKey.header, body, { 'Idempotency-Key': key }).expect(201);
      const again = await post(aKey.header, body, { 'Idempotency-Key': key }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(await count(a, { fromNumber: '+14155550132', startedAt: new Date(body.startedAt as string) })).toBe(1);
    });

    it('refuses the same key with a different body (422) and stores nothing', async () => {
      const key = uniqueId('idem');
      await post(aKey.header, answeredCall({ externalId: null }), { 'Idempotency-Key': key }).expect(201);
      const before = await count(a);
      const res = await post(aKey.header, answeredCall({ externalId: null, notes: 'different' }), { 'Idempotency-Key': key }).expect(422);
      expect(res.body.errors).toEqual({ 'Idempotency-Key': expect.any(String) });
      expect(await count(a)).toBe(before);
    });

    it('scopes keys per principal: another principal with the same key is a new request', async () => {
      const key = uniqueId('idem');
      const first = await post(aKey.header, answeredCall({ externalId: null }), { 'Idempotency-Key': key }).expect(201);
      const other = await post(as(a.agent), answeredCall({ externalId: null }), { 'Idempotency-Key': key }).expect(201);
      expect(other.body.id).not.toBe(first.body.id);
    });

    it('replays concurrent requests with one key from the first one', async () => {
      const key = uniqueId('idem');
      const body = answeredCall({ externalId: null });
      const responses = await Promise.all(Array.from({ length: 5 }, () => post(aKey.header, body, { 'Idempotency-Key': key })));
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    });

    it('refuses a malformed key with 400', async () => {
      await post(aKey.header, answeredCall(), { 'Idempotency-Key': 'has spaces in it' }).expect(400);
    });
  });

  describe('leads and tickets', () => {
    it('links the lead whose phone is the other party (inbound: caller) and records the contact', async () => {
      const l = await lead(a, '+1 617 555 0142');
      const res = await post(aKey.header, answeredCall({ fromNumber: '(617) 555-0142' })).expect(201);
      expect(res.body).toMatchObject({ leadId: l.id, leadMatch: 'matched' });
      const row = await t.orm.em.fork().findOneOrFail(Lead, l.id, { filters: false });
      expect(row.lastContactedAt?.toISOString()).toBe(res.body.startedAt);
    });

    it('matches the callee of an outbound call, and nobody when no lead has the number', async () => {
      const l = await lead(a, '+1 617 555 0143');
      const out = await post(aKey.header, answeredCall({ direction: 'outbound', fromNumber: '+12015550100', toNumber: '+16175550143' })).expect(201);
      expect(out.body).toMatchObject({ leadId: l.id, leadMatch: 'matched' });
      const none = await post(aKey.header, answeredCall({ fromNumber: '+16175550199' })).expect(201);
      expect(none.body).toMatchObject({ leadId: null, leadMatch: 'none' });
    });

    it('counts an outbound call on a ticket as its first response, once', async () => {
      const tk = await ticket(a);
      const start = Date.now() + 1_000;
      const call = (offset: number) =>
        answeredCall({
          direction: 'outbound',
          ticketId: tk.id,
          startedAt: new Date(start + offset).toISOString(),
          answeredAt: new Date(start + offset + 5_000).toISOString(),
          endedAt: new Date(start + offset + 65_000).toISOString(),
        });
      const first = await post(aKey.header, call(0)).expect(201);
      await post(aKey.header, call(120_000)).expect(201);
      const row = await t.orm.em.fork().findOneOrFail(Ticket, tk.id, { filters: false });
      expect(row.firstRespondedAt?.toISOString()).toBe(first.body.startedAt);
      const updates = await t.orm.em.fork().find(OutboxEvent, { resourceId: tk.id, name: 'ticket.updated' }, { filters: false });
      expect(updates.map((e) => e.payload.changed)).toEqual([['firstRespondedAt']]);
    });

    it('does not count an inbound call on a ticket as a response', async () => {
      const tk = await ticket(a);
      await post(aKey.header, answeredCall({ ticketId: tk.id, startedAt: new Date(Date.now() + 1_000).toISOString(), answeredAt: null, outcome: 'missed', endedAt: new Date(Date.now() + 2_000).toISOString() })).expect(201);
      expect((await t.orm.em.fork().findOneOrFail(Ticket, tk.id, { filters: false })).firstRespondedAt).toBeNull();
    });
  });
});
