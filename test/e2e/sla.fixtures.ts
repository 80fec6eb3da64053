import request from 'supertest';
import { ClockService } from '../../backend/src/common/clock/clock.service';
import { SlaJob, type SlaJobRun } from '../../backend/src/sla/sla.job';
import { createTestApp, type TestApp } from '../support/app';
import { tokenFor, type TenantFixture } from '../support/fixtures';

/**
 * A clock the test sets by hand: real time until the first `set`, then frozen where it was put, so
 * that durations are exact. Tickets get their real creation time (their SLA clocks start there) and
 * due times lie in the real future, so the SLA jobs of apps in other test files, which use the real
 * clock, never see these tickets as due.
 */
export class TestClock extends ClockService {
  private fixed: Date | null = null;

  override now(): Date {
    return new Date(this.fixed ?? Date.now());
  }

  set(at: Date): void {
    this.fixed = new Date(at);
  }

  advance(minutes: number): void {
    this.fixed = new Date(this.now().getTime() + minutes * 60_000);
  }

  /** Back to real time. */
  reset(): void {
    this.fixed = null;
  }
}

/** A test app whose ClockService is `clock`. */
export const createClockedApp = (clock: TestClock): Promise<TestApp> => createTestApp([{ provide: ClockService, useValue: clock }]);

export const minutesAfter = (iso: string | Date, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

/**
 * One job run that really scanned: another app's job (other test files share the database) may
 * hold the scan lock for a moment, in which case this one skips, as it would in production.
 */
export async function runJob(t: TestApp): Promise<SlaJobRun> {
  const job = t.app.get(SlaJob);
  for (let attempt = 0; attempt < 100; attempt++) {
    const run = await job.runOnce();
    if (run.scanned) return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the SLA job never got the scan lock');
}

export interface PolicyInput {
  name?: string;
  position?: number;
  priorities?: string[];
  channels?: string[];
  tags?: string[];
  firstResponseMinutes?: number | null;
  nextResponseMinutes?: number | null;
  resolutionMinutes?: number | null;
  warnAtPercent?: number[];
  pauseStatuses?: string[];
  calendarId?: string | null;
  active?: boolean;
}

let seq = 0;

/** Creates a policy through the API as the tenant's org admin. */
export async function createPolicy(t: TestApp, f: TenantFixture, input: PolicyInput): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const res = await request(t.server)
    .post('/api/v1/sla-policies')
    .set(tokenFor(t, f.admin, f.tenant.id))
    .send({ name: `Policy ${++seq}`, firstResponseMinutes: 60, ...input });
  if (res.status !== 201) throw new Error(`policy not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface TicketBody {
  id: string;
  number: number;
  version: number;
  status: string;
  createdAt: string;
  slaPolicyId: string | null;
  slaNextDueAt: string | null;
  slaPausedSince: string | null;
  slaPausedMinutes: number;
  sla: Record<'firstResponse' | 'nextResponse' | 'resolution', { status: string; dueAt: string | null; metAt: string | null; pausedMinutes: number; startedAt: string; targetMinutes: number | null; warnedPercent: number | null } | null> | null;
}

export async function createTicket(t: TestApp, f: TenantFixture, body: Record<string, unknown> = {}): Promise<TicketBody> {
  const res = await request(t.server).post('/api/v1/tickets').set(tokenFor(t, f.supervisor, f.tenant.id)).send({ subject: 'Printer on fire', ...body });
  if (res.status !== 201) throw new Error(`ticket not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getTicket(t: TestApp, f: TenantFixture, id: string): Promise<TicketBody> {
  return (await request(t.server).get(`/api/v1/tickets/${id}`).set(tokenFor(t, f.supervisor, f.tenant.id)).expect(200)).body;
}

export async function updateTicket(t: TestApp, f: TenantFixture, id: string, changes: Record<string, unknown>): Promise<TicketBody> {
  const current = await getTicket(t, f, id);
  const res = await request(t.server).put(`/api/v1/tickets/${id}`).set(tokenFor(t, f.supervisor, f.tenant.id)).send({ ...changes, version: current.version });
  if (res.status !== 200) throw new Error(`ticket not updated: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface SlaEventBody {
  id: string;
  ticketId: string;
  policyId: string | null;
  metric: string;
  kind: string;
  cycle: number;
  threshold: number | null;
  dueAt: string | null;
  occurredAt: string;
}

export async function slaEvents(t: TestApp, f: TenantFixture, ticketId: string): Promise<SlaEventBody[]> {
  const res = await request(t.server)
    .get('/api/v1/sla-events')
    .set(tokenFor(t, f.agent, f.tenant.id))
    .query({ filter: JSON.stringify({ ticketId }), range: '[0,199]' })
    .expect(200);
  return res.body;
}

const METRIC_ORDER = ['first_response', 'next_response', 'resolution'];

/**
 * The log as `metric:kind[:threshold]`, in time order; events of the same instant (a change that
 * pauses two metrics) in metric order, since the API orders those only by id.
 */
export const summary = (events: SlaEventBody[]) =>
  [...events]
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric))
    .map((e) => `${e.metric}:${e.kind}${e.threshold ? `:${e.threshold}` : ''}`);
