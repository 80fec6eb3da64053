import request from 'supertest';
import type { Page } from 'playwright-core';
// only as a type: browserSuite loads the app after allowing the page's origin for Socket.IO
import type { TestApp } from '../support/app';
import { createSuperAdmin, tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { browserSuite, untilSocketConnected } from '../support/browser';

const LIVE_TIMEOUT = 15_000;
/** Kathmandu is UTC+05:45 all year: "today" differs from UTC's, and its midnight is easy to compute here. */
const TIME_ZONE = 'Asia/Kathmandu';
const OFFSET_MS = (5 * 60 + 45) * 60_000;
const DAY_MS = 86_400_000;

/** The tenant's local midnight before `now`, computed from the fixed offset (not with the UI's helpers). */
const localMidnight = (now: number) => Math.floor((now + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;

/**
 * Dashboard acceptance: an org admin lands on it after login and sees today's call count as the
 * analytics API reports it; a call and a ticket posted through the API appear in the live feed and
 * the figures follow without a reload. An agent sees their own figures, labelled "My …"; a super
 * admin without a tenant is asked to choose one.
 */
describe('browser: dashboard', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let apiKey: string;

  const as = (m: StaffMember) => tokenFor(t, m, tenant.tenant.id);
  let nextLine = 10;
  const uniqueNumber = () => `+1201555${String(200 + nextLine++).padStart(4, '0')}`;
  /** `seconds` ago, but never before the tenant's midnight: the calls must fall on its today. */
  const todayAgo = (seconds: number) => new Date(Math.max(Date.now() - seconds * 1000, localMidnight(Date.now()) + 1000)).toISOString();

  /** Calls posted for tenant.agent: what their own "calls today" must show. */
  let agentCalls = 0;

  async function postCall(body: Record<string, unknown>) {
    if (body.agentId === tenant.agent.id) agentCalls += 1;
    const res = await request(t.server).post('/api/v1/call-logs').set('X-API-Key', apiKey).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  /** GET /analytics/summary for the tenant's today so far, as `member`: the figure the KPI must show. */
  async function callsTodayFromApi(member: StaffMember): Promise<number> {
    const now = Date.now();
    const res = await request(t.server)
      .get('/api/v1/analytics/summary')
      .query({ from: new Date(localMidnight(now)).toISOString(), to: new Date(now + 1000).toISOString() })
      .set(as(member))
      .expect(200);
    return res.body.current.calls.total as number;
  }

  const ui = browserSuite('dashboard', { sockets: true, tenant: { timezone: TIME_ZONE } });
  const loginAs = (member: { email: string }) => ui.loginAs(member, { viewport: { width: 1400, height: 1100 } });
  const socketConnected = () => untilSocketConnected(t, LIVE_TIMEOUT);

  const kpi = (page: Page, name: string) => page.locator(`[data-testid="kpi"][data-kpi="${name}"]`);
  const kpiValue = (page: Page, name: string, value: string) => kpi(page, name).getByTestId('kpi-value').getByText(value, { exact: true });
  const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { __notReloaded: true }));
  const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

  beforeAll(async () => {
    ({ t, tenant } = ui);
    const created = await request(t.server).post('/api/v1/api-keys').set(as(tenant.admin)).send({ name: 'Dashboard test dialer', scopes: ['calls:write'] }).expect(201);
    apiKey = created.body.secret;
    // today so far: an answered inbound call of the agent, a missed one of agent2, an outbound one of the agent
    const base = { toNumber: '+12015550100', status: 'completed' };
    await postCall({ ...base, direction: 'inbound', outcome: 'answered', fromNumber: uniqueNumber(), startedAt: todayAgo(50), answeredAt: todayAgo(45), endedAt: todayAgo(30), agentId: tenant.agent.id });
    await postCall({ ...base, direction: 'inbound', outcome: 'busy', fromNumber: uniqueNumber(), startedAt: todayAgo(40), endedAt: todayAgo(39), agentId: tenant.agent2.id });
    await postCall({ direction: 'outbound', status: 'completed', outcome: 'answered', fromNumber: '+12015550100', toNumber: uniqueNumber(), startedAt: todayAgo(35), answeredAt: todayAgo(33), endedAt: todayAgo(20), agentId: tenant.agent.id });
  });

  ui.test('lands an org admin on the dashboard, whose figures and feed follow new calls and tickets without a reload', 'dashboard-live', async () => {
    const before = await callsTodayFromApi(tenant.admin);
    expect(before).toBe(3);
    const page = await loginAs(tenant.admin);
    // the home page after login is the dashboard
    expect(new URL(page.url()).hash).toBe('#/');
    await page.getByRole('heading', { name: `Welcome, ${tenant.admin.name}` }).waitFor({ timeout: LIVE_TIMEOUT });
    await kpiValue(page, 'callsToday', String(before)).waitFor({ timeout: LIVE_TIMEOUT });
    await kpi(page, 'callsToday').getByText('Calls today', { exact: true }).waitFor();
    // 1 of 2 inbound calls answered
    await kpiValue(page, 'answerRate', '50%').waitFor();
    await page.getByRole('heading', { name: /^Team queue/ }).waitFor();
    await page.getByRole('heading', { name: 'Calls per hour' }).waitFor();
    await page.getByTestId('calls-per-hour-caption').getByText(`${before} today so far`, { exact: false }).waitFor();
    // the table view of the chart lists today's hours
    await page.getByRole('button', { name: 'Table' }).click();
    const table = page.getByRole('table', { name: 'Calls per hour' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(25);
    const feed = page.getByTestId('live-feed');
    await feed.getByTestId('feed-item').first().waitFor({ timeout: LIVE_TIMEOUT });
    expect(await feed.getByTestId('feed-item').count()).toBe(3);

    await socketConnected();
    await markDocument(page);

    // a call from an integration: at the top of the feed, and counted in "calls today"
    const caller = uniqueNumber();
    const call = await postCall({ direction: 'inbound', status: 'completed', outcome: 'answered', fromNumber: caller, toNumber: '+12015550100', startedAt: todayAgo(5), answeredAt: todayAgo(4), endedAt: todayAgo(1), agentId: tenant.agent.id });
    const newest = feed.getByTestId('feed-item').first();
    await newest.getByText(`Inbound call from +1 201 555 ${caller.slice(-4)}`).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await newest.getAttribute('data-id')).toBe(call.id);
    const after = await callsTodayFromApi(tenant.admin);
    expect(after).toBe(before + 1);
    await kpiValue(page, 'callsToday', String(after)).waitFor({ timeout: LIVE_TIMEOUT });
    // 2 of 3 inbound calls answered now
    await kpiValue(page, 'answerRate', '67%').waitFor({ timeout: LIVE_TIMEOUT });

    // a ticket nobody has taken: in the feed and in the team queue, and one more open ticket
    const ticket = await request(t.server).post('/api/v1/tickets').set(as(tenant.supervisor)).send({ subject: 'Caller wants a refund', priority: 'urgent' }).expect(201);
    await feed.getByTestId('feed-item').first().getByText(`New ticket #${ticket.body.number} Caller wants a refund`).waitFor({ timeout: LIVE_TIMEOUT });
    await page.getByRole('list', { name: 'Team queue' }).getByText(`#${ticket.body.number} Caller wants a refund`).waitFor({ timeout: LIVE_TIMEOUT });
    const open = await request(t.server).get('/api/v1/analytics/summary').query({ from: new Date(localMidnight(Date.now())).toISOString(), to: new Date().toISOString() }).set(as(tenant.admin)).expect(200);
    await kpiValue(page, 'openTickets', String(open.body.openTickets)).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await notReloaded(page)).toBe(true);
  });

  ui.test('shows an agent their own figures, labelled as theirs', 'dashboard-agent', async () => {
    const own = await callsTodayFromApi(tenant.agent);
    const team = await callsTodayFromApi(tenant.admin);
    // the calls the agent took or made; agent2's missed one is not theirs
    expect(own).toBe(agentCalls);
    expect(team).toBeGreaterThan(own);
    const page = await loginAs(tenant.agent);
    await kpi(page, 'callsToday').getByText('My calls today', { exact: true }).waitFor({ timeout: LIVE_TIMEOUT });
    await kpiValue(page, 'callsToday', String(own)).waitFor({ timeout: LIVE_TIMEOUT });
    // both of the agent's inbound calls were answered
    await kpiValue(page, 'answerRate', '100%').waitFor();
    await kpi(page, 'answerRate').getByText('My answer rate', { exact: true }).waitFor();
    await kpi(page, 'openTickets').getByText('My open tickets', { exact: true }).waitFor();
    await page.getByRole('heading', { name: /^My open tickets/ }).waitFor();
    await page.getByRole('heading', { name: 'My calls per hour' }).waitFor();
    expect(await page.getByRole('heading', { name: /^Team queue/ }).count()).toBe(0);
  });

  ui.test('asks a super admin without a tenant to choose one', 'dashboard-super-admin', async () => {
    const superAdmin = await createSuperAdmin(t);
    const page = await loginAs(superAdmin);
    await page.getByRole('heading', { name: 'Choose a tenant' }).waitFor({ timeout: LIVE_TIMEOUT });
    await page.getByTestId('choose-tenant').getByRole('combobox').waitFor();
    expect(await page.locator('[data-testid="kpi"]').count()).toBe(0);
  });
});
