import { Migration } from '@mikro-orm/migrations';

/**
 * Tenant isolation enforced by PostgreSQL itself (issue 9, docs/SECURITY.md "Row-level security").
 *
 * Every tenant-owned table gets RLS enabled and forced, with one policy: a row is visible and
 * writable only when its tenant_id is the transaction's `app.tenant_id` (set with
 * set_config(…, true) by the app, see backend/src/database/rls.ts). Unset means no rows. Once a
 * pooled connection has run set_config(…, true) the setting reads back as '' (not NULL), hence
 * nullif. `users` also holds the super admins (tenant_id null): those rows match when no tenant is
 * set, and never inside a tenant.
 *
 * The owner (who runs this migration) keeps full access through its own policy: FORCE makes the
 * owner subject to policies too, and the few SECURITY DEFINER functions below (owned by it) are the
 * app's only ways across tenants. The app connects as a role that owns nothing (app-role.ts).
 */
const RLS_TABLES = [
  'audit_events',
  'api_keys',
  'business_calendars',
  'call_daily_rollups',
  'call_daily_talk_times',
  'call_logs',
  'dispositions',
  'idempotency_keys',
  'leads',
  'notifications',
  'outbox_events',
  'sla_events',
  'sla_policies',
  'ticket_counters',
  'ticket_notes',
  'tickets',
  'users',
] as const;

const CURRENT_TENANT = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

/** Narrow cross-tenant entry points: owned by the owner, run with its rights, callable by the app role only. */
const DEFINER_FUNCTIONS = [
  'auth_user_by_email(text)',
  'auth_user_by_id(uuid)',
  'auth_lock_user(uuid)',
  'api_key_by_hash(text)',
  'outbox_relay_batch(int, text)',
  'outbox_events_by_seq(bigint[])',
  'outbox_prune(int, int)',
  'idempotency_keys_prune(int, int)',
  'sla_due_tickets(timestamptz, int)',
  'analytics_rebuild_call_rollups(uuid)',
  'ticket_notes_author_in_tenant()',
];

export class Migration20261126010000_row_level_security extends Migration {

  override async up(): Promise<void> {
    for (const table of RLS_TABLES) {
      const match = table === 'users' ? `tenant_id is not distinct from ${CURRENT_TENANT}` : `tenant_id = ${CURRENT_TENANT}`;
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(`create policy "tenant_isolation" on "${table}" using (${match}) with check (${match});`);
      this.addSql(`create policy "owner_maintenance" on "${table}" to current_user using (true) with check (true);`);
    }

    // login: the email is what names the tenant
    this.addSql(`create function auth_user_by_email(p_email text) returns setof users
      language sql stable security definer set search_path = public, pg_temp as $$
      select * from users where email = p_email
    $$;`);
    // refresh, session check, a super admin's own profile: by the id a verified token or refresh token names
    this.addSql(`create function auth_user_by_id(p_id uuid) returns setof users
      language sql stable security definer set search_path = public, pg_temp as $$
      select * from users where id = p_id
    $$;`);
    // refresh-token rotation serialises with revocations on the user's row
    this.addSql(`create function auth_lock_user(p_id uuid) returns void
      language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        perform 1 from users where id = p_id for share;
      end
    $$;`);
    // API-key authentication: the key is what names the tenant
    this.addSql(`create function api_key_by_hash(p_hash text) returns setof api_keys
      language sql stable security definer set search_path = public, pg_temp as $$
      select * from api_keys where secret_hash = p_hash
    $$;`);

    // the outbox relay serves every tenant (see outbox.sql.ts for the statement it wraps)
    this.addSql(`create function outbox_relay_batch(p_limit int, p_channel text) returns table (claimed int, delivered int)
      language sql security definer set search_path = public, pg_temp as $$
      with claimed as (
        select seq, resource_id from outbox_events
         where delivered_at is null
         order by seq
         limit p_limit
         for update skip locked
      ), ready as (
        select c.seq from claimed c
         where not exists (
           select 1 from outbox_events o
            where o.resource_id = c.resource_id and o.delivered_at is null and o.seq < c.seq
              and o.seq not in (select seq from claimed))
      ), marked as (
        update outbox_events e set delivered_at = now(), attempts = e.attempts + 1
          from ready r where e.seq = r.seq
        returning e.seq
      ), announced as (
        select pg_notify(p_channel, string_agg(seq::text, ',' order by seq)) from marked having count(*) > 0
      )
      select (select count(*) from claimed)::int, (select count(*) from marked)::int
        from (select count(*) from announced) a, (select set_config('synchronous_commit', 'off', true)) s
    $$;`);
    this.addSql(`create function outbox_events_by_seq(p_seqs bigint[]) returns setof outbox_events
      language sql stable security definer set search_path = public, pg_temp as $$
      select * from outbox_events where seq = any(p_seqs) order by seq
    $$;`);
    this.addSql(`create function outbox_prune(p_seconds int, p_limit int) returns int
      language sql security definer set search_path = public, pg_temp as $$
      with gone as (
        delete from outbox_events where seq in (
          select seq from outbox_events where delivered_at < now() - make_interval(secs => p_seconds) order by delivered_at limit p_limit)
        returning 1)
      select count(*)::int from gone
    $$;`);
    this.addSql(`create function idempotency_keys_prune(p_hours int, p_limit int) returns int
      language sql security definer set search_path = public, pg_temp as $$
      with gone as (
        delete from idempotency_keys where id in (
          select id from idempotency_keys where created_at <= now() - make_interval(hours => p_hours) limit p_limit)
        returning 1)
      select count(*)::int from gone
    $$;`);
    // the SLA job's scan: which tickets (of any tenant) are due, locked for this transaction; it
    // then reads and writes them inside each ticket's tenant
    this.addSql(`create function sla_due_tickets(p_now timestamptz, p_limit int) returns table (id uuid, tenant_id uuid)
      language sql security definer set search_path = public, pg_temp as $$
      select t.id, t.tenant_id from tickets t
       where least(t.sla_next_warn_at, t.sla_next_due_at) <= p_now
       order by least(t.sla_next_warn_at, t.sla_next_due_at), t.id
       limit p_limit for update skip locked
    $$;`);
    // a time-zone change (by a super admin outside the tenant too) rebuilds that tenant's rollups
    this.addSql(`alter function analytics_rebuild_call_rollups(uuid) security definer set search_path = public, pg_temp;`);

    // a note's author is a user of the note's tenant or a super admin (who has no tenant, so the
    // foreign key cannot be composite); checked with the owner's rights, as a foreign key would be
    this.addSql(`create function ticket_notes_author_in_tenant() returns trigger
      language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        if new.author_id is not null and exists (select 1 from users u where u.id = new.author_id and u.tenant_id is distinct from new.tenant_id and u.tenant_id is not null) then
          raise foreign_key_violation using message = 'ticket_notes.author_id names a user of another tenant', constraint = 'ticket_notes_author_foreign';
        end if;
        return new;
      end
    $$;`);
    this.addSql(`create trigger "ticket_notes_author_in_tenant" before insert or update of "author_id", "tenant_id" on "ticket_notes" for each row execute function ticket_notes_author_in_tenant();`);

    for (const fn of DEFINER_FUNCTIONS) this.addSql(`revoke all on function ${fn} from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "ticket_notes_author_in_tenant" on "ticket_notes";`);
    this.addSql(`alter function analytics_rebuild_call_rollups(uuid) security invoker;`);
    this.addSql(`grant execute on function analytics_rebuild_call_rollups(uuid) to public;`);
    for (const fn of DEFINER_FUNCTIONS) if (!fn.startsWith('analytics_')) this.addSql(`drop function if exists ${fn};`);
    for (const table of RLS_TABLES) {
      this.addSql(`drop policy if exists "owner_maintenance" on "${table}";`);
      this.addSql(`drop policy if exists "tenant_isolation" on "${table}";`);
      this.addSql(`alter table "${table}" no force row level security;`);
      this.addSql(`alter table "${table}" disable row level security;`);
    }
  }

}
