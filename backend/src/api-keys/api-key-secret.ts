import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'cp_live_';
/** 32 random bytes in base64url: 43 characters. */
const SECRET_PATTERN = /^cp_live_[A-Za-z0-9_-]{43}$/;
/** Characters of the random part kept as the displayable prefix (36 of the 256 bits). */
const SHOWN_CHARS = 6;

export interface NewApiKeySecret {
  secret: string;
  hash: string;
  prefix: string;
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A fresh secret, its hash (stored) and its displayable prefix. */
export function generateApiKeySecret(): NewApiKeySecret {
  const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashApiKeySecret(secret), prefix: secret.slice(0, API_KEY_PREFIX.length + SHOWN_CHARS) };
}

export function looksLikeApiKey(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

type HeaderValue = string | string[] | undefined;
const first = (v: HeaderValue) => (Array.isArray(v) ? v[0] : v);

/**
 * The API key a request carries, from `X-API-Key: cp_live_…` or `Authorization: Bearer cp_live_…`;
 * undefined when it carries none (a JWT bearer token is not an API key).
 */
export function apiKeyFromHeaders(headers: Record<string, HeaderValue>): string | undefined {
  const header = first(headers['x-api-key'])?.trim();
  if (header) return header;
  const bearer = /^Bearer\s+(cp_live_\S*)$/i.exec(first(headers.authorization)?.trim() ?? '');
  return bearer?.[1];
}
