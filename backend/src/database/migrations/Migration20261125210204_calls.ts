import { Migration } from '@mikro-orm/migrations';

export class Migration20261125210204_calls extends Migration {

  override async up(): Promise<void> {
    // declared in lifecycle order: ingestion compares statuses with > (never move a call backwards)
    this.addSql(`create type "call_status" as enum ('ringing', 'in_progress', 'completed');`);
    this.addSql(`create type "call_direction" as enum ('inbound', 'outbound');`);
    this.addSql(`create type "call_outcome" as enum ('answered', 'missed', 'voicemail', 'busy', 'failed', 'rejected', 'abandoned');`);
    this.addSql(`create type "call_missed_reason" as enum ('no_answer', 'out_of_hours', 'abandoned_in_queue', 'agent_declined');`);
    this.addSql(`create type "call_lead_match" as enum ('matched', 'ambiguous', 'none');`);
    this.addSql(`create type "call_source" as enum ('android', 'api', 'import');`);

    this.addSql(`create table "api_keys" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "scopes" text[] not null, "prefix" text not null, "secret_hash" text not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_by_id" uuid null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`create index "api_keys_tenant_id_index" on "api_keys" ("tenant_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_keys_tenant_id_created_at_id_index" on "api_keys" ("tenant_id", "created_at" desc, "id");`);

    this.addSql(`create table "dispositions" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "active" boolean not null default true, "position" int not null default 0, constraint "dispositions_pkey" primary key ("id"));`);
    this.addSql(`create index "dispositions_tenant_id_index" on "dispositions" ("tenant_id");`);
    this.addSql(`create index "dispositions_tenant_id_position_index" on "dispositions" ("tenant_id", "position");`);
    this.addSql(`alter table "dispositions" add constraint "dispositions_tenant_id_name_unique" unique ("tenant_id", "name");`);
    this.addSql(`alter table "dispositions" add constraint "dispositions_tenant_id_id_unique" unique ("tenant_id", "id");`);

    this.addSql(`create table "call_logs" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "external_id" text null, "direction" "call_direction" not null, "status" "call_status" not null default 'completed', "outcome" "call_outcome" null, "missed_reason" "call_missed_reason" null, "from_number" text not null, "to_number" text not null, "started_at" timestamptz not null, "answered_at" timestamptz null, "ended_at" timestamptz null, "talk_seconds" int not null default 0, "ring_seconds" int not null default 0, "wrap_up_seconds" int null, "agent_id" uuid null, "lead_id" uuid null, "lead_match" "call_lead_match" not null default 'none', "ticket_id" uuid null, "disposition" text null, "notes" text null, "recording_url" text null, "recording_consent" boolean null, "source" "call_source" not null, "device_id" text null, constraint "call_logs_pkey" primary key ("id"));`);
    this.addSql(`create index "call_logs_tenant_id_index" on "call_logs" ("tenant_id");`);
    this.addSql(`create index "call_logs_tenant_id_started_at_id_index" on "call_logs" ("tenant_id", "started_at" desc, "id");`);
    this.addSql(`create index "call_logs_tenant_id_agent_id_started_at_index" on "call_logs" ("tenant_id", "agent_id", "started_at" desc);`);
    this.addSql(`create index "call_logs_tenant_id_lead_id_index" on "call_logs" ("tenant_id", "lead_id");`);
    this.addSql(`create index "call_logs_tenant_id_ticket_id_index" on "call_logs" ("tenant_id", "ticket_id");`);
    this.addSql(`create index "call_logs_tenant_id_disposition_index" on "call_logs" ("tenant_id", "disposition");`);
    this.addSql(`create index "call_logs_tenant_id_from_number_index" on "call_logs" ("tenant_id", "from_number" text_pattern_ops);`);
    this.addSql(`create index "call_logs_tenant_id_to_number_index" on "call_logs" ("tenant_id", "to_number" text_pattern_ops);`);
    // NULL externalIds never conflict (NULLs are distinct), so calls without one are always new rows
    this.addSql(`alter table "call_logs" add constraint "call_logs_tenant_id_external_id_unique" unique ("tenant_id", "external_id");`);
    this.addSql(`alter table "call_logs" add constraint "call_logs_tenant_id_id_unique" unique ("tenant_id", "id");`);

    this.addSql(`create table "idempotency_keys" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "key" text not null, "principal" text not null, "request_hash" text not null, "status" int not null, "response" jsonb not null, constraint "idempotency_keys_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotency_keys_tenant_id_index" on "idempotency_keys" ("tenant_id");`);
    this.addSql(`create index "idempotency_keys_created_at_index" on "idempotency_keys" ("created_at");`);
    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_tenant_id_principal_key_unique" unique ("tenant_id", "principal", "key");`);

    // hand-written: every reference stays inside its tenant (composite keys onto (tenant_id, …))
    this.addSql(`alter table "api_keys" add constraint "api_keys_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_foreign" foreign key ("tenant_id", "created_by_id") references "users" ("tenant_id", "id") on delete set null ("created_by_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_scopes_check" check (cardinality("scopes") > 0);`);
    this.addSql(`alter table "dispositions" add constraint "dispositions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "call_logs" add constraint "call_logs_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "call_logs" add constraint "call_logs_agent_foreign" foreign key ("tenant_id", "agent_id") references "users" ("tenant_id", "id");`);
    this.addSql(`alter table "call_logs" add constraint "call_logs_lead_foreign" foreign key ("tenant_id", "lead_id") references "leads" ("tenant_id", "id") on delete set null ("lead_id");`);
    this.addSql(`alter table "call_logs" add constraint "call_logs_ticket_foreign" foreign key ("tenant_id", "ticket_id") references "tickets" ("tenant_id", "id") on delete set null ("ticket_id");`);
    // by name, so integrations send what they show; a rename carries over, a used one cannot be deleted
    this.addSql(`alter table "call_logs" add constraint "call_logs_disposition_foreign" foreign key ("tenant_id", "disposition") references "dispositions" ("tenant_id", "name") on update cascade;`);
    this.addSql(`alter table "call_logs" add constraint "call_logs_durations_check" check ("talk_seconds" >= 0 and "ring_seconds" >= 0 and ("wrap_up_seconds" is null or "wrap_up_seconds" >= 0));`);
    this.addSql(`alter table "tickets" add constraint "tickets_call_log_foreign" foreign key ("tenant_id", "call_log_id") references "call_logs" ("tenant_id", "id") on delete set null ("call_log_id");`);
    this.addSql(`alter table "idempotency_keys" add constraint "idempotency_keys_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tickets" drop constraint if exists "tickets_call_log_foreign";`);
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
    this.addSql(`drop table if exists "call_logs" cascade;`);
    this.addSql(`drop table if exists "dispositions" cascade;`);
    this.addSql(`drop table if exists "api_keys" cascade;`);
    this.addSql(`drop type "call_direction";`);
    this.addSql(`drop type "call_status";`);
    this.addSql(`drop type "call_outcome";`);
    this.addSql(`drop type "call_missed_reason";`);
    this.addSql(`drop type "call_lead_match";`);
    this.addSql(`drop type "call_source";`);
  }

}
