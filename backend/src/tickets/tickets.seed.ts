import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NoteVisibility, TicketChannel, TicketPriority, TicketStatus } from '@callpro/contracts';
import { InvalidPhoneError, normalizePhone } from '../common/phone/phone';
import type { TenantSeedStep } from '../database/seeders/demo.seeder';
import type { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { Lead } from '../leads/lead.entity';
import { TicketNote } from '../ticket-notes/ticket-note.entity';
import { AuditEvent, type AuditChange } from '../audit/audit-event.entity';
import { initialFields } from '../audit/audit-changes';
import { Ticket } from './ticket.entity';
import { FIRST_TICKET_NUMBER, setTicketCounter } from './ticket-numbers';
import { EDITABLE_FIELDS } from './ticket-rules';
import { TICKET_SEED_LOCALES, TICKET_SEED_TAGS, type TicketSeedLocale } from './tickets.seed-data';

export const DEMO_TICKETS_PER_TENANT = 1000;
const DAYS = 90;
const DAY = 86_400_000;
const CHUNK = 500;

type Weighted<T> = [T, number][];
const PRIORITIES: Weighted<TicketPriority> = [['low', 20], ['normal', 50], ['high', 22], ['urgent', 8]];
const CHANNELS: Weighted<TicketChannel> = [['phone', 50], ['email', 25], ['web', 15], ['api', 10]];
/** Older tickets are mostly done; recent ones mostly in progress. */
const STATUSES_OLD: Weighted<TicketStatus> = [['new', 3], ['open', 8], ['pending', 6], ['resolved', 23], ['closed', 60]];
const STATUSES_RECENT: Weighted<TicketStatus> = [['new', 25], ['open', 35], ['pending', 15], ['resolved', 20], ['closed', 5]];
/** The legal way (libs/contracts transitions) from `new` to each status. */
const PATHS: Record<TicketStatus, TicketStatus[]> = {
  new: [],
  open: ['open'],
  pending: ['open', 'pending'],
  resolved: ['open', 'resolved'],
  closed: ['open', 'resolved', 'closed'],
};

export interface SeedStaff {
  id: string;
  role: string;
}

export interface SeedLead {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
}

type TicketRow = Pick<
  Ticket,
  | 'id' | 'tenantId' | 'number' | 'subject' | 'description' | 'status' | 'priority' | 'channel' | 'tags' | 'requesterName'
  | 'requesterPhone' | 'requesterEmail' | 'leadId' | 'assigneeId' | 'callLogId' | 'firstRespondedAt' | 'resolvedAt' | 'closedAt'
  | 'version' | 'createdAt' | 'updatedAt'
>;
type NoteRow = Pick<TicketNote, 'id' | 'tenantId' | 'ticketId' | 'body' | 'visibility' | 'authorId' | 'createdAt' | 'updatedAt'>;
type AuditRow = Pick<AuditEvent, 'id' | 'tenantId' | 'actorId' | 'actorType' | 'resource' | 'resourceId' | 'action' | 'changes' | 'occurredAt' | 'createdAt' | 'updatedAt'>;

export interface DemoTickets {
  tickets: TicketRow[];
  notes: NoteRow[];
  audit: AuditRow[];
}

/** A small seeded PRNG (mulberry32), so every demo database gets the same tickets. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedOf = (text: string) => [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);

/** ASCII for e-mail addresses: Müller → mueller, O'Brien → obrien. */
function asciiSlug(text: string): string {
  const folded = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/ı/g, 'i');
  return folded.normalize('NFD').replace(/[^a-z0-9]/g, '');
}

class Dice {
  readonly rand: () => number;
  constructor(seed: string) {
    this.rand = random(seedOf(seed));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }
  weighted<T>(table: Weighted<T>): T {
    let roll = this.rand() * table.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, weight] of table) if ((roll -= weight) < 0) return value;
    return table[0][0];
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }
  between(from: number, to: number): Date {
    return new Date(from + Math.floor(this.rand() * Math.max(0, to - from)));
  }
}

/** A number valid for the tenant's country, checked with the same rules as the API. */
function phoneFor(d: Dice, locale: TicketSeedLocale, country: string): string {
  for (;;) {
    const { prefix, digits } = d.pick(locale.phonePrefixes);
    const subscriber = String(d.int(2, 9)) + Array.from({ length: digits - 1 }, () => d.int(0, 9)).join('');
    try {
      return normalizePhone(prefix + subscriber, country);
    } catch (error) {
      if (!(error instanceof InvalidPhoneError)) throw error;
    }
  }
}

function requester(d: Dice, locale: TicketSeedLocale, country: string, leads: SeedLead[]) {
  const lead = leads.length > 0 && d.rand() < 0.25 ? d.pick(leads) : null;
  if (lead) return { requesterName: lead.name, requesterPhone: lead.phone, requesterEmail: lead.email, leadId: lead.id };
  const first = d.pick(locale.firstNames);
  const last = d.pick(locale.lastNames);
  return {
    requesterName: `${first} ${last}`,
    requesterPhone: d.rand() < 0.85 ? phoneFor(d, locale, country) : null,
    requesterEmail: d.rand() < 0.7 ? `${asciiSlug(first)}.${asciiSlug(last)}@${d.pick(locale.emailDomains)}` : null,
    leadId: null,
  };
}

/** A ticket's life after creation, in order: status moves and notes (notes come before it is resolved). */
type Step = { status: TicketStatus } | { note: NoteVisibility };

function lifeOf(d: Dice, status: TicketStatus): Step[] {
  const steps: Step[] = PATHS[status].map((s) => ({ status: s }));
  const notes = status === 'new' ? d.int(0, 1) : d.int(1, 4);
  for (let i = 0; i < notes; i++) {
    const done = steps.findIndex((s) => 'status' in s && (s.status === 'resolved' || s.status === 'closed'));
    const at = d.int(0, done === -1 ? steps.length : done);
    steps.splice(at, 0, { note: d.rand() < 0.55 ? 'public' : 'internal' });
  }
  return steps;
}

/**
 * Demo tickets for one tenant over the last 90 days, numbered from 1001 in creation order, with
 * notes and the audit trail their life would have left (create, status moves, notes), all
 * consistent with the transition rules and the first-response rule.
 */
export function demoTickets(tenant: Pick<Tenant, 'id' | 'slug' | 'defaultCountry'>, staff: SeedStaff[], leads: SeedLead[], now: Date, count = DEMO_TICKETS_PER_TENANT): DemoTickets {
  const locale = TICKET_SEED_LOCALES[tenant.defaultCountry] ?? TICKET_SEED_LOCALES.US;
  const d = new Dice(`tickets:${tenant.slug}`);
  const agents = staff.filter((s) => s.role === 'agent');
  const assignable = agents.length ? [...agents, ...agents, ...staff.filter((s) => s.role === 'supervisor')] : staff;
  const end = now.getTime();
  const createdTimes = Array.from({ length: count }, () => d.between(end - DAYS * DAY, end - 60_000).getTime()).sort((x, y) => x - y);
  const out: DemoTickets = { tickets: [], notes: [], audit: [] };
  const audit = (ticketId: string, actorId: string | null, action: AuditRow['action'], changes: AuditChange[], at: Date) =>
    out.audit.push({
      id: randomUUID(), tenantId: tenant.id, actorId, actorType: actorId ? 'user' : 'system', resource: 'tickets', resourceId: ticketId,
      action, changes, occurredAt: at, createdAt: at, updatedAt: at,
    });

  createdTimes.forEach((created, i) => {
    const createdAt = new Date(created);
    const recent = end - created < 14 * DAY;
    const status = d.weighted(recent ? STATUSES_RECENT : STATUSES_OLD);
    const assignee = status === 'new' && d.rand() < 0.6 ? null : d.rand() < 0.92 ? d.pick(assignable) : null;
    const channel = d.weighted(CHANNELS);
    const creator = channel === 'api' || staff.length === 0 ? null : d.pick(staff);
    const description = d.pick(locale.descriptions);
    const ticket: TicketRow = {
      id: randomUUID(),
      tenantId: tenant.id,
      number: FIRST_TICKET_NUMBER + i,
      subject: d.pick(locale.subjects).replace('{n}', String(d.int(10_000, 99_999))),
      description: description && d.rand() < 0.8 ? description : null,
      status: 'new',
      priority: d.weighted(PRIORITIES),
      channel,
      tags: [...new Set(Array.from({ length: d.weighted([[0, 30], [1, 40], [2, 22], [3, 8]]) }, () => d.pick(TICKET_SEED_TAGS)))],
      ...requester(d, locale, tenant.defaultCountry, leads),
      assigneeId: assignee?.id ?? null,
      callLogId: null,
      firstRespondedAt: null,
      resolvedAt: null,
      closedAt: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    audit(ticket.id, creator?.id ?? null, 'create', initialFields(ticket, ['number', ...EDITABLE_FIELDS]), createdAt);

    // done tickets lived a few days; open ones may still be moving today
    const lifeEnd = status === 'resolved' || status === 'closed' ? Math.min(end, created + d.int(1, 10 * 24) * 3_600_000) : end;
    const steps = lifeOf(d, status);
    const times = steps.map(() => d.between(created + 60_000, lifeEnd).getTime()).sort((x, y) => x - y);
    steps.forEach((step, s) => {
      const at = new Date(times[s]);
      const actor = ticket.assigneeId ?? creator?.id ?? (staff.length ? d.pick(staff).id : null);
      if ('status' in step) {
        audit(ticket.id, actor, 'status', [{ field: 'status', from: ticket.status, to: step.status }], at);
        ticket.status = step.status;
        if (step.status === 'resolved') ticket.resolvedAt = at;
        if (step.status === 'closed') ticket.closedAt = at;
      } else {
        const authorId = actor && d.rand() < 0.8 ? actor : staff.length ? d.pick(staff).id : null;
        const pool = step.note === 'public' ? locale.publicNotes : locale.internalNotes;
        const note: NoteRow = { id: randomUUID(), tenantId: tenant.id, ticketId: ticket.id, body: d.pick(pool), visibility: step.note, authorId, createdAt: at, updatedAt: at };
        out.notes.push(note);
        audit(ticket.id, authorId, 'note', [{ field: 'note', from: null, to: { id: note.id, visibility: note.visibility, body: note.body } }], at);
        if (step.note === 'public' && authorId && !ticket.firstRespondedAt) ticket.firstRespondedAt = at;
      }
      ticket.updatedAt = at;
    });
    out.tickets.push(ticket);
  });
  return out;
}

async function insertChunked<T extends object>(em: EntityManager, entity: new () => T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await em.insertMany(entity, rows.slice(i, i + CHUNK) as T[]);
}

/** Demo seed step: ~1,000 tickets per tenant with notes and history, in multi-row inserts. */
export const seedDemoTickets: TenantSeedStep = async (em: EntityManager, tenant: Tenant, log) => {
  const users = await em.find(User, { active: true, role: { $in: ['agent', 'supervisor', 'org_admin'] } }, { orderBy: { email: 'asc' }, fields: ['id', 'role'] });
  const leads = await em.find(Lead, {}, { orderBy: { createdAt: 'asc' }, limit: 200, fields: ['id', 'name', 'phone', 'email'] });
  const data = demoTickets(tenant, users, leads, new Date());
  await em.transactional(async (tem) => {
    await insertChunked(tem, Ticket, data.tickets);
    await insertChunked(tem, TicketNote, data.notes);
    await insertChunked(tem, AuditEvent, data.audit);
    await setTicketCounter(tem, tenant.id, FIRST_TICKET_NUMBER + data.tickets.length - 1);
  });
  log(`  ${tenant.name}: ${data.tickets.length} tickets, ${data.notes.length} notes`);
};
