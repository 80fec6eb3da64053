import { Migration } from '@mikro-orm/migrations';

/**
 * sla_events_tenant_id_foreign checked, for every SLA event inserted, what sla_events_ticket_foreign
 * (tenant_id, ticket_id) → tickets (tenant_id, id) already implies at commit: the ticket's row
 * names the tenant, and tickets.tenant_id references tenants. Dropping it halves the foreign-key
 * checks of the SLA job's thousand events per batch.
 */
export class Migration20261126050200_sla_events_tenant_through_ticket extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sla_events" drop constraint "sla_events_tenant_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sla_events" add constraint "sla_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id");`);
  }
}
