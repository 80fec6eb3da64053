import { Migration } from '@mikro-orm/migrations';

/**
 * Login's writes as one call: stamps the user's last_login_at and inserts the new refresh token.
 * SECURITY DEFINER so that a login is one round trip after the lookup and the password verify (no
 * transaction around set_config for the user's tenant); it writes only the row of the user the
 * caller just authenticated by password, and that user's token (docs/SECURITY.md).
 */
export class Migration20261126040000_auth_start_session extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function auth_start_session(p_user uuid, p_login_at timestamptz, p_token_id uuid, p_family uuid, p_hash text, p_expires timestamptz) returns void
      language sql security definer set search_path = public, pg_temp as $$
      with login as (update users set last_login_at = p_login_at, updated_at = p_login_at where id = p_user returning id)
      insert into refresh_tokens (id, user_id, family_id, token_hash, expires_at, created_at, updated_at)
      select p_token_id, login.id, p_family, p_hash, p_expires, p_login_at, p_login_at from login
    $$;`);
    this.addSql(`revoke all on function auth_start_session(uuid, timestamptz, uuid, uuid, text, timestamptz) from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists auth_start_session(uuid, timestamptz, uuid, uuid, text, timestamptz);`);
  }
}
