import { Migration } from '@mikro-orm/migrations';

export class Migration20261125195546_foundation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "user_role" as enum ('super_admin', 'org_admin', 'supervisor', 'agent');`);
    this.addSql(`create table "refresh_tokens" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "family_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, constraint "refresh_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_tokens_user_id_index" on "refresh_tokens" ("user_id");`);
    this.addSql(`create index "refresh_tokens_family_id_index" on "refresh_tokens" ("family_id");`);

    this.addSql(`create table "tenants" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "slug" text not null, "timezone" text not null default 'UTC', "default_country" text not null default 'US', "settings" jsonb not null, "active" boolean not null default true, constraint "tenants_pkey" primary key ("id"));`);
    this.addSql(`alter table "tenants" add constraint "tenants_slug_unique" unique ("slug");`);

    this.addSql(`create table "users" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid null, "name" text not null, "email" text not null, "phone" text null, "role" "user_role" not null, "password_hash" text not null, "active" boolean not null default true, "token_version" int not null default 0, "last_login_at" timestamptz null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`create index "users_tenant_id_index" on "users" ("tenant_id");`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create index "users_tenant_id_role_index" on "users" ("tenant_id", "role");`);

    // hand-written: referential integrity and the super-admin/tenant rule
    this.addSql(`alter table "users" add constraint "users_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
    this.addSql(`alter table "users" add constraint "users_tenant_unless_super_admin" check (("role" = 'super_admin') = ("tenant_id" is null));`);
    this.addSql(`alter table "users" add constraint "users_tenant_id_id_unique" unique ("tenant_id", "id");`);
    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "refresh_tokens" cascade;`);

    this.addSql(`drop table if exists "tenants" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop type "user_role";`);
  }

}
