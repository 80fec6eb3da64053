import path from 'node:path';

export const STATE_FILE = path.resolve(__dirname, '../../.test-data/state.json');

export interface TestState {
  databaseUrl: string;
  adminUrl?: string;
  database: string;
  embedded: boolean;
}
