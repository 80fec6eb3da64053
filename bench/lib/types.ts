import type { Pool } from 'pg';
import type { AppProcess } from './processes';
import type { LoadOptions, LoadResult } from './load';

/** One line of the report: an app figure against its baseline measured in the same run. */
export interface ResultRow {
  scenario: string;
  metric: string;
  unit: string;
  app: number;
  baseline: number;
  /** app / baseline of the medians' pairs (median of the per-pair ratios). */
  ratio: number;
  /** Per-pair ratios, in run order (A B A B …). */
  pairRatios: number[];
  appLatency?: Percentiles;
  baselineLatency?: Percentiles;
  target?: string;
  /** null when the row has no target. */
  pass: boolean | null;
  dataSize: string;
  note?: string;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface BenchUser {
  id: string;
  email: string;
  role: string;
}

export interface BenchContext {
  smoke: boolean;
  /** Seconds per measured load run. */
  duration: number;
  /** A/B pairs per scenario. */
  pairs: number;
  /** Fixed autocannon connections. */
  connections: number;
  app: AppProcess;
  /** Origin of the raw node:http + pg baseline server. */
  baselineUrl: string;
  db: Pool;
  /** The database the app uses (for children that open their own connections). */
  dbUrl: string;
  tenantId: string;
  otherTenantId: string;
  users: BenchUser[];
  password: string;
  /** An access token of an agent of the benchmark tenant. */
  agentToken: string;
  /** Logs in through the app (POST /api/v1/auth/login) and returns an access token. */
  login(email: string): Promise<string>;
  ticketsPerTenant: number;
  dataSize: string;
  load(options: LoadOptions): Promise<LoadResult>;
  /** EXPLAIN (ANALYZE, BUFFERS) of a hot query into bench/results/plans/<file>.txt. */
  explain(file: string, title: string, sql: string, params: unknown[]): Promise<void>;
  log(message: string): void;
}

/** A scenario file (bench/scenarios/<name>.scenario.ts) default-exports one of these. */
export interface Scenario {
  name: string;
  /** Sort key: scenarios run in this order. */
  order: number;
  description: string;
  /** Runs only when named or with --scaling, not in the default suite. */
  optIn?: boolean;
  run(ctx: BenchContext): Promise<ResultRow[]>;
}
