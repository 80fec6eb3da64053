import request from 'supertest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { browserSuite } from '../support/browser';

const UI_TIMEOUT = 15_000;

interface Policy {
  id: string;
  name: string;
  position: number;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  version: number;
}

/**
 * Issue 6, Admin UI: an org admin reorders SLA policies and edits a target, edits a business
 * calendar's opening hours and holidays (each checked through the API); a stale save is refused
 * with a message; supervisors get no SLA admin screens.
 */
describe('browser: SLA administration', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let calendarId: string;
  const as = (member: StaffMember) => tokenFor(t, member, tenant.tenant.id);
  const policies = async (): Promise<Policy[]> => (await request(t.server).get('/api/v1/sla-policies').set(as(tenant.admin)).expect(200)).body;
  const policyNamed = async (name: string) => (await policies()).find((p) => p.name === name)!;

  const ui = browserSuite('SLA administration', { tenant: { timezone: 'Europe/Berlin' } });
  beforeAll(async () => {
    ({ t, tenant } = ui);
    const calendar = await request(t.server)
      .post('/api/v1/business-calendars')
      .set(as(tenant.admin))
      .send({ name: 'Office hours', timezone: 'Europe/Berlin', intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) })
      .expect(201);
    calendarId = calendar.body.id;
    // created in this order, so positions 0, 1, 2
    for (const body of [
      { name: 'Urgent', priorities: ['urgent'], firstResponseMinutes: 15, resolutionMinutes: 240 },
      { name: 'High', priorities: ['high'], firstResponseMinutes: 60 },
      { name: 'Everything else', firstResponseMinutes: 240, calendarId },
    ]) {
      await request(t.server).post('/api/v1/sla-policies').set(as(tenant.admin)).send(body).expect(201);
    }
  });

  const openAsAdmin = async (menu: string) => {
    const page = await ui.loginAs(tenant.admin);
    await page.getByRole('menuitem', { name: menu }).click();
    return page;
  };
  const policyNames = (p: Page) => p.locator('tbody td.column-name').allInnerTexts();

  ui.test('lists the policies in matching order, moves one up and saves the new order', 'sla-admin-reorder', async () => {
    const p = await openAsAdmin('SLA policies');
    await p.getByRole('button', { name: 'Move Everything else up' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await policyNames(p)).toEqual(['Urgent', 'High', 'Everything else']);
    await p.getByRole('button', { name: 'Move Everything else up' }).click();
    await p.getByText('New order saved').waitFor({ timeout: UI_TIMEOUT });
    expect((await policies()).map((x) => [x.name, x.position])).toEqual([
      ['Urgent', 0],
      ['Everything else', 1],
      ['High', 2],
    ]);
    await p.locator('tbody td.column-name').nth(2).filter({ hasText: 'High' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await policyNames(p)).toEqual(['Urgent', 'Everything else', 'High']);
  });

  ui.test('edits a target in hours and minutes and saves it as minutes', 'sla-admin-edit-target', async () => {
    const p = await openAsAdmin('SLA policies');
    const high = await policyNamed('High');
    await p.locator('tbody td.column-name', { hasText: 'High' }).click();
    await p.waitForURL(new RegExp(`#/sla-policies/${high.id}$`));
    const firstResponse = p.getByRole('group', { name: 'First response' });
    await firstResponse.getByLabel('Hours').fill('2');
    await firstResponse.getByLabel('Minutes').fill('30');
    await p.getByRole('button', { name: /save/i }).click();
    await p.waitForURL(/#\/sla-policies$/);
    const saved = await policyNamed('High');
    expect(saved).toMatchObject({ firstResponseMinutes: 150, version: high.version + 1 });
  });

  ui.test('refuses to save over a change made meanwhile, says so and keeps that change', 'sla-admin-conflict', async () => {
    const p = await openAsAdmin('SLA policies');
    const urgent = await policyNamed('Urgent');
    await p.locator('tbody td.column-name', { hasText: 'Urgent' }).click();
    await p.waitForURL(new RegExp(`#/sla-policies/${urgent.id}$`));
    await p.getByRole('group', { name: 'Resolution' }).getByLabel('Hours').waitFor({ timeout: UI_TIMEOUT });
    await request(t.server).put(`/api/v1/sla-policies/${urgent.id}`).set(as(tenant.admin)).send({ version: urgent.version, resolutionMinutes: 120 }).expect(200);
    await p.getByRole('group', { name: 'Resolution' }).getByLabel('Hours').fill('8');
    await p.getByRole('button', { name: /save/i }).click();
    await p.getByText('This SLA policy was changed by someone else').waitFor({ timeout: UI_TIMEOUT });
    expect(await policyNamed('Urgent')).toMatchObject({ resolutionMinutes: 120, version: urgent.version + 1 });
  });

  ui.test('adds an opening interval and a holiday range to a calendar', 'sla-admin-calendar', async () => {
    const p = await openAsAdmin('Business calendars');
    await p.locator('tbody td.column-name', { hasText: 'Office hours' }).click();
    await p.waitForURL(new RegExp(`#/business-calendars/${calendarId}$`));
    await p.getByRole('button', { name: 'Add an interval on Saturday' }).click();
    // five weekday intervals are rows 0–4: the new one is row 5
    await p.locator('input[name="intervals.5.start"]').fill('10:00');
    await p.locator('input[name="intervals.5.end"]').fill('14:00');
    await p.getByRole('button', { name: 'Add a holiday' }).click();
    await p.locator('input[name="holidays.0.from"]').fill('2026-12-24');
    await p.locator('input[name="holidays.0.to"]').fill('2026-12-26');
    await p.locator('input[name="holidays.0.name"]').fill('Christmas');
    await p.getByRole('button', { name: /save/i }).click();
    await p.waitForURL(/#\/business-calendars$/);
    const saved = (await request(t.server).get(`/api/v1/business-calendars/${calendarId}`).set(as(tenant.admin)).expect(200)).body;
    expect(saved.intervals).toHaveLength(6);
    expect(saved.intervals).toContainEqual({ weekday: 6, start: '10:00', end: '14:00' });
    expect(saved.holidays).toEqual([{ from: '2026-12-24', to: '2026-12-26', name: 'Christmas' }]);
  });

  ui.test('will not save a calendar that is never open, and says why', 'sla-admin-never-open', async () => {
    const p = await openAsAdmin('Business calendars');
    await p.locator('tbody td.column-name', { hasText: 'Office hours' }).click();
    await p.waitForURL(new RegExp(`#/business-calendars/${calendarId}$`));
    const before = (await request(t.server).get(`/api/v1/business-calendars/${calendarId}`).set(as(tenant.admin)).expect(200)).body;
    const removeInterval = p.getByRole('button', { name: /^Remove (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) / });
    await removeInterval.first().waitFor({ timeout: UI_TIMEOUT });
    while ((await removeInterval.count()) > 0) await removeInterval.first().click();
    await p.getByRole('button', { name: /save/i }).click();
    // a warning while editing, an error once saving was tried
    await p.locator('.MuiAlert-colorError', { hasText: 'This calendar is never open' }).waitFor({ timeout: UI_TIMEOUT });
    expect(p.url()).toMatch(new RegExp(`#/business-calendars/${calendarId}$`));
    const after = (await request(t.server).get(`/api/v1/business-calendars/${calendarId}`).set(as(tenant.admin)).expect(200)).body;
    expect(after.intervals).toEqual(before.intervals);
  });

  ui.test('shows a supervisor no SLA admin screens, though they read the policies', 'sla-admin-supervisor-menu', async () => {
    await request(t.server).get('/api/v1/sla-policies').set(as(tenant.supervisor)).expect(200);
    const page = await ui.loginAs(tenant.supervisor);
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('menuitem', { name: 'Tickets' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('menuitem', { name: 'SLA policies' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Business calendars' }).count()).toBe(0);
  });
});
