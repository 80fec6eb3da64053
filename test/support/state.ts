import path from 'node:path';

/** Each test run gets its own folder (parallel runs must not share a cluster). */
export const TEST_DATA_ROOT = path.resolve(__dirname, '../../.test-data');
export const STATE_ENV = 'CALLPRO_TEST_STATE';

export interface TestState {
  /** The tables' owner (migrations, fixtures and assertions: TestApp.orm). */
  databaseUrl: string;
  /** The role the app under test connects as: no ownership, row-level security holds (DATABASE_URL). */
  appDatabaseUrl: string;
  adminUrl?: string;
  database: string;
  embedded: boolean;
  /** This run's folder under .test-data (embedded mode). */
  dir?: string;
}
