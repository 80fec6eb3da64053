import { Migration } from '@mikro-orm/migrations';

export class Migration20261125200500_leads extends Migration {

  override async up(): Promise<void> {
    // trusted extension (PostgreSQL ≥ 13): the database owner may create it, no superuser needed
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "lead_status" as enum ('new', 'contacted', 'qualified', 'won', 'lost');`);
    this.addSql(`create table "leads" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "phone" text null, "email" text null, "company" text null, "status" "lead_status" not null default 'new', "source" text null, "owner_id" uuid null, "last_contacted_at" timestamptz null, "version" int not null default 1, "search_text" text generated always as (lower(name || ' ' || coalesce(company, '') || ' ' || coalesce(email, '') || ' ' || coalesce(regexp_replace(phone, '\\D', '', 'g'), ''))) stored not null, constraint "leads_pkey" primary key ("id"));`);
    this.addSql(`create index "leads_tenant_id_index" on "leads" ("tenant_id");`);
    this.addSql(`create index "leads_search_text_trgm_index" on "leads" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create index "leads_tenant_id_updated_at_id_index" on "leads" ("tenant_id", "updated_at" desc, "id");`);
    this.addSql(`create index "leads_tenant_id_status_index" on "leads" ("tenant_id", "status");`);
    this.addSql(`create index "leads_tenant_id_owner_id_index" on "leads" ("tenant_id", "owner_id");`);
    this.addSql(`create unique index "leads_tenant_id_phone_unique" on "leads" ("tenant_id", "phone") where "phone" is not null;`);
    this.addSql(`alter table "leads" add constraint "leads_tenant_id_id_unique" unique ("tenant_id", "id");`);

    // hand-written: a lead belongs to its tenant, and its owner is a user of the same tenant
    this.addSql(`alter table "leads" add constraint "leads_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "leads" add constraint "leads_owner_foreign" foreign key ("tenant_id", "owner_id") references "users" ("tenant_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "leads" cascade;`);
    this.addSql(`drop type "lead_status";`);
  }

}
