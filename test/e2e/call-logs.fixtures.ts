import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { ApiKeyScope } from '@callpro/contracts';
import type { TestApp } from '../support/app';
import { tokenFor, type TenantFixture } from '../support/fixtures';

/** Shared by the api-keys, call-logs and dispositions e2e specs. */
export const API = '/api/v1';

export interface TestApiKey {
  id: string;
  secret: string;
  /** `X-API-Key` header. */
  header: { 'X-API-Key': string };
}

/** An API key of the fixture's tenant, created by its org admin through the API. */
export async function createApiKey(t: TestApp, f: TenantFixture, scopes: ApiKeyScope[], name = 'test key'): Promise<TestApiKey> {
  const res = await request(t.server).post(`${API}/api-keys`).set(tokenFor(t, f.admin, f.tenant.id)).send({ name, scopes }).expect(201);
  return { id: res.body.id, secret: res.body.secret, header: { 'X-API-Key': res.body.secret } };
}

export const uniqueId = (prefix = 'call') => `${prefix}-${randomBytes(6).toString('hex')}`;

const MINUTE = 60_000;

/** A completed, answered inbound call an hour ago: 10 s ringing, 2 min talking. Override anything. */
export function answeredCall(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = Date.now() - 60 * MINUTE;
  return {
    externalId: uniqueId(),
    direction: 'inbound',
    status: 'completed',
    outcome: 'answered',
    fromNumber: '+1 415 555 0132',
    toNumber: '+1 201 555 0100',
    startedAt: new Date(start).toISOString(),
    answeredAt: new Date(start + 10_000).toISOString(),
    endedAt: new Date(start + 130_000).toISOString(),
    ...overrides,
  };
}

/** A completed inbound call nobody answered, 20 s of ringing. */
export function missedCall(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = Date.now() - 30 * MINUTE;
  return {
    externalId: uniqueId('missed'),
    direction: 'inbound',
    status: 'completed',
    outcome: 'missed',
    missedReason: 'no_answer',
    fromNumber: '+1 415 555 0177',
    toNumber: '+1 201 555 0100',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + 20_000).toISOString(),
    ...overrides,
  };
}
