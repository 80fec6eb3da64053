// The SLA job runs every second in this file's app: config is read when the app module loads,
// which browserSuite does (in its beforeAll) after these lines.
process.env.SLA_JOB_ENABLED = 'true';
process.env.SLA_JOB_INTERVAL_MS = '1000';

import request from 'supertest';
import type { Locator, Page } from 'playwright-core';
// only as a type: browserSuite loads the app after allowing the page's origin for Socket.IO
import type { TestApp } from '../support/app';
import { tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { browserSuite } from '../support/browser';

const API = '/api/v1';
/** The ticket's first response is due one (real) minute after creation; this bounds the wait for it. */
const BREACH_TIMEOUT = 90_000;
const LIVE_TIMEOUT = 15_000;

/**
 * SLA acceptance: a ticket with a 1-minute first-response target (24/7 calendar) counts down on
 * the assignee's tickets list, turns breached when the minute is up, and the breach toast and the
 * bell follow, without a reload; a supervisor watching the ticket page sees the SLA log grow live.
 */
describe('browser: SLA countdown and breach', () => {
  let t: TestApp;
  let tenant: TenantFixture;

  const as = (m: StaffMember) => tokenFor(t, m, tenant.tenant.id);

  const ui = browserSuite('sla', { sockets: true });
  beforeAll(() => {
    ({ t, tenant } = ui);
  });

  const loggedIn = (member: StaffMember) => ui.loginAs(member, { viewport: { width: 1400, height: 1000 } });

  /** A 24/7 calendar and a policy for tickets tagged `tag`: first response in 1 minute, a warning at half time. */
  async function oneMinutePolicy(tag: string): Promise<void> {
    const intervals = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    const calendar = await request(t.server)
      .post(`${API}/business-calendars`)
      .set(as(tenant.admin))
      .send({ name: 'Around the clock', timezone: 'Europe/Berlin', intervals, holidays: [] })
      .expect(201);
    await request(t.server)
      .post(`${API}/sla-policies`)
      .set(as(tenant.admin))
      .send({ name: 'Hotline', tags: [tag], firstResponseMinutes: 1, nextResponseMinutes: null, resolutionMinutes: null, warnAtPercent: [50], calendarId: calendar.body.id })
      .expect(201);
  }

  async function textChanges(badge: Locator, from: string): Promise<string> {
    const deadline = Date.now() + LIVE_TIMEOUT;
    for (;;) {
      const now = (await badge.innerText()).trim();
      if (now !== from) return now;
      if (Date.now() > deadline) throw new Error(`the SLA badge stayed at "${from}"`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** "1m 0s left" → 60, "59s left" → 59. */
  function secondsLeft(text: string): number {
    const m = /^(?:(\d+)m )?(\d+)s left$/.exec(text);
    if (!m) throw new Error(`the SLA badge says "${text}", not the time left`);
    return Number(m[1] ?? 0) * 60 + Number(m[2]);
  }

  const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);

  ui.test('counts down on the list, turns breached, toasts the breach to assignee and supervisor, and logs it on the ticket page', 'sla-countdown', async () => {
    const tag = `hotline-${Date.now()}`;
    await oneMinutePolicy(tag);
    const elsewhere = `Toner order ${Date.now()}`;
    await request(t.server).post(`${API}/tickets`).set(as(tenant.supervisor)).send({ subject: elsewhere, priority: 'low' }).expect(201);

    // the assignee has the list open when the ticket comes in
    const agent = await loggedIn(tenant.agent);
    await agent.goto(`${ui.baseUrl}/#/tickets`);
    await agent.getByRole('row').filter({ hasText: elsewhere }).waitFor({ timeout: LIVE_TIMEOUT });
    await agent.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const subject = `Line down at the depot ${Date.now()}`;
    const created = await request(t.server)
      .post(`${API}/tickets`)
      .set(as(tenant.supervisor))
      .send({ subject, priority: 'urgent', tags: [tag], assigneeId: tenant.agent.id, requesterName: 'Dora Depot' })
      .expect(201);
    const ticket: { id: string; number: number; sla: { firstResponse: { status: string } } } = created.body;
    expect(ticket.sla.firstResponse.status).toBe('active');

    const row = agent.getByRole('row').filter({ hasText: subject });
    const badge = row.locator('[data-sla-state]');
    await badge.waitFor({ timeout: LIVE_TIMEOUT });
    expect(await agent.getByRole('row').filter({ hasText: elsewhere }).locator('[data-sla-state]').count()).toBe(0);

    // "Breaching soon": this ticket (due within the hour), not the one without SLA; due soonest first
    await agent.getByRole('button', { name: 'Breaching soon' }).click();
    await agent.waitForURL((url) => url.hash.includes('breachingSoon') && url.hash.includes('sort=slaNextDueAt') && url.hash.includes('order=ASC'), { timeout: LIVE_TIMEOUT });
    await agent.getByRole('row').filter({ hasText: elsewhere }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    await row.waitFor();
    await agent.getByRole('button', { name: 'Breaching soon' }).click();
    await agent.getByRole('row').filter({ hasText: elsewhere }).waitFor({ timeout: LIVE_TIMEOUT });

    // counts down: the text changes by itself, with less time left
    const first = (await badge.innerText()).trim();
    const later = await textChanges(badge, first);
    expect(secondsLeft(later)).toBeLessThan(secondsLeft(first));

    // a supervisor opens the ticket page: policy, target, and the log so far
    const supervisor = await loggedIn(tenant.supervisor);
    await supervisor.goto(`${ui.baseUrl}/#/tickets/${ticket.id}/show`);
    const panel = supervisor.getByRole('region', { name: 'SLA' });
    await panel.getByText('Hotline').waitFor({ timeout: LIVE_TIMEOUT });
    await panel.getByText('1 min', { exact: true }).waitFor();
    const log = panel.getByRole('list', { name: 'SLA log' });
    await log.getByText('First response clock started', { exact: false }).waitFor({ timeout: LIVE_TIMEOUT });
    await supervisor.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // the minute is up: breached on the list, with the toast and the bell, without a reload
    await row.locator('[data-sla-state="breached"]').waitFor({ timeout: BREACH_TIMEOUT });
    expect((await badge.innerText()).trim()).toMatch(/^(\d+m )?\d+s overdue$/);
    const breachToast = (page: Page) => page.getByRole('alert').filter({ hasText: `#${ticket.number}` }).filter({ hasText: /breached/i });
    await breachToast(agent).waitFor({ timeout: LIVE_TIMEOUT });
    // assigned to the agent, the half-time warning, the breach
    await agent.getByRole('button', { name: 'Notifications, 3 unread', exact: true }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await notReloaded(agent)).toBe(true);

    // the supervisor is told of the breach too, and the ticket page shows it
    await breachToast(supervisor).waitFor({ timeout: LIVE_TIMEOUT });
    await log.getByText('First response target breached').waitFor({ timeout: LIVE_TIMEOUT });
    await log.getByText('First response: 50% of the time used').waitFor();
    expect(await log.getByRole('listitem').first().getAttribute('data-sla-event')).toBe('breached');
    await panel.locator('[data-sla-state="breached"]').waitFor({ timeout: LIVE_TIMEOUT });
    expect(await notReloaded(supervisor)).toBe(true);
    await agent.screenshot({ path: 'test-results/sla-list-breached.png', animations: 'disabled' });
    await supervisor.screenshot({ path: 'test-results/sla-ticket-panel.png', animations: 'disabled', fullPage: true });

    const stored = await request(t.server).get(`${API}/tickets/${ticket.id}`).set(as(tenant.agent)).expect(200);
    expect(stored.body.sla.firstResponse.status).toBe('breached');
  }, 150_000);
});
