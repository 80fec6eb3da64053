import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Page, WebSocketRoute } from 'playwright-core';
import type { NotifyInput } from '../../backend/src/notifications/notifications.service';
import { forkForTenant } from '../../backend/src/database/tenant.filter';
import { NotificationsService } from '../../backend/src/notifications/notifications.service';
import { OutboxDispatcher } from '../../backend/src/outbox/outbox.dispatcher';
import { RealtimeGateway } from '../../backend/src/realtime/realtime.gateway';
import type { TestApp } from '../support/app';
import { createTenantFixture, TEST_PASSWORD, type StaffMember, type TenantFixture } from '../support/fixtures';
import { browserSuite, uiLogin } from '../support/browser';

/** Real-time layer in the admin UI: a notification created on the server shows up live in the bell. */
describe('browser: live notifications', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  /** The page's console warnings and errors, for the failure message. */
  let pageLog: string[] = [];

  const ui = browserSuite('live notifications', { sockets: true });
  beforeAll(() => {
    ({ t, tenant } = ui);
  });

  /** What other modules do: NotificationsService.notify in a tenant's unit of work, then flush. */
  async function notify(member: StaffMember, input: NotifyInput, tenantId = tenant.tenant.id): Promise<string> {
    const em = forkForTenant(t.orm.em as EntityManager, tenantId);
    const [row] = t.app.get(NotificationsService).notify(em, [member.id], input);
    await em.flush();
    return row.id;
  }

  async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}; page log: ${JSON.stringify(pageLog)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The page's socket is connected once the gateway has a client (the other tests' pages are closed). */
  const socketConnected = () => until(() => t.app.get(RealtimeGateway).hasLocalClients(), 'the admin UI opened its real-time connection');

  const openPage = async (): Promise<Page> => {
    const p = await ui.newPage({ viewport: { width: 1280, height: 800 } });
    pageLog = [];
    p.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') pageLog.push(message.text());
    });
    return p;
  };

  const bell = (p: Page, unread: number) =>
    p.getByRole('button', { name: unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`, exact: true });

  ui.test('counts and lists a new notification of the agent without a reload, and marks all read', 'notifications-bell', async () => {
    const page = await openPage();
    await uiLogin(page, ui.baseUrl, tenant.agent.email, TEST_PASSWORD);
    await bell(page, 0).waitFor({ timeout: 15_000 });
    await socketConnected();
    // survives only as long as the page is not reloaded
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const title = `Ticket #${Math.floor(Math.random() * 9000) + 1000} was assigned to you`;
    await notify(tenant.agent2, { type: 'ticket.assigned', title: 'Not for the agent', resource: 'tickets', resourceId: randomUUID() });
    await notify(tenant.agent, { type: 'ticket.assigned', title, body: 'Headset crackles on every call', resource: 'tickets', resourceId: randomUUID() });

    await bell(page, 1).waitFor({ timeout: 10_000 });
    expect(await bell(page, 1).locator('.MuiBadge-badge').textContent()).toBe('1');
    // the toast
    await page.getByRole('alert').filter({ hasText: title }).waitFor({ timeout: 5_000 });

    await bell(page, 1).click();
    const dropdown = page.getByRole('dialog', { name: 'Recent notifications' });
    await dropdown.getByText(title).waitFor({ timeout: 5_000 });
    await dropdown.getByText('Headset crackles on every call').waitFor();
    expect(await dropdown.getByText('Not for the agent').count()).toBe(0);
    expect(await dropdown.getByLabel('unread').count()).toBe(1);
    await page.screenshot({ path: 'test-results/notifications-bell-open.png', animations: 'disabled' });

    await dropdown.getByRole('button', { name: 'Mark all read' }).click();
    await dropdown.getByLabel('unread').waitFor({ state: 'detached', timeout: 5_000 });
    await page.mouse.click(640, 600); // outside the dropdown: closes it
    await bell(page, 0).waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  ui.test('opens what a notification points to and marks it read; the list marks the rest read in bulk', 'notifications-list', async () => {
    const other = await createTenantFixture(t);
    const who = other.agent;
    await notify(who, { type: 'call.missed', title: 'Missed call from +1 202 555 0100' }, other.tenant.id);
    await notify(who, { type: 'sla.warning', title: 'Check your profile', body: 'Your phone number is missing', resource: 'users', resourceId: who.id }, other.tenant.id);
    const page = await openPage();
    await uiLogin(page, ui.baseUrl, who.email, TEST_PASSWORD);
    await bell(page, 2).click({ timeout: 15_000 });
    // users have no show view: the edit page (an agent may edit their own profile) is where it leads
    await page.getByRole('dialog', { name: 'Recent notifications' }).getByText('Check your profile').click();
    await page.waitForURL(new RegExp(`#/users/${who.id}$`), { timeout: 5_000 });
    await page.locator('input[name="email"]').waitFor({ timeout: 5_000 });
    expect(await page.locator('input[name="email"]').inputValue()).toBe(who.email);
    await bell(page, 1).waitFor({ timeout: 5_000 });

    await bell(page, 1).click();
    await page.getByRole('dialog', { name: 'Recent notifications' }).getByRole('link', { name: 'See all' }).click();
    await page.waitForURL(/#\/notifications/);
    await page.getByText('Missed call from +1 202 555 0100').waitFor({ timeout: 5_000 });
    await page.getByText('Check your profile').waitFor();

    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await page.getByRole('button', { name: 'Mark read', exact: true }).click();
    await bell(page, 0).waitFor({ timeout: 5_000 });

    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Unread' }).click();
    await page.getByText("You're all caught up").waitFor({ timeout: 5_000 });
    expect(await page.getByText('Missed call from +1 202 555 0100').count()).toBe(0);
  });

  ui.test('after a dropped connection, picks up the notification it missed, without a reload', 'notifications-resync', async () => {
    const other = await createTenantFixture(t);
    const who = other.agent;
    await until(() => !t.app.get(RealtimeGateway).hasLocalClients(), 'the earlier pages disconnected');
    const page = await openPage();
    // every page websocket goes through here: `blocked` refuses new ones, `live` is the current one
    let blocked = false;
    let live: { page: WebSocketRoute; server: WebSocketRoute } | undefined;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (blocked) return ws.close();
      live = { page: ws, server: ws.connectToServer() };
    });
    await uiLogin(page, ui.baseUrl, who.email, TEST_PASSWORD);
    await bell(page, 0).waitFor({ timeout: 15_000 });
    await socketConnected();
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // the network drops, and reconnecting fails until the event has come and gone
    blocked = true;
    await live!.server.close();
    await live!.page.close();
    await until(() => !t.app.get(RealtimeGateway).hasLocalClients(), 'the server saw the connection drop');
    const id = await notify(who, { type: 'call.missed', title: 'Missed while offline' }, other.tenant.id);
    await until(async () => {
      const rows: { delivered_at: Date | null }[] = await t.orm.em.fork().getConnection().execute('select delivered_at from outbox_events where resource_id = ?', [id]);
      return rows[0]?.delivered_at != null;
    }, 'the relay handed the event to the (empty) rooms');
    await t.app.get(OutboxDispatcher).drain();
    expect(await bell(page, 0).count()).toBe(1);

    blocked = false;
    await bell(page, 1).waitFor({ timeout: 15_000 });
    await bell(page, 1).click();
    await page.getByRole('dialog', { name: 'Recent notifications' }).getByText('Missed while offline').waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});
