import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { seedDemoLeads } from '../../backend/src/leads/leads.seed';
import { seedDemoTickets } from '../../backend/src/tickets/tickets.seed';
import { DEMO_CALLS_PER_TENANT, seedDemoCalls } from '../../backend/src/calls/calls.seed';
import { DEFAULT_DISPOSITIONS } from '../../backend/src/dispositions/dispositions.seed';

describe('demo call seeding', () => {
  let t: TestApp;
  let f: TenantFixture;
  let other: TenantFixture;
  let seconds: number;
  const log: string[] = [];

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await t.orm.em.getConnection().execute(sql, params)) as T[])[0];

  beforeAll(async () => {
    t = await createTestApp();
    f = await createTenantFixture(t, { timezone: 'America/New_York', defaultCountry: 'US' });
    other = await createTenantFixture(t);
    const em = () => forkForTenant(t.orm.em, f.tenant.id);
    await seedDemoLeads(em(), f.tenant, () => undefined);
    await seedDemoTickets(em(), f.tenant, () => undefined);
    const started = Date.now();
    await seedDemoCalls(em(), f.tenant, (m) => log.push(m));
    seconds = (Date.now() - started) / 1000;
    process.stdout.write(`[call-logs-seed] ${DEMO_CALLS_PER_TENANT} calls in ${seconds.toFixed(2)} s\n`);
  });
  afterAll(() => t.close());

  it('inserts 20,000 calls and the default dispositions into that tenant only, set-based (seconds, not minutes)', async () => {
    expect(seconds).toBeLessThan(15);
    const counts = await one<{ mine: number; theirs: number; outbox: number }>(
      `select count(*) filter (where tenant_id = ?)::int as mine, count(*) filter (where tenant_id = ?)::int as theirs,
              (select count(*) from outbox_events where tenant_id = ? and name like 'call-log.%')::int as outbox
         from call_logs`,
      [f.tenant.id, other.tenant.id, f.tenant.id],
    );
    expect(counts).toEqual({ mine: DEMO_CALLS_PER_TENANT, theirs: 0, outbox: 0 });
    const names: { name: string }[] = await t.orm.em.getConnection().execute('select name from dispositions where tenant_id = ? order by position', [f.tenant.id]);
    expect(names.map((r) => r.name)).toEqual([...DEFAULT_DISPOSITIONS]);
    expect(log.join('\n')).toMatch(/20000 calls/);
  });

  it('spreads them over the 90 days before today with realistic shares', async () => {
    const s = await one<Record<string, number>>(
      `select min(started_at) > now() - interval '92 days' as recent_enough, max(started_at) < now() as past,
              avg((direction = 'inbound')::int)::float as inbound,
              avg((outcome <> 'answered')::int)::float as not_reached,
              avg((lead_id is not null)::int)::float as with_lead,
              avg((ticket_id is not null)::int)::float as with_ticket,
              count(*) filter (where extract(isodow from started_at at time zone 'America/New_York') < 6)::float / 5 /
                nullif(count(*) filter (where extract(isodow from started_at at time zone 'America/New_York') >= 6), 0)::float * 2 as weekday_to_weekend,
              avg((extract(hour from started_at at time zone 'America/New_York') between 9 and 16)::int)::float as office_hours,
              percentile_cont(0.5) within group (order by talk_seconds) filter (where outcome = 'answered') as median_talk,
              avg(talk_seconds) filter (where outcome = 'answered')::float as mean_talk
         from call_logs where tenant_id = ?`,
      [f.tenant.id],
    );
    expect(s).toMatchObject({ recent_enough: true, past: true });
    expect(s.inbound).toBeGreaterThan(0.55);
    expect(s.inbound).toBeLessThan(0.65);
    expect(s.not_reached).toBeGreaterThan(0.1);
    expect(s.not_reached).toBeLessThan(0.2);
    expect(s.with_lead).toBeGreaterThan(0.6);
    expect(s.with_ticket).toBeGreaterThan(0);
    expect(s.weekday_to_weekend).toBeGreaterThan(2.5);
    expect(s.office_hours).toBeGreaterThan(0.6);
    // log-normal: right-skewed, so the mean lies above the median
    expect(s.mean_talk).toBeGreaterThan(s.median_talk * 1.1);
  });

  it('writes rows that ingestion would accept: derived durations agree, numbers and links are consistent', async () => {
    const bad = await one<Record<string, number>>(
      `select count(*) filter (where talk_seconds <> coalesce(extract(epoch from ended_at - answered_at)::int, 0))::int as talk,
              count(*) filter (where ring_seconds <> extract(epoch from coalesce(answered_at, ended_at) - started_at)::int)::int as ring,
              count(*) filter (where (outcome = 'answered') <> (answered_at is not null))::int as answered,
              count(*) filter (where from_number !~ '^\\+[1-9][0-9]{6,14}$' or to_number !~ '^\\+[1-9][0-9]{6,14}$')::int as numbers,
              count(*) filter (where c.lead_id is not null and l.phone <> case when c.direction = 'inbound' then c.from_number else c.to_number end)::int as lead_phone,
              count(*) filter (where c.ticket_id is not null and t.requester_phone <> case when c.direction = 'inbound' then c.from_number else c.to_number end)::int as ticket_phone,
              count(*) filter (where c.lead_match = 'matched' and c.lead_id is null)::int as lead_match
         from call_logs c left join leads l on l.id = c.lead_id left join tickets t on t.id = c.ticket_id
        where c.tenant_id = ?`,
      [f.tenant.id],
    );
    expect(bad).toEqual({ talk: 0, ring: 0, answered: 0, numbers: 0, lead_phone: 0, ticket_phone: 0, lead_match: 0 });
  });

  it("moves leads' lastContactedAt up to their latest call", async () => {
    const behind = await one<{ n: number }>(
      `select count(*)::int as n from leads l
        where l.tenant_id = ? and l.last_contacted_at < (select max(started_at) from call_logs c where c.tenant_id = l.tenant_id and c.lead_id = l.id)`,
      [f.tenant.id],
    );
    expect(behind.n).toBe(0);
  });
});
