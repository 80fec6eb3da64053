import request from 'supertest';
import type { Page } from 'playwright-core';
// only as a type: browserSuite loads the app after allowing the page's origin for Socket.IO
import type { TestApp } from '../support/app';
import { tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { browserSuite, untilSocketConnected } from '../support/browser';

const LIVE_TIMEOUT = 15_000;

/**
 * Call logs acceptance: calls posted by an integration appear live in an org admin's open Call
 * logs page, a missed inbound call opens a follow-up ticket that appears live in the Tickets list,
 * and an org admin creates an API key whose secret is shown once and works, then revokes it.
 */
describe('browser: call logs', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let apiKey: string;

  const as = (m: StaffMember) => tokenFor(t, m, tenant.tenant.id);
  /** A number of the +1 201 555 01xx block that no other test of this file uses. */
  let nextLine = 10;
  const uniqueNumber = () => `+1201555${String(100 + nextLine++).padStart(4, '0')}`;
  const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

  /** POST /call-logs as an integration (an API key with calls:write). */
  async function postCall(body: Record<string, unknown>, key = apiKey) {
    return request(t.server).post('/api/v1/call-logs').set('X-API-Key', key).send(body);
  }

  const ui = browserSuite('call logs', { sockets: true });

  async function openAs(member: StaffMember, hashPath: string): Promise<Page> {
    const page = await ui.loginAs(member, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${ui.baseUrl}/#${hashPath}`);
    return page;
  }

  /** Waits for the page's Socket.IO connection, so that the next event is not sent before it listens. */
  const socketConnected = () => untilSocketConnected(t, LIVE_TIMEOUT);

  /** One figure of the analytics panel above the list, showing `value`. */
  const figure = (page: Page, name: string, value: string) =>
    page.locator(`[data-testid="call-figure"][data-figure="${name}"]`).getByText(value, { exact: true });

  /** Marks the document; the mark survives only if the page is never reloaded. */
  const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { __notReloaded: true }));
  const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

  beforeAll(async () => {
    ({ t, tenant } = ui);
    const created = await request(t.server).post('/api/v1/api-keys').set(as(tenant.admin)).send({ name: 'Test dialer bridge', scopes: ['calls:write'] }).expect(201);
    apiKey = created.body.secret;
  });

  ui.test("shows a call posted through the API at the top of the admin's open Call logs page, without a reload", 'call-logs-live', async () => {
    const caller = uniqueNumber();
    // an earlier call, so that "at the top" means something
    await postCall({ direction: 'outbound', fromNumber: '+12015550100', toNumber: uniqueNumber(), startedAt: ago(3600), answeredAt: ago(3590), endedAt: ago(3500), outcome: 'answered', agentId: tenant.agent2.id }).then((r) => expect(r.status).toBe(201));

    const page = await openAs(tenant.admin, '/call-logs');
    const rows = page.locator('tbody tr');
    await rows.first().waitFor({ timeout: LIVE_TIMEOUT });
    expect(await rows.count()).toBe(1);
    // the figures above the list: one call so far, an outbound one
    await figure(page, 'total', '1').waitFor({ timeout: LIVE_TIMEOUT });
    await figure(page, 'answered', '0').waitFor();
    await socketConnected();
    await markDocument(page);

    const posted = await postCall({
      externalId: `bridge-${Date.now()}`,
      direction: 'inbound',
      status: 'completed',
      outcome: 'answered',
      fromNumber: caller,
      toNumber: '+12015550100',
      startedAt: ago(300),
      answeredAt: ago(290),
      endedAt: ago(165),
      agentId: tenant.agent.id,
    });
    expect(posted.status).toBe(201);

    // the formatted number, the agent's name and the talk time (02:05) in the newest row
    const shown = `+1 201 555 ${caller.slice(-4)}`;
    const newest = rows.first();
    await newest.getByText(shown, { exact: true }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await rows.count()).toBe(2);
    await newest.getByText(tenant.agent.name).waitFor({ timeout: LIVE_TIMEOUT });
    await newest.getByText('02:05').waitFor({ timeout: LIVE_TIMEOUT });
    await newest.locator('[data-outcome="answered"]').waitFor({ timeout: LIVE_TIMEOUT });
    // the figures follow: two calls, one inbound answered (100%), talk times 01:30 and 02:05
    await figure(page, 'total', '2').waitFor({ timeout: LIVE_TIMEOUT });
    await figure(page, 'answered', '1').waitFor({ timeout: LIVE_TIMEOUT });
    await figure(page, 'answerRate', '100%').waitFor({ timeout: LIVE_TIMEOUT });
    await figure(page, 'avgTalk', '01:48').waitFor({ timeout: LIVE_TIMEOUT });
    expect(await notReloaded(page)).toBe(true);

    // and its page shows the call and lets the admin record a disposition
    await newest.getByText(shown, { exact: true }).click();
    await page.getByRole('heading', { name: `Inbound call from ${shown}`, level: 1 }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Save wrap-up' }).count()).toBe(1);
  });

  ui.test('opens a follow-up ticket for a missed inbound call and shows it live in the Tickets list', 'call-logs-missed-ticket', async () => {
    const caller = uniqueNumber();
    const page = await openAs(tenant.admin, '/tickets');
    await page.getByRole('heading', { name: 'No tickets yet' }).or(page.locator('tbody tr').first()).waitFor({ timeout: LIVE_TIMEOUT });
    await socketConnected();
    await markDocument(page);

    const posted = await postCall({
      direction: 'inbound',
      status: 'completed',
      outcome: 'missed',
      missedReason: 'no_answer',
      fromNumber: caller,
      toNumber: '+12015550100',
      startedAt: ago(120),
      endedAt: ago(95),
      agentId: tenant.agent.id,
    });
    expect(posted.status).toBe(201);
    expect(posted.body.ticketId).toEqual(expect.any(String));
    const ticket = await request(t.server).get(`/api/v1/tickets/${posted.body.ticketId}`).set(as(tenant.admin)).expect(200);
    expect(ticket.body).toMatchObject({ requesterPhone: caller, channel: 'phone', status: 'new', assigneeId: tenant.agent.id, callLogId: posted.body.id });

    const row = page.locator('tbody tr').filter({ hasText: `#${ticket.body.number}` });
    await row.getByText(ticket.body.subject).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await notReloaded(page)).toBe(true);
  });

  ui.test('creates an API key whose secret is shown once and works, and revokes it', 'call-logs-api-key', async () => {
    const name = `Zapier ${Date.now()}`;
    const page = await openAs(tenant.admin, '/api-keys/create');
    await page.getByLabel('Name').fill(name);
    // calls:write is ticked by default; add calls:read
    await page.getByLabel(/^calls:read/).check();
    await page.getByRole('button', { name: 'Save' }).click();

    const dialog = page.getByRole('dialog', { name: `API key “${name}” created` });
    await dialog.waitFor({ timeout: LIVE_TIMEOUT });
    await dialog.getByText('It will not be shown again').waitFor();
    const secret = await dialog.getByRole('textbox', { name: 'Secret' }).inputValue();
    expect(secret).toMatch(/^cp_live_/);

    // the secret is a working key with the chosen scopes
    const call = await postCall({ direction: 'outbound', fromNumber: '+12015550100', toNumber: uniqueNumber(), startedAt: ago(60), endedAt: ago(50), outcome: 'busy', agentId: tenant.agent.id }, secret);
    expect(call.status).toBe(201);
    await request(t.server).get(`/api/v1/call-logs/${call.body.id}`).set('X-API-Key', secret).expect(200);

    // closing the dialog goes to the list, and the secret is nowhere on it
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.locator('tbody tr').filter({ hasText: name });
    await row.waitFor({ timeout: LIVE_TIMEOUT });
    expect(await page.getByText(secret).count()).toBe(0);
    await row.locator('[data-status="active"]').waitFor();

    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.locator('[data-status="revoked"]').waitFor({ timeout: LIVE_TIMEOUT });
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    const refused = await postCall({ direction: 'outbound', fromNumber: '+12015550100', toNumber: uniqueNumber(), startedAt: ago(60), endedAt: ago(50), outcome: 'busy' }, secret);
    expect(refused.status).toBe(401);
  });
});
