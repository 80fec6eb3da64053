import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LeadStatus } from '@callpro/contracts';
import { InvalidPhoneError, normalizePhone } from '../common/phone/phone';
import type { TenantSeedStep } from '../database/seeders/demo.seeder';
import type { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { Lead } from './lead.entity';
import { LEAD_SEED_LOCALES, type LeadSeedLocale } from './leads.seed-data';

export const DEMO_LEADS_PER_TENANT = 250;
const DAY = 86_400_000;
const STATUS_WEIGHTS: [LeadStatus, number][] = [['new', 30], ['contacted', 30], ['qualified', 20], ['won', 10], ['lost', 10]];

/** A small seeded PRNG (mulberry32), so every demo database gets the same leads. */
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

/** ASCII for e-mail addresses: Müller → mueller, Yılmaz → yilmaz. */
function asciiSlug(text: string): string {
  const folded = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/ı/g, 'i');
  return folded.normalize('NFD').replace(/[^a-z0-9]/g, '');
}

interface Generator {
  rand: () => number;
  pick: <T>(items: readonly T[]) => T;
}

function generator(seed: string): Generator {
  const rand = random(seedOf(seed));
  return { rand, pick: (items) => items[Math.floor(rand() * items.length)] };
}

/** A number valid for the tenant's country (checked with the same rules as the API), unique in `taken`. */
function phoneFor(g: Generator, locale: LeadSeedLocale, country: string, taken: Set<string>): string {
  for (;;) {
    const { prefix, digits } = g.pick(locale.phonePrefixes);
    const subscriber = String(2 + Math.floor(g.rand() * 8)) + Array.from({ length: digits - 1 }, () => Math.floor(g.rand() * 10)).join('');
    try {
      const e164 = normalizePhone(prefix + subscriber, country);
      if (!taken.has(e164)) {
        taken.add(e164);
        return e164;
      }
    } catch (error) {
      if (!(error instanceof InvalidPhoneError)) throw error;
    }
  }
}

function weightedStatus(g: Generator): LeadStatus {
  let roll = g.rand() * 100;
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'new';
}

/** Demo leads for one tenant: names, companies and phones of its country, owned by its agents. */
export function demoLeads(tenant: Pick<Tenant, 'id' | 'slug' | 'defaultCountry'>, agentIds: string[], now: Date, count = DEMO_LEADS_PER_TENANT) {
  const locale = LEAD_SEED_LOCALES[tenant.defaultCountry] ?? LEAD_SEED_LOCALES.US;
  const g = generator(tenant.slug);
  const phones = new Set<string>();
  return Array.from({ length: count }, () => {
    const first = g.pick(locale.firstNames);
    const last = g.pick(locale.lastNames);
    const stem = g.pick(locale.companyStems);
    const hasCompany = g.rand() < 0.85;
    const status = weightedStatus(g);
    const createdAt = new Date(now.getTime() - Math.floor(g.rand() * 180 * DAY));
    const age = now.getTime() - createdAt.getTime();
    const updatedAt = new Date(createdAt.getTime() + Math.floor(g.rand() * age));
    const contacted = status !== 'new' || g.rand() < 0.15;
    const lastContactedAt = contacted ? new Date(createdAt.getTime() + Math.floor(g.rand() * age)) : null;
    const domain = hasCompany ? `${asciiSlug(stem)}.${locale.emailTld}` : `mail.${locale.emailTld}`;
    return {
      id: randomUUID(),
      tenantId: tenant.id,
      name: `${first} ${last}`,
      phone: g.rand() < 0.95 ? phoneFor(g, locale, tenant.defaultCountry, phones) : null,
      email: g.rand() < 0.8 ? `${asciiSlug(first)}.${asciiSlug(last)}@${domain}` : null,
      company: hasCompany ? `${stem} ${g.pick(locale.companySuffixes)}` : null,
      status,
      source: g.rand() < 0.9 ? g.pick(locale.sources) : null,
      ownerId: agentIds.length > 0 && g.rand() < 0.9 ? g.pick(agentIds) : null,
      lastContactedAt,
      version: 1,
      createdAt,
      updatedAt,
    };
  });
}

/** Demo seed step: ~250 leads per tenant in one multi-row insert. */
export const seedDemoLeads: TenantSeedStep = async (em: EntityManager, tenant: Tenant, log) => {
  const agents = await em.find(User, { role: 'agent', active: true }, { orderBy: { email: 'asc' }, fields: ['id'] });
  const leads = demoLeads(tenant, agents.map((a) => a.id), new Date());
  await em.insertMany(Lead, leads);
  log(`  ${tenant.name}: ${leads.length} leads`);
};
