import { Migration } from '@mikro-orm/migrations';

export class Migration20261125200831_tickets extends Migration {

  override async up(): Promise<void> {
    // hand-written: the requester phone's digit suffixes (≥ 4 digits) as words, so that prefix search
    // on "5550123" or "4155550123" finds "+14155550123"
    this.addSql(`create function ticket_phone_lexemes(phone text) returns text language sql immutable parallel safe as $$
      select coalesce(string_agg(right(d, n), ' '), '')
        from (select regexp_replace(coalesce(phone, ''), '\\D', '', 'g') as d) p, generate_series(4, length(d)) as n
    $$;`);

    this.addSql(`create type "audit_actor_type" as enum ('user', 'apiKey', 'system');`);
    this.addSql(`create type "audit_action" as enum ('create', 'update', 'delete', 'assign', 'status', 'note');`);
    this.addSql(`create type "ticket_status" as enum ('new', 'open', 'pending', 'resolved', 'closed');`);
    this.addSql(`create type "ticket_priority" as enum ('low', 'normal', 'high', 'urgent');`);
    this.addSql(`create type "ticket_channel" as enum ('phone', 'email', 'web', 'api');`);
    this.addSql(`create type "note_visibility" as enum ('internal', 'public');`);
    this.addSql(`create table "audit_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "actor_id" uuid null, "actor_type" "audit_actor_type" not null, "resource" text not null, "resource_id" uuid not null, "action" "audit_action" not null, "changes" jsonb not null, "occurred_at" timestamptz not null default now(), constraint "audit_events_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_events_tenant_id_index" on "audit_events" ("tenant_id");`);
    this.addSql(`create index "audit_events_tenant_id_occurred_at_index" on "audit_events" ("tenant_id", "occurred_at");`);
    this.addSql(`create index "audit_events_tenant_id_resource_resource_id_occurred_at_index" on "audit_events" ("tenant_id", "resource", "resource_id", "occurred_at");`);

    this.addSql(`create table "tickets" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "number" int not null, "subject" text not null, "description" text null, "status" "ticket_status" not null default 'new', "priority" "ticket_priority" not null default 'normal', "channel" "ticket_channel" not null default 'phone', "tags" text[] not null default '{}', "requester_name" text null, "requester_phone" text null, "requester_email" text null, "lead_id" uuid null, "assignee_id" uuid null, "call_log_id" uuid null, "first_responded_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "version" int not null default 1, "search" tsvector generated always as (to_tsvector('simple', number::text || ' ' || subject || ' ' || coalesce(description, '') || ' ' || coalesce(requester_name, '') || ' ' || coalesce(requester_email, '') || ' ' || coalesce(requester_phone, '') || ' ' || ticket_phone_lexemes(requester_phone))) stored null, constraint "tickets_pkey" primary key ("id"));`);
    this.addSql(`create index "tickets_tenant_id_index" on "tickets" ("tenant_id");`);
    this.addSql(`create index "tickets_search_index" on "tickets" using gin ("search");`);
    this.addSql(`create index "tickets_tags_index" on "tickets" using gin ("tags");`);
    this.addSql(`create index "tickets_tenant_id_assignee_id_status_index" on "tickets" ("tenant_id", "assignee_id", "status");`);
    this.addSql(`create index "tickets_tenant_id_status_index" on "tickets" ("tenant_id", "status");`);
    this.addSql(`create index "tickets_tenant_id_updated_at_id_index" on "tickets" ("tenant_id", "updated_at" desc, "id");`);
    this.addSql(`alter table "tickets" add constraint "tickets_tenant_id_id_unique" unique ("tenant_id", "id");`);
    this.addSql(`alter table "tickets" add constraint "tickets_tenant_id_number_unique" unique ("tenant_id", "number");`);

    this.addSql(`create table "ticket_counters" ("tenant_id" uuid not null, "last_number" int not null, constraint "ticket_counters_pkey" primary key ("tenant_id"));`);

    this.addSql(`create table "ticket_notes" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "ticket_id" uuid not null, "body" text not null, "visibility" "note_visibility" not null default 'internal', "author_id" uuid null, constraint "ticket_notes_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_notes_tenant_id_index" on "ticket_notes" ("tenant_id");`);
    this.addSql(`create index "ticket_notes_tenant_id_ticket_id_created_at_index" on "ticket_notes" ("tenant_id", "ticket_id", "created_at");`);

    // hand-written: referential integrity within one tenant (composite keys onto (tenant_id, id))
    this.addSql(`alter table "tickets" add constraint "tickets_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "tickets" add constraint "tickets_assignee_foreign" foreign key ("tenant_id", "assignee_id") references "users" ("tenant_id", "id");`);
    this.addSql(`alter table "tickets" add constraint "tickets_lead_foreign" foreign key ("tenant_id", "lead_id") references "leads" ("tenant_id", "id") on delete set null ("lead_id");`);
    this.addSql(`alter table "ticket_counters" add constraint "ticket_counters_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "ticket_notes" add constraint "ticket_notes_ticket_foreign" foreign key ("tenant_id", "ticket_id") references "tickets" ("tenant_id", "id") on delete cascade;`);
    // not composite: a super admin (no tenant) may write notes while acting on a tenant
    this.addSql(`alter table "ticket_notes" add constraint "ticket_notes_author_foreign" foreign key ("author_id") references "users" ("id");`);
    this.addSql(`alter table "audit_events" add constraint "audit_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);

    // hand-written: the audit trail is append-only, whoever connects
    this.addSql(`create function audit_events_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only: % refused', tg_op;
      end
    $$;`);
    this.addSql(`create trigger "audit_events_append_only" before update or delete on "audit_events" for each row execute function audit_events_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_events" cascade;`);
    this.addSql(`drop function if exists audit_events_refuse_change();`);
    this.addSql(`drop table if exists "ticket_notes" cascade;`);
    this.addSql(`drop table if exists "ticket_counters" cascade;`);
    this.addSql(`drop table if exists "tickets" cascade;`);
    this.addSql(`drop function if exists ticket_phone_lexemes(text);`);

    this.addSql(`drop type "audit_actor_type";`);
    this.addSql(`drop type "audit_action";`);
    this.addSql(`drop type "ticket_status";`);
    this.addSql(`drop type "ticket_priority";`);
    this.addSql(`drop type "ticket_channel";`);
    this.addSql(`drop type "note_visibility";`);
  }

}
