import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics (hand-written: no entities; read with raw SQL by backend/src/analytics).
 *
 * call_daily_rollups and call_daily_talk_times hold, per tenant and local day (in the tenant's time
 * zone), what the summary, series and leaderboard would otherwise add up from millions of call_logs
 * rows. Statement-level triggers keep them exact in the same transaction as every insert, update and
 * delete, with one grouped upsert per statement (bulk ingestion pays once, not per row; an update
 * that changes no figure touches nothing). Changing a tenant's time zone rebuilds its rollups.
 * The figure definitions must match RAW_CALL_FIGURES in backend/src/analytics/calls-analytics.sql.ts.
 */
const FIGURES: Record<string, string> = {
  calls: '1',
  inbound: "(s.direction = 'inbound')::int",
  outbound: "(s.direction = 'outbound')::int",
  inbound_answered: "coalesce(s.direction = 'inbound' and s.outcome = 'answered', false)::int",
  inbound_missed: "coalesce(s.direction = 'inbound' and s.outcome not in ('answered', 'abandoned'), false)::int",
  inbound_abandoned: "coalesce(s.direction = 'inbound' and s.outcome = 'abandoned', false)::int",
  answered: "coalesce(s.outcome = 'answered', false)::int",
  talk_seconds: "case when s.outcome = 'answered' then s.talk_seconds else 0 end",
  handle_seconds: "case when s.outcome = 'answered' then s.talk_seconds + coalesce(s.wrap_up_seconds, 0) else 0 end",
};
const COLUMNS = Object.keys(FIGURES);

/**
 * Adds the rows of `src(tenant_id, started_at, agent_id, direction, outcome, talk_seconds,
 * wrap_up_seconds, sign)` to both rollups (sign -1 takes a row away). The tenant rows are locked
 * FOR SHARE so that a concurrent time-zone change (which rebuilds) waits for this transaction, and
 * this one then reads the new zone.
 */
const applyDelta = (src: string) => `
  with src as (${src}),
  zones as (select t.id, t.timezone from tenants t where t.id in (select tenant_id from src) for share),
  delta as (
    select s.tenant_id, (s.started_at at time zone z.timezone)::date as day, s.agent_id, s.talk_seconds as talk_value,
           ${COLUMNS.map((c) => `s.sign * ${FIGURES[c]} as ${c}`).join(',\n           ')}
      from src s join zones z on z.id = s.tenant_id
  ),
  rolled as (
    insert into call_daily_rollups as r (tenant_id, day, agent_id, ${COLUMNS.join(', ')})
    select tenant_id, day, agent_id, ${COLUMNS.map((c) => `sum(${c})`).join(', ')}
      from delta
     group by tenant_id, day, agent_id
    having ${COLUMNS.map((c) => `sum(${c}) <> 0`).join(' or ')}
     order by tenant_id, day, agent_id
    on conflict (tenant_id, day, agent_id) do update set ${COLUMNS.map((c) => `${c} = r.${c} + excluded.${c}`).join(', ')}
    returning 1
  )
  insert into call_daily_talk_times as h (tenant_id, day, talk_seconds, calls)
  select tenant_id, day, talk_value, sum(answered)
    from delta
   where answered <> 0
   group by tenant_id, day, talk_value
  having sum(answered) <> 0
   order by tenant_id, day, talk_value
  on conflict (tenant_id, day, talk_seconds) do update set calls = h.calls + excluded.calls`;

const CALL_COLUMNS = 'tenant_id, started_at, agent_id, direction, outcome, talk_seconds, wrap_up_seconds';

const triggerFunction = (name: string, src: string) => `
  create function ${name}() returns trigger language plpgsql as $$
  begin
    ${applyDelta(src)};
    return null;
  end
  $$;`;

export class Migration20261125232000_analytics extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "call_daily_rollups" (
      "tenant_id" uuid not null,
      "day" date not null,
      "agent_id" uuid null,
      ${COLUMNS.map((c) => `"${c}" ${c.endsWith('_seconds') ? 'bigint' : 'int'} not null default 0`).join(',\n      ')},
      constraint "call_daily_rollups_key" unique nulls not distinct ("tenant_id", "day", "agent_id"));`);
    // talk time per answered call, as value → count: exact percentiles without reading every call
    this.addSql(`create table "call_daily_talk_times" (
      "tenant_id" uuid not null,
      "day" date not null,
      "talk_seconds" int not null,
      "calls" int not null,
      constraint "call_daily_talk_times_pkey" primary key ("tenant_id", "day", "talk_seconds") include ("calls"));`);
    // derived data: it goes with its tenant; agent_id has no foreign key (a rollup does not pin a user)
    this.addSql(`alter table "call_daily_rollups" add constraint "call_daily_rollups_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade;`);
    this.addSql(`alter table "call_daily_talk_times" add constraint "call_daily_talk_times_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade;`);

    this.addSql(triggerFunction('analytics_call_rollups_on_insert', `select ${CALL_COLUMNS}, 1 as sign from new_rows`));
    this.addSql(triggerFunction('analytics_call_rollups_on_update', `select ${CALL_COLUMNS}, -1 as sign from old_rows union all select ${CALL_COLUMNS}, 1 from new_rows`));
    this.addSql(triggerFunction('analytics_call_rollups_on_delete', `select ${CALL_COLUMNS}, -1 as sign from old_rows`));
    this.addSql(`create function analytics_call_rollups_on_truncate() returns trigger language plpgsql as $$
      begin
        delete from call_daily_rollups;
        delete from call_daily_talk_times;
        return null;
      end
    $$;`);
    this.addSql(`create function analytics_rebuild_call_rollups(p_tenant_id uuid) returns void language plpgsql as $$
      begin
        delete from call_daily_rollups where tenant_id = p_tenant_id;
        delete from call_daily_talk_times where tenant_id = p_tenant_id;
        ${applyDelta(`select ${CALL_COLUMNS}, 1 as sign from call_logs where tenant_id = p_tenant_id`)};
      end
    $$;`);
    this.addSql(`create function analytics_tenant_timezone_changed() returns trigger language plpgsql as $$
      begin
        perform analytics_rebuild_call_rollups(new.id);
        return null;
      end
    $$;`);
    this.addSql(`create trigger "analytics_call_rollups_insert" after insert on "call_logs" referencing new table as new_rows for each statement execute function analytics_call_rollups_on_insert();`);
    this.addSql(`create trigger "analytics_call_rollups_update" after update on "call_logs" referencing old table as old_rows new table as new_rows for each statement execute function analytics_call_rollups_on_update();`);
    this.addSql(`create trigger "analytics_call_rollups_delete" after delete on "call_logs" referencing old table as old_rows for each statement execute function analytics_call_rollups_on_delete();`);
    this.addSql(`create trigger "analytics_call_rollups_truncate" after truncate on "call_logs" for each statement execute function analytics_call_rollups_on_truncate();`);
    this.addSql(`create trigger "analytics_call_rollups_timezone" after update of "timezone" on "tenants" for each row when (old.timezone is distinct from new.timezone) execute function analytics_tenant_timezone_changed();`);
    this.addSql(`select analytics_rebuild_call_rollups(id) from tenants;`);

    // Ticket times in business minutes: the open time of a business calendar (sla/business-time.ts
    // is the reference) between two instants. Local wall times become instants as there: a time the
    // clocks skip counts as that far after the gap, a time that happens twice is its first occurrence.
    this.addSql(`create function analytics_local_instant(wall timestamp, zone text) returns timestamptz language sql stable parallel safe as $$
      select least(wall at time zone zone, (wall - interval '1 hour') at time zone zone + interval '1 hour')
    $$;`);
    this.addSql(`create function analytics_business_minutes(p_from timestamptz, p_to timestamptz, p_timezone text, p_intervals jsonb, p_holidays jsonb)
      returns double precision language sql stable parallel safe as $$
      select case
        when p_to is null or p_from is null then null
        when p_to <= p_from then 0
        when p_timezone is null then extract(epoch from p_to - p_from)::float8 / 60
        else coalesce((
          select sum(extract(epoch from upper(r) - lower(r)))::float8 / 60
            from unnest((
              select range_agg(tstzrange(w.s, w.e)) * tstzmultirange(tstzrange(p_from, p_to))
                from (select analytics_local_instant(d + make_interval(mins => o.start_min), p_timezone) as s,
                             analytics_local_instant(d + make_interval(mins => o.end_min + case when o.end_min <= o.start_min then 1440 else 0 end), p_timezone) as e
                        from generate_series(((p_from at time zone p_timezone)::date - 1)::timestamp, (p_to at time zone p_timezone)::date::timestamp, interval '1 day') as d
                       cross join lateral (
                               select split_part(i.start, ':', 1)::int * 60 + split_part(i.start, ':', 2)::int as start_min,
                                      split_part(i."end", ':', 1)::int * 60 + split_part(i."end", ':', 2)::int as end_min
                                 from jsonb_to_recordset(p_intervals) as i(weekday int, start text, "end" text)
                                where i.weekday = extract(dow from d)::int) o
                       where not exists (select 1 from jsonb_to_recordset(coalesce(p_holidays, '[]')) as h("from" date, "to" date)
                                          where d::date between h."from" and h."to")) w
               where w.e > w.s)) as r), 0)
      end
    $$;`);

    // the raw rows the rollups do not cover (partial edge days, hours, other time zones, the heatmap): index-only
    this.addSql(`create index "call_logs_analytics_index" on "call_logs" ("tenant_id", "started_at") include ("direction", "outcome", "talk_seconds", "wrap_up_seconds", "agent_id");`);
    this.addSql(`create index "tickets_tenant_id_created_at_index" on "tickets" ("tenant_id", "created_at");`);
    this.addSql(`create index "tickets_analytics_resolved_index" on "tickets" ("tenant_id", "resolved_at") include ("created_at", "assignee_id") where "resolved_at" is not null;`);
    this.addSql(`create index "tickets_analytics_first_response_index" on "tickets" ("tenant_id", "first_responded_at") include ("created_at", "assignee_id") where "first_responded_at" is not null;`);
    // SLA compliance: the targets that fell due in a period
    this.addSql(`create index "sla_events_analytics_due_index" on "sla_events" ("tenant_id", "due_at") include ("ticket_id", "metric", "cycle", "kind", "policy_id", "occurred_at") where "kind" in ('met', 'breached');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "sla_events_analytics_due_index";`);
    this.addSql(`drop index if exists "tickets_analytics_first_response_index";`);
    this.addSql(`drop index if exists "tickets_analytics_resolved_index";`);
    this.addSql(`drop index if exists "tickets_tenant_id_created_at_index";`);
    this.addSql(`drop index if exists "call_logs_analytics_index";`);
    this.addSql(`drop trigger if exists "analytics_call_rollups_timezone" on "tenants";`);
    this.addSql(`drop trigger if exists "analytics_call_rollups_truncate" on "call_logs";`);
    this.addSql(`drop trigger if exists "analytics_call_rollups_delete" on "call_logs";`);
    this.addSql(`drop trigger if exists "analytics_call_rollups_update" on "call_logs";`);
    this.addSql(`drop trigger if exists "analytics_call_rollups_insert" on "call_logs";`);
    this.addSql(`drop function if exists analytics_business_minutes(timestamptz, timestamptz, text, jsonb, jsonb);`);
    this.addSql(`drop function if exists analytics_local_instant(timestamp, text);`);
    this.addSql(`drop function if exists analytics_tenant_timezone_changed();`);
    this.addSql(`drop function if exists analytics_rebuild_call_rollups(uuid);`);
    this.addSql(`drop function if exists analytics_call_rollups_on_truncate();`);
    this.addSql(`drop function if exists analytics_call_rollups_on_delete();`);
    this.addSql(`drop function if exists analytics_call_rollups_on_update();`);
    this.addSql(`drop function if exists analytics_call_rollups_on_insert();`);
    this.addSql(`drop table if exists "call_daily_talk_times";`);
    this.addSql(`drop table if exists "call_daily_rollups";`);
  }

}
