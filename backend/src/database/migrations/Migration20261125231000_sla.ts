import { Migration } from '@mikro-orm/migrations';

/** SLA (DESIGN.md §6): business calendars, SLA policies, the SLA event log, and the tickets' SLA columns. */
export class Migration20261125231000_sla extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "sla_metric" as enum ('first_response', 'next_response', 'resolution');`);
    this.addSql(`create type "sla_event_kind" as enum ('applied', 'paused', 'resumed', 'warning', 'breached', 'met');`);
    this.addSql(`create table "business_calendars" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "timezone" text not null, "intervals" jsonb not null, "holidays" jsonb not null, constraint "business_calendars_pkey" primary key ("id"));`);
    this.addSql(`create index "business_calendars_tenant_id_index" on "business_calendars" ("tenant_id");`);
    this.addSql(`alter table "business_calendars" add constraint "business_calendars_tenant_id_name_unique" unique ("tenant_id", "name");`);
    this.addSql(`alter table "business_calendars" add constraint "business_calendars_tenant_id_id_unique" unique ("tenant_id", "id");`);

    this.addSql(`create table "sla_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "ticket_id" uuid not null, "policy_id" uuid null, "metric" "sla_metric" not null, "kind" "sla_event_kind" not null, "cycle" int not null default 0, "threshold" int null, "due_at" timestamptz null, "occurred_at" timestamptz not null, constraint "sla_events_pkey" primary key ("id"));`);
    this.addSql(`create index "sla_events_tenant_id_index" on "sla_events" ("tenant_id");`);
    this.addSql(`create index "sla_events_tenant_id_occurred_at_index" on "sla_events" ("tenant_id", "occurred_at");`);
    this.addSql(`create index "sla_events_tenant_id_ticket_id_occurred_at_index" on "sla_events" ("tenant_id", "ticket_id", "occurred_at");`);
    this.addSql(`create unique index "sla_events_alert_unique" on "sla_events" ("tenant_id", "ticket_id", "metric", "cycle", "kind", "threshold") nulls not distinct where "kind" in ('warning', 'breached');`);

    this.addSql(`create table "sla_policies" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "position" int not null, "priorities" text[] not null default '{}', "channels" text[] not null default '{}', "tags" text[] not null default '{}', "first_response_minutes" int null, "next_response_minutes" int null, "resolution_minutes" int null, "warn_at_percent" int[] not null, "pause_statuses" text[] not null, "calendar_id" uuid null, "active" boolean not null default true, "version" int not null default 1, constraint "sla_policies_pkey" primary key ("id"));`);
    this.addSql(`create index "sla_policies_tenant_id_index" on "sla_policies" ("tenant_id");`);
    this.addSql(`create index "sla_policies_tenant_id_position_index" on "sla_policies" ("tenant_id", "position");`);
    this.addSql(`alter table "sla_policies" add constraint "sla_policies_tenant_id_name_unique" unique ("tenant_id", "name");`);
    this.addSql(`alter table "sla_policies" add constraint "sla_policies_tenant_id_id_unique" unique ("tenant_id", "id");`);

    this.addSql(`alter table "tickets" add column "sla_policy_id" uuid null, add column "sla" jsonb null, add column "sla_next_due_at" timestamptz null, add column "sla_next_warn_at" timestamptz null, add column "sla_paused_since" timestamptz null, add column "sla_paused_minutes" double precision not null default 0;`);
    this.addSql(`create index "tickets_sla_next_check_index" on "tickets" ((least("sla_next_warn_at", "sla_next_due_at"))) where least("sla_next_warn_at", "sla_next_due_at") is not null;`);
    this.addSql(`create index "tickets_tenant_id_sla_next_due_at_index" on "tickets" ("tenant_id", "sla_next_due_at") where "sla_next_due_at" is not null;`);

    // hand-written: referential integrity within one tenant (composite keys onto (tenant_id, id))
    this.addSql(`alter table "business_calendars" add constraint "business_calendars_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "sla_policies" add constraint "sla_policies_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    // a calendar in use cannot be deleted (the API answers 409)
    this.addSql(`alter table "sla_policies" add constraint "sla_policies_calendar_foreign" foreign key ("tenant_id", "calendar_id") references "business_calendars" ("tenant_id", "id");`);
    this.addSql(`alter table "tickets" add constraint "tickets_sla_policy_foreign" foreign key ("tenant_id", "sla_policy_id") references "sla_policies" ("tenant_id", "id") on delete set null ("sla_policy_id");`);
    this.addSql(`alter table "sla_events" add constraint "sla_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    // deferred: a new ticket's first events are written before the unit of work inserts the ticket
    this.addSql(`alter table "sla_events" add constraint "sla_events_ticket_foreign" foreign key ("tenant_id", "ticket_id") references "tickets" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "sla_events" add constraint "sla_events_policy_foreign" foreign key ("tenant_id", "policy_id") references "sla_policies" ("tenant_id", "id") on delete set null ("policy_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tickets" drop constraint "tickets_sla_policy_foreign";`);
    this.addSql(`drop index "tickets_sla_next_check_index";`);
    this.addSql(`drop index "tickets_tenant_id_sla_next_due_at_index";`);
    this.addSql(`alter table "tickets" drop column "sla_policy_id", drop column "sla", drop column "sla_next_due_at", drop column "sla_next_warn_at", drop column "sla_paused_since", drop column "sla_paused_minutes";`);
    this.addSql(`drop table if exists "sla_events" cascade;`);
    this.addSql(`drop table if exists "sla_policies" cascade;`);
    this.addSql(`drop table if exists "business_calendars" cascade;`);
    this.addSql(`drop type "sla_metric";`);
    this.addSql(`drop type "sla_event_kind";`);
  }

}
