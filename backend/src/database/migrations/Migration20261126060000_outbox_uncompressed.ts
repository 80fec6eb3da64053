import { Migration } from '@mikro-orm/migrations';

/**
 * Outbox rows live for seconds (relayed, then pruned), but PostgreSQL compressed their large JSON
 * (pglz) on the way in: the SLA job's shared rows of 500 notification events (~250 kB each) took
 * 42 ms of a 1,006-row insert to compress, 7 ms stored as they are. EXTERNAL keeps large values out
 * of line (TOAST) without compressing them.
 */
export class Migration20261126060000_outbox_uncompressed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_events" alter column "payload" set storage external, alter column "events" set storage external;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_events" alter column "payload" set storage extended, alter column "events" set storage extended;`);
  }
}
