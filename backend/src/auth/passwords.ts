import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults, which are OWASP's (m=19456 KiB, t=2, p=1). Runs on libuv's
 * thread pool, off the event loop. Use this for every password the app stores.
 */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

/** False (never throws) for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/**
 * A hash of a random secret with the same parameters as real ones: logins for unknown emails verify
 * against it so that they take as long as logins for known ones.
 */
let timingDecoy: Promise<string> | undefined;
export function timingDecoyHash(): Promise<string> {
  timingDecoy ??= hashPassword(randomBytes(32).toString('base64url'));
  return timingDecoy;
}
