import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { validateEnv } from '../../backend/src/config/env.schema';

const ROOT = path.resolve(__dirname, '../..');
const SECRET = 'a-production-secret-of-at-least-32-chars';

/** The launcher from source (scripts/register-ts.cjs: TypeScript with decorator metadata). */
function runLauncher(env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL']) if (!(name in env)) delete childEnv[name];
  return spawnSync(process.execPath, ['-r', './scripts/register-ts.cjs', 'backend/src/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('configuration', () => {
  describe('validateEnv', () => {
    it('applies the defaults to an empty environment', () => {
      expect(validateEnv({})).toMatchObject({
        NODE_ENV: 'development',
        PORT: 3000,
        DATA_DIR: '.data',
        ACCESS_TOKEN_TTL_SECONDS: 900,
        SERVE_UI: true,
        LOG_LEVEL: 'info',
      });
      expect(validateEnv({}).DATABASE_URL).toBeUndefined();
    });

    it('coerces numbers and booleans from strings', () => {
      expect(validateEnv({ PORT: '8080', SEED_DEMO: '1', SERVE_UI: 'false' })).toMatchObject({ PORT: 8080, SEED_DEMO: true, SERVE_UI: false });
    });

    it('treats an empty value as unset', () => {
      const env = validateEnv({ DATABASE_URL: '', PORT: '', REDIS_URL: '', SEED_DEMO: '' });
      expect(env).toMatchObject({ PORT: 3000 });
      expect(env.DATABASE_URL).toBeUndefined();
      expect(env.REDIS_URL).toBeUndefined();
      expect(env.SEED_DEMO).toBeUndefined();
    });

    it.each([
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['ACCESS_TOKEN_TTL_SECONDS', '-1'],
      ['DATABASE_URL', 'not a url'],
      ['SEED_DEMO', 'yes'],
      ['LOG_LEVEL', 'loud'],
      ['NODE_ENV', 'staging'],
      ['JWT_SECRET', 'short'],
    ])('refuses %s=%s with a message naming the variable', (name, value) => {
      expect(() => validateEnv({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
    });

    it('names every bad variable at once', () => {
      expect(() => validateEnv({ PORT: 'abc', ACCESS_TOKEN_TTL_SECONDS: '-1' })).toThrow(/PORT: [^\n]+\n {2}ACCESS_TOKEN_TTL_SECONDS: /);
    });

    it('requires JWT_SECRET in production', () => {
      expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
      expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: '' })).toThrow(/JWT_SECRET/);
      expect(validateEnv({ NODE_ENV: 'production', JWT_SECRET: SECRET }).JWT_SECRET).toBe(SECRET);
    });
  });

  describe('the launcher', () => {
    let dataDir: string;
    beforeEach(() => {
      dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'callpro-config-')), 'data');
    });
    afterEach(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

    it('exits non-zero naming a bad variable, before starting anything', () => {
      const run = runLauncher({ PORT: 'abc', DATA_DIR: dataDir });
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Failed to start: Invalid configuration:\n {2}PORT: /);
      expect(run.stdout).not.toContain('Ready');
      expect(fs.existsSync(dataDir)).toBe(false);
    }, 40_000);

    it('refuses production without JWT_SECRET, before starting PostgreSQL', () => {
      const run = runLauncher({ NODE_ENV: 'production', DATA_DIR: dataDir });
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('JWT_SECRET: required when NODE_ENV=production');
      expect(fs.existsSync(dataDir)).toBe(false);
    }, 40_000);
  });
});
