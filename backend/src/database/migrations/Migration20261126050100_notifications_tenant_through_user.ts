import { Migration } from '@mikro-orm/migrations';

/**
 * notifications_tenant_id_foreign checked, for every notification inserted, what
 * notifications_user_foreign (tenant_id, user_id) → users (tenant_id, id) already implies: the
 * user's row names the tenant, and users.tenant_id references tenants. A tenant cannot be deleted
 * while it has users, and deleting a user deletes their notifications, so the cascade it declared
 * never had anything left to do. Dropping it halves the foreign-key checks of the SLA job's
 * thousands of notifications per batch.
 */
export class Migration20261126050100_notifications_tenant_through_user extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint "notifications_tenant_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" add constraint "notifications_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade;`);
  }
}
