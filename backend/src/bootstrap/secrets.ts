import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** A JWT secret generated once per data directory, so embedded mode needs no configuration. */
export function loadOrCreateJwtSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'jwt-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
