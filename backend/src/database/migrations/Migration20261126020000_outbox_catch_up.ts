import { Migration } from '@mikro-orm/migrations';

/**
 * The relay's catch-up after its LISTEN connection comes back (outbox-listener.ts) reads the events
 * delivered meanwhile, whatever their tenant: one more narrow SECURITY DEFINER entry point beside
 * those of row_level_security (docs/SECURITY.md lists them).
 */
export class Migration20261126020000_outbox_catch_up extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function outbox_delivered_since(p_since timestamptz, p_limit int) returns setof outbox_events
      language sql stable security definer set search_path = public, pg_temp as $$
      select * from outbox_events where delivered_at >= p_since order by seq limit p_limit
    $$;`);
    this.addSql(`revoke all on function outbox_delivered_since(timestamptz, int) from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists outbox_delivered_since(timestamptz, int);`);
  }
}
