/**
 * The login-ceiling scenario's server: a login with no framework — node:http, pg, the app's two
 * statements (the user by email with its tenant's active flag; auth_start_session), argon2id verify
 * one per CPU at a time as the app does (its Slots), an HMAC-SHA256 JWT. What a login costs at
 * best beside the hash. Env: PORT, DATABASE_URL.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { verify } from '@node-rs/argon2';
import { Pool } from 'pg';
import { Slots } from '../../backend/src/auth/passwords';
import { listenUntilSigterm, withBody } from './raw-http';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const argon2Slots = new Slots(availableParallelism());
const jwtKey = randomBytes(48);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface UserRow {
  id: string;
  tenant_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  role: string;
  active: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  password_hash: string;
  token_version: number;
  tenant_active: boolean | null;
}

async function login(body: string): Promise<{ status: number; answer?: unknown }> {
  const { email, password } = JSON.parse(body) as { email: string; password: string };
  const { rows } = await pool.query<UserRow>(
    'select u.*, t.active as tenant_active from auth_user_by_email($1) u left join tenants t on t.id = u.tenant_id limit 1',
    [email.toLowerCase()],
  );
  const user = rows[0];
  if (!user || !(await argon2Slots.run(() => verify(user.password_hash, password))) || !user.active || user.tenant_active === false) return { status: 401 };
  const loginAt = new Date();
  const refreshToken = randomBytes(32).toString('base64url');
  const tokenHash = createHash('sha256').update(refreshToken).digest('hex');
  await pool.query('select auth_start_session($1, $2, $3, $4, $5, $6)', [user.id, loginAt, randomUUID(), randomUUID(), tokenHash, new Date(loginAt.getTime() + 30 * 86_400_000)]);
  const now = Math.floor(loginAt.getTime() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: user.id, tid: user.tenant_id, role: user.role, ver: user.token_version, typ: 'access', iat: now, exp: now + 900 })}`;
  const accessToken = `${unsigned}.${createHmac('sha256', jwtKey).update(unsigned).digest('base64url')}`;
  const { id, tenant_id, name, phone, role, active, created_at, updated_at } = user;
  const shown = { id, tenantId: tenant_id, name, email: user.email, phone, role, active, lastLoginAt: loginAt, createdAt: created_at, updatedAt: updated_at };
  return { status: 200, answer: { accessToken, refreshToken, expiresIn: 900, user: shown } };
}

const server = http.createServer((req, res) => {
  if (req.url === '/ready') {
    res.end('ok');
    return;
  }
  withBody(req, res, async (body) => {
    const { status, answer } = await login(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(answer === undefined ? undefined : JSON.stringify(answer));
  });
});
listenUntilSigterm(server, pool);
