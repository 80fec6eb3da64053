import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, tokenFor, type TenantFixture } from '../support/fixtures';
import { Lead } from '../../backend/src/leads/lead.entity';
import { LeadsService } from '../../backend/src/leads/leads.service';
import { OutboxEvent } from '../../backend/src/outbox/outbox-event.entity';
import { forkForTenant } from '../../backend/src/database/tenant.filter';

/** What call logs use: matching the other party by number, and recording the contact. */
describe('LeadsService for call logs: findByPhone, touchLastContacted', () => {
  let t: TestApp;
  let a: TenantFixture;
  let b: TenantFixture;
  let leads: LeadsService;
  let aLead: { id: string; version: number };
  let bLead: { id: string };
  const E164 = '+14158674001';

  const create = async (f: TenantFixture, body: object) =>
    (await request(t.server).post('/api/v1/leads').set(tokenFor(t, f.supervisor, f.tenant.id)).send(body).expect(201)).body;
  const stored = (id: string) => t.orm.em.fork().findOneOrFail(Lead, id, { filters: false });
  const events = (id: string) => t.orm.em.fork().find(OutboxEvent, { resourceId: id }, { filters: false, orderBy: { seq: 'asc' } });

  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenantFixture(t);
    b = await createTenantFixture(t);
    leads = t.app.get(LeadsService);
    aLead = await create(a, { name: 'Caller A', phone: '(415) 867-4001' });
    bLead = await create(b, { name: 'Caller B', phone: E164 });
  });
  afterAll(() => t.close());

  describe('findByPhone', () => {
    it('returns the tenant’s lead with that number, and only that tenant’s', async () => {
      const inA = await leads.findByPhone(forkForTenant(t.orm.em, a.tenant.id), E164);
      expect(inA.map((l) => l.id)).toEqual([aLead.id]);
      const inB = await leads.findByPhone(forkForTenant(t.orm.em, b.tenant.id), E164);
      expect(inB.map((l) => l.id)).toEqual([bLead.id]);
    });

    it('returns an empty list for an unknown number', async () => {
      expect(await leads.findByPhone(forkForTenant(t.orm.em, a.tenant.id), '+14158679999')).toEqual([]);
    });

    it('refuses to run without a tenant', async () => {
      await expect(leads.findByPhone(t.orm.em.fork(), E164)).rejects.toThrow();
    });
  });

  describe('touchLastContacted', () => {
    it('records the contact without bumping the version, and publishes with the caller’s flush', async () => {
      const em = forkForTenant(t.orm.em, a.tenant.id);
      const at = new Date('2026-03-01T10:00:00Z');
      expect(await leads.touchLastContacted(em, aLead.id, at)).toBe(true);
      expect(await stored(aLead.id)).toMatchObject({ lastContactedAt: at, version: aLead.version });
      expect(await events(aLead.id)).toHaveLength(1);
      await em.flush();
      const rows = await events(aLead.id);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toMatchObject({ name: 'lead.updated', subject: 'Lead', tenantId: a.tenant.id });
      expect(rows[1].payload).toMatchObject({ id: aLead.id, name: 'Caller A', changed: ['lastContactedAt'] });
    });

    it('never moves lastContactedAt backwards (calls may arrive out of order)', async () => {
      const em = forkForTenant(t.orm.em, a.tenant.id);
      const later = new Date('2026-04-01T10:00:00Z');
      expect(await leads.touchLastContacted(em, aLead.id, later)).toBe(true);
      expect(await leads.touchLastContacted(em, aLead.id, new Date('2026-03-15T10:00:00Z'))).toBe(false);
      expect((await stored(aLead.id)).lastContactedAt).toEqual(later);
    });

    it('does not touch another tenant’s lead', async () => {
      const em = forkForTenant(t.orm.em, a.tenant.id);
      expect(await leads.touchLastContacted(em, bLead.id, new Date('2026-05-01T10:00:00Z'))).toBe(false);
      await em.flush();
      expect((await stored(bLead.id)).lastContactedAt).toBeNull();
      expect(await events(bLead.id)).toHaveLength(1);
    });

    it('keeps a user’s open edit valid: PUT with the version read before the call succeeds', async () => {
      const em = forkForTenant(t.orm.em, a.tenant.id);
      await leads.touchLastContacted(em, aLead.id, new Date('2026-06-01T10:00:00Z'));
      const res = await request(t.server)
        .put(`/api/v1/leads/${aLead.id}`)
        .set(tokenFor(t, a.supervisor, a.tenant.id))
        .send({ status: 'contacted', version: aLead.version })
        .expect(200);
      expect(res.body.lastContactedAt).toBe('2026-06-01T10:00:00.000Z');
    });
  });
});
