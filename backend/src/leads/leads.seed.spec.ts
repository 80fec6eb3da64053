import { LEAD_STATUSES } from '@callpro/contracts';
import { normalizePhone } from '../common/phone/phone';
import { demoLeads } from './leads.seed';

const AGENTS = ['a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002'];
const NOW = new Date('2026-11-25T12:00:00Z');

describe('demoLeads', () => {
  const tenants = [
    { id: 't1000000-0000-4000-8000-000000000001', slug: 'acme', defaultCountry: 'US', callingCode: '+1' },
    { id: 't1000000-0000-4000-8000-000000000002', slug: 'globex', defaultCountry: 'DE', callingCode: '+49' },
  ];

  it.each(tenants)('gives $slug 250 leads with unique phones valid in $defaultCountry', (tenant) => {
    const leads = demoLeads(tenant, AGENTS, NOW);
    expect(leads).toHaveLength(250);
    const phones = leads.map((l) => l.phone).filter((p): p is string => p !== null);
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) {
      expect(phone.startsWith(tenant.callingCode)).toBe(true);
      expect(normalizePhone(phone, tenant.defaultCountry)).toBe(phone);
    }
  });

  it('mixes every status and owns leads by the given agents only', () => {
    const leads = demoLeads(tenants[0], AGENTS, NOW);
    expect(new Set(leads.map((l) => l.status))).toEqual(new Set(LEAD_STATUSES));
    const owners = new Set(leads.map((l) => l.ownerId));
    expect([...owners].filter((o) => o !== null).sort()).toEqual(AGENTS);
    expect(leads.every((l) => l.tenantId === tenants[0].id)).toBe(true);
  });

  it('keeps timestamps in order and new leads mostly uncontacted', () => {
    const leads = demoLeads(tenants[1], AGENTS, NOW);
    for (const l of leads) {
      expect(l.createdAt.getTime()).toBeLessThanOrEqual(l.updatedAt.getTime());
      expect(l.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (l.lastContactedAt) expect(l.lastContactedAt.getTime()).toBeGreaterThanOrEqual(l.createdAt.getTime());
    }
    expect(leads.filter((l) => l.status !== 'new').every((l) => l.lastContactedAt !== null)).toBe(true);
  });

  it('is the same on every run (seeded by the tenant slug)', () => {
    const strip = (ls: ReturnType<typeof demoLeads>) => ls.map(({ id: _id, ...rest }) => rest);
    expect(strip(demoLeads(tenants[0], AGENTS, NOW))).toEqual(strip(demoLeads(tenants[0], AGENTS, NOW)));
  });

  it('writes ASCII e-mail addresses for German names', () => {
    const emails = demoLeads(tenants[1], AGENTS, NOW).map((l) => l.email).filter((e): e is string => e !== null);
    expect(emails.length).toBeGreaterThan(100);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9]+\.[a-z0-9]+@[a-z0-9.]+\.de$/);
  });
});
