import type { Pool } from 'pg';
import { createApiKey } from './database';
import type { BenchUser } from './types';

/** Replaced by the load generator with a value unique to each request (LoadOptions.uniqueToken). */
export const UNIQUE = '@@unique@@';

/**
 * A completed, answered inbound call to the tenant's line, `minutesAgo` minutes ago, taken by
 * `agentId` (omitted: the caller's own call, as an agent posts it).
 */
export function completedCall(fromNumber: string, agentId: string | undefined, minutesAgo: number, externalId?: string): Record<string, unknown> {
  const started = Date.now() - minutesAgo * 60_000;
  return {
    ...(externalId ? { externalId } : {}),
    direction: 'inbound',
    fromNumber,
    toNumber: '+14155550100',
    startedAt: new Date(started).toISOString(),
    answeredAt: new Date(started + 5_000).toISOString(),
    endedAt: new Date(started + 45_000).toISOString(),
    status: 'completed',
    outcome: 'answered',
    ...(agentId ? { agentId } : {}),
  };
}

/** A distinct caller number for each n. */
export const callerNumber = (n: number) => `+1415${String(n).padStart(7, '0')}`;

/**
 * Distinct completed inbound calls for POST /call-logs, as a dialer integration sends them with
 * an API key: naming the agent, no externalId (so every request stores a new call).
 */
export function callBodies(count: number, agents: readonly BenchUser[], firstNumber = 2_000_000): string[] {
  const ids = agentIds(agents);
  return Array.from({ length: count }, (_, i) => JSON.stringify(completedCall(callerNumber(firstNumber + i), ids[i % ids.length], i + 1)));
}

/**
 * One POST /call-logs/bulk body of `items` calls with externalIds `bulk-<UNIQUE>-<i>`: with
 * `uniqueToken: UNIQUE` every request of a run is `items` new calls on both sides.
 */
export function bulkBody(items: number, agents: readonly BenchUser[], firstNumber = 3_000_000): string {
  const ids = agentIds(agents);
  return JSON.stringify({
    items: Array.from({ length: items }, (_, i) => completedCall(callerNumber(firstNumber + i), ids[i % ids.length], i + 1, `bulk-${UNIQUE}-${i}`)),
  });
}

function agentIds(users: readonly BenchUser[]): string[] {
  const ids = users.filter((u) => u.role === 'agent').map((u) => u.id);
  if (!ids.length) throw new Error('the tenant has no agent');
  return ids;
}

/** Headers of a dialer integration: a new `calls:write` API key of the tenant. */
export async function apiKeyHeaders(db: Pool, tenantId: string): Promise<Record<string, string>> {
  return { 'x-api-key': await createApiKey(db, tenantId, `bench dialer ${Date.now().toString(36)}`) };
}
