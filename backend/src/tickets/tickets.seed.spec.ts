import { canTransition, TICKET_STATUSES } from '@callpro/contracts';
import { normalizePhone } from '../common/phone/phone';
import { demoTickets } from './tickets.seed';

const STAFF = [
  { id: 'a1000000-0000-4000-8000-000000000001', role: 'agent' },
  { id: 'a1000000-0000-4000-8000-000000000002', role: 'agent' },
  { id: 'a1000000-0000-4000-8000-000000000003', role: 'supervisor' },
  { id: 'a1000000-0000-4000-8000-000000000004', role: 'org_admin' },
];
const LEADS = [{ id: 'b1000000-0000-4000-8000-000000000001', name: 'Lead One', phone: '+12125550100', email: 'one@lead.test' }];
const NOW = new Date('2026-11-25T12:00:00Z');
const TENANTS = [
  { id: 'c1000000-0000-4000-8000-000000000001', slug: 'acme', defaultCountry: 'US', callingCode: '+1' },
  { id: 'c1000000-0000-4000-8000-000000000002', slug: 'globex', defaultCountry: 'DE', callingCode: '+49' },
];

describe('demoTickets', () => {
  it.each(TENANTS)('gives $slug 1,000 tickets numbered 1001… in creation order over the last 90 days', (tenant) => {
    const { tickets } = demoTickets(tenant, STAFF, LEADS, NOW);
    expect(tickets).toHaveLength(1000);
    expect(tickets.map((t) => t.number)).toEqual(Array.from({ length: 1000 }, (_, i) => 1001 + i));
    for (let i = 1; i < tickets.length; i++) expect(tickets[i].createdAt.getTime()).toBeGreaterThanOrEqual(tickets[i - 1].createdAt.getTime());
    expect(tickets[0].createdAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 90 * 86_400_000);
    expect(tickets.every((t) => t.tenantId === tenant.id && t.updatedAt <= NOW && t.createdAt <= t.updatedAt)).toBe(true);
  });

  it.each(TENANTS)('uses phones valid in $defaultCountry', (tenant) => {
    const phones = demoTickets(tenant, STAFF, [], NOW).tickets.map((t) => t.requesterPhone).filter((p): p is string => p !== null);
    expect(phones.length).toBeGreaterThan(700);
    for (const p of phones) {
      expect(p.startsWith(tenant.callingCode)).toBe(true);
      expect(normalizePhone(p, tenant.defaultCountry)).toBe(p);
    }
  });

  it('mixes statuses, priorities, channels, tags and assignees from the staff only', () => {
    const { tickets } = demoTickets(TENANTS[0], STAFF, LEADS, NOW);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(TICKET_STATUSES));
    expect(new Set(tickets.map((t) => t.priority)).size).toBe(4);
    expect(new Set(tickets.map((t) => t.channel)).size).toBe(4);
    expect(new Set(tickets.flatMap((t) => t.tags)).size).toBeGreaterThan(5);
    const assignees = new Set(tickets.map((t) => t.assigneeId));
    expect(assignees.has(null)).toBe(true);
    expect([...assignees].filter(Boolean).every((id) => STAFF.some((s) => s.id === id))).toBe(true);
    expect(tickets.filter((t) => t.leadId === LEADS[0].id).every((t) => t.requesterPhone === LEADS[0].phone)).toBe(true);
    expect(tickets.some((t) => t.leadId)).toBe(true);
  });

  it('leaves a history that follows the transition rules and matches the tickets', () => {
    const { tickets, audit, notes } = demoTickets(TENANTS[1], STAFF, LEADS, NOW);
    for (const t of tickets.slice(0, 300)) {
      const events = audit.filter((e) => e.resourceId === t.id);
      expect(events[0].action).toBe('create');
      let status = 'new';
      for (const e of events.filter((x) => x.action === 'status')) {
        const { from, to } = e.changes[0] as { from: typeof t.status; to: typeof t.status };
        expect(from).toBe(status);
        expect(canTransition(from, to, 'agent')).toBe(true);
        status = to;
      }
      expect(status).toBe(t.status);
      expect(t.resolvedAt !== null).toBe(t.status === 'resolved' || t.status === 'closed');
      expect(t.closedAt !== null).toBe(t.status === 'closed');
      const own = notes.filter((n) => n.ticketId === t.id);
      expect(own.length).toBeLessThanOrEqual(4);
      expect(events.filter((e) => e.action === 'note')).toHaveLength(own.length);
      const firstPublic = own.filter((n) => n.visibility === 'public').sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())[0];
      expect(t.firstRespondedAt).toEqual(firstPublic?.createdAt ?? null);
    }
  });

  it('is the same on every run (seeded by the tenant slug)', () => {
    const strip = (d: ReturnType<typeof demoTickets>) => d.tickets.map(({ id: _id, leadId: _l, ...rest }) => rest);
    expect(strip(demoTickets(TENANTS[0], STAFF, LEADS, NOW))).toEqual(strip(demoTickets(TENANTS[0], STAFF, LEADS, NOW)));
  });
});
