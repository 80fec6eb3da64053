import { Migration } from '@mikro-orm/migrations';

/**
 * An outbox row may carry several events (`events`, OutboxService.publishMany's `fresh` events:
 * the SLA job's notifications), so that a batch of thousands of notifications writes, relays and
 * marks a few rows instead of one per notification. The functions that return outbox rows
 * (`select *`, setof outbox_events) return the new column as they are.
 */
export class Migration20261126050000_outbox_shared_rows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_events" add column "events" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_events" drop column "events";`);
  }
}
