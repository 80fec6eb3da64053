import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidPhoneError, normalizePhone } from '../common/phone/phone';
import type { TenantSeedStep } from '../database/seeders/demo.seeder';
import { seedDefaultDispositions } from '../dispositions/dispositions.seed';
import type { Tenant } from '../tenants/tenant.entity';

export const DEMO_CALLS_PER_TENANT = 20_000;
export const DEMO_CALL_DAYS = 90;
const DAY = 86_400_000;
/** Share of calls per local hour of a weekday: a morning and an afternoon peak, quiet nights. */
const HOUR_WEIGHTS = [0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.6, 1.0, 1.3, 1.2, 0.8, 0.9, 1.2, 1.25, 1.0, 0.6, 0.3, 0.15, 0.08, 0.05, 0.03, 0.02];
/** Sunday … Saturday. */
const WEEKDAY_WEIGHTS = [0.15, 1, 1, 1, 1, 1, 0.3];

export interface CallSlots {
  /** Local dates (YYYY-MM-DD), hours (0–23) and how many calls start in that hour. */
  days: string[];
  hours: number[];
  counts: number[];
}

/** The local calendar date of `at` in `timezone`. */
function localDate(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * How many of `count` calls start in each local hour of the `days` days before today (in the
 * tenant's time zone): weekday office-hour peaks, quiet weekends and nights. Counts add up to `count`.
 */
export function callSlots(now: Date, timezone: string, count = DEMO_CALLS_PER_TENANT, days = DEMO_CALL_DAYS): CallSlots {
  const today = Date.parse(`${localDate(now, timezone)}T00:00:00Z`);
  const slots: { day: string; hour: number; weight: number }[] = [];
  for (let back = days; back >= 1; back--) {
    const date = new Date(today - back * DAY);
    const weekday = WEEKDAY_WEIGHTS[date.getUTCDay()];
    HOUR_WEIGHTS.forEach((w, hour) => slots.push({ day: date.toISOString().slice(0, 10), hour, weight: w * weekday }));
  }
  const total = slots.reduce((sum, s) => sum + s.weight, 0);
  // largest remainder, so that the counts add up exactly
  const exact = slots.map((s) => (s.weight / total) * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = count - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k][1]]++;
  return { days: slots.map((s) => s.day), hours: slots.map((s) => s.hour), counts };
}

/** A small seeded PRNG (mulberry32), so every demo database gets the same numbers. */
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

const FALLBACK_PREFIXES: Record<string, string[]> = { US: ['+1201', '+1212', '+1312', '+1415', '+1617'], DE: ['+4930', '+4940', '+4989', '+49151', '+49170'] };

/**
 * `count` valid numbers of the tenant's country that no lead has: callers the CRM does not know.
 * Made by changing the last digits of lead numbers (or, without leads, from a few area codes).
 */
export function unknownNumbers(leadPhones: readonly string[], country: string, count: number, seed = 1): string[] {
  const rand = random(seed);
  const taken = new Set(leadPhones);
  const bases = leadPhones.length ? leadPhones.map((p) => p.slice(0, -4)) : (FALLBACK_PREFIXES[country] ?? FALLBACK_PREFIXES.US).map((p) => p + '555');
  const out: string[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 50; attempt++) {
    const base = bases[Math.floor(rand() * bases.length)];
    const candidate = base + String(Math.floor(rand() * 10_000)).padStart(4, '0');
    try {
      const e164 = normalizePhone(candidate, country);
      if (!taken.has(e164)) {
        taken.add(e164);
        out.push(e164);
      }
    } catch (error) {
      if (!(error instanceof InvalidPhoneError)) throw error;
    }
  }
  return out;
}

/** A PostgreSQL array literal (passed as one text value). */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * One INSERT … SELECT over generate_series: each slot's calls get a random minute; 60 % inbound;
 * 10–20 % not reached (missed, abandoned, voicemail, busy, failed); log-normal talk times (median
 * ~3 min); 70 % with a lead's number (linked), the rest unknown callers; answered calls mostly
 * with a disposition. Columns are consistent with what ingestion derives (talk, ring, ended).
 */
const SEED_SQL = `
with p as materialized (
  select ?::uuid as tenant_id, ?::text as tz, ?::uuid[] as agents, ?::uuid[] as lead_ids, ?::text[] as lead_phones,
         ?::text[] as others, ?::text as line, ?::text[] as dispositions
), base as materialized (
  select (s.day::date + make_interval(hours => s.hour, secs => floor(random() * 3600)::int))::timestamp at time zone p.tz as started_at,
         s.hour, random() < 0.6 as inbound, random() as r_outcome, random() as r_party, random() as r_agent, random() as r_ring,
         sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) as z, random() as r_disp, random() as r_wrap, random() as r_src,
         random() as r_consent, random() as r_other
    from p, unnest(?::date[], ?::int[], ?::int[]) as s(day, hour, cnt), generate_series(1, s.cnt)
), shaped as materialized (
  select b.*,
         case when b.inbound then
           case when r_outcome < 0.08 then 'missed' when r_outcome < 0.11 then 'abandoned' when r_outcome < 0.14 then 'voicemail' else 'answered' end
         else
           case when r_outcome < 0.09 then 'missed' when r_outcome < 0.12 then 'busy' when r_outcome < 0.15 then 'voicemail' when r_outcome < 0.16 then 'failed' else 'answered' end
         end as outcome,
         least(3600, greatest(5, round(exp(5.2 + 0.8 * z))))::int as talk,
         case when r_party < 0.7 and cardinality(p.lead_phones) > 0 then 1 + floor(r_party / 0.7 * cardinality(p.lead_phones))::int end as lead_ix,
         1 + floor(r_other * cardinality(p.others))::int as other_ix
    from base b, p
), timed as materialized (
  select s.*,
         (case s.outcome when 'answered' then 3 + r_ring * 22 when 'abandoned' then 5 + r_ring * 55 when 'voicemail' then 20 + r_ring * 10
                         when 'missed' then 20 + r_ring * 25 else 1 + r_ring * 3 end)::int as ring
    from shaped s
)
insert into call_logs (id, tenant_id, external_id, direction, status, outcome, missed_reason, from_number, to_number, started_at,
                       answered_at, ended_at, talk_seconds, ring_seconds, wrap_up_seconds, agent_id, lead_id, lead_match, ticket_id,
                       disposition, notes, recording_url, recording_consent, source, device_id, created_at, updated_at)
select gen_random_uuid(), p.tenant_id, null,
       (case when t.inbound then 'inbound' else 'outbound' end)::call_direction, 'completed'::call_status, t.outcome::call_outcome,
       (case t.outcome when 'missed' then (case when t.hour between 8 and 17 then 'no_answer' else 'out_of_hours' end)
                       when 'abandoned' then 'abandoned_in_queue' when 'voicemail' then 'no_answer' end)::call_missed_reason,
       case when t.inbound then party else p.line end, case when t.inbound then p.line else party end,
       t.started_at,
       case when t.outcome = 'answered' then t.started_at + make_interval(secs => t.ring) end,
       t.started_at + make_interval(secs => t.ring + case when t.outcome = 'answered' then t.talk else 0 end),
       case when t.outcome = 'answered' then t.talk else 0 end, t.ring,
       case when t.outcome = 'answered' then 10 + floor(t.r_wrap * 110)::int end,
       case when t.outcome <> 'answered' and t.inbound and t.r_agent < 0.5 then null
            else p.agents[1 + floor(t.r_agent * cardinality(p.agents))::int] end,
       p.lead_ids[t.lead_ix], (case when t.lead_ix is null then 'none' else 'matched' end)::call_lead_match, null,
       case when t.outcome = 'answered' and t.r_disp < 0.8 then p.dispositions[1 + floor(t.r_disp / 0.8 * cardinality(p.dispositions))::int] end,
       null, null, case when t.outcome = 'answered' and t.r_consent < 0.6 then true end,
       (case when t.r_src < 0.7 then 'android' else 'api' end)::call_source, null,
       t.started_at + make_interval(secs => t.ring + t.talk), t.started_at + make_interval(secs => t.ring + t.talk)
  from timed t, p, lateral (select coalesce(p.lead_phones[t.lead_ix], p.others[t.other_ix]) as party) o`;

/** Calls on a ticket: the earliest ticket (up to 3 days before the call) whose requester is the other party. */
const LINK_TICKETS_SQL = `
update call_logs c set ticket_id = m.ticket_id
  from (select distinct on (c2.id) c2.id, t.id as ticket_id
          from tickets t
          join call_logs c2 on c2.tenant_id = t.tenant_id
           and (case when c2.direction = 'inbound' then c2.from_number else c2.to_number end) = t.requester_phone
           and c2.started_at between t.created_at and t.created_at + interval '3 days'
         where t.tenant_id = ? and t.requester_phone is not null
         order by c2.id, t.created_at) m
 where c.tenant_id = ? and c.id = m.id`;

/** Leads' lastContactedAt as the seeded calls say (never moved backwards). */
const TOUCH_LEADS_SQL = `
update leads l set last_contacted_at = greatest(l.last_contacted_at, x.last_call)
  from (select lead_id, max(started_at) as last_call from call_logs where tenant_id = ? and lead_id is not null group by lead_id) x
 where l.tenant_id = ? and l.id = x.lead_id`;

/**
 * Demo seed step (after leads and tickets): the default dispositions and ~20,000 calls over 90
 * days, set-based in one transaction, without outbox rows (nobody is listening while seeding).
 */
export const seedDemoCalls: TenantSeedStep = async (em: EntityManager, tenant: Tenant, log) => {
  const dispositions = await seedDefaultDispositions(em);
  const agents: { id: string }[] = await em.execute(`select id from users where tenant_id = ? and role = 'agent' and active order by email`, [tenant.id]);
  const leads: { id: string; phone: string }[] = await em.execute(
    `select id, phone from leads where tenant_id = ? and phone is not null order by created_at, id`,
    [tenant.id],
  );
  if (agents.length === 0) return log(`  ${tenant.name}: no agents, no calls`);
  const [line, ...others] = unknownNumbers(leads.map((l) => l.phone), tenant.defaultCountry, 401);
  const slots = callSlots(new Date(), tenant.timezone);
  await em.transactional(async (tem) => {
    // reproducible demo data: random() in this transaction's session follows the seed
    await tem.execute('select setseed(?)', [0.4242]);
    await tem.execute(
      SEED_SQL,
      [
        tenant.id, tenant.timezone, pgArray(agents.map((a) => a.id)), pgArray(leads.map((l) => l.id)), pgArray(leads.map((l) => l.phone)),
        pgArray(others), line, pgArray(dispositions), pgArray(slots.days), pgArray(slots.hours), pgArray(slots.counts),
      ],
      'run',
    );
    await tem.execute(LINK_TICKETS_SQL, [tenant.id, tenant.id], 'run');
    await tem.execute(TOUCH_LEADS_SQL, [tenant.id, tenant.id], 'run');
  });
  log(`  ${tenant.name}: ${dispositions.length} dispositions, ${slots.counts.reduce((a, b) => a + b, 0)} calls`);
};
