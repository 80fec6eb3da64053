import request from 'supertest';
import type { Page } from 'playwright-core';
// only as a type: browserSuite loads the app after allowing the page's origin for Socket.IO
import type { TestApp } from '../support/app';
import { tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { browserSuite } from '../support/browser';

const LIVE_TIMEOUT = 15_000;

/**
 * Tickets acceptance: an agent moves their ticket from open to pending and adds a note; a
 * supervisor who has the same ticket open sees both without reloading (real-time events).
 */
describe('browser: working a ticket', () => {
  let t: TestApp;
  let tenant: TenantFixture;

  const as = (m: StaffMember) => tokenFor(t, m, tenant.tenant.id);

  const ui = browserSuite('tickets', { sockets: true });

  /** A ticket assigned to the agent, already open, created through the API as the supervisor. */
  async function openTicketForAgent(subject: string): Promise<{ id: string; number: number }> {
    const created = await request(t.server)
      .post('/api/v1/tickets')
      .set(as(tenant.supervisor))
      .send({ subject, description: 'The customer cannot print invoices.', priority: 'high', assigneeId: tenant.agent.id, requesterName: 'Rita Requester' })
      .expect(201);
    await request(t.server).put(`/api/v1/tickets/${created.body.id}`).set(as(tenant.supervisor)).send({ status: 'open', version: created.body.version }).expect(200);
    return { id: created.body.id, number: created.body.number };
  }

  async function ticketPage(member: StaffMember, ticketId: string, subject: string): Promise<Page> {
    const page = await ui.loginAs(member, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${ui.baseUrl}/#/tickets/${ticketId}/show`);
    await page.getByRole('heading', { name: subject, level: 1 }).waitFor({ timeout: LIVE_TIMEOUT });
    return page;
  }

  const statusChip = (page: Page, status: string) => page.locator(`[aria-label="Ticket status"] [data-status="${status}"]`);

  beforeAll(() => {
    ({ t, tenant } = ui);
  });

  ui.test("shows the agent's status change and note live on the supervisor's open ticket page", 'tickets-live', async () => {
    const subject = `Printer jam ${Date.now()}`;
    const ticket = await openTicketForAgent(subject);
    const noteText = `Called the customer back at ${new Date().toISOString()}`;
    const agent = await ticketPage(tenant.agent, ticket.id, subject);
    const supervisor = await ticketPage(tenant.supervisor, ticket.id, subject);
    await statusChip(supervisor, 'open').waitFor({ timeout: LIVE_TIMEOUT });
    // survives only if the supervisor's page is never reloaded
    await supervisor.evaluate(() => Object.assign(window, { __notReloaded: true }));

    // the agent's own ticket: status buttons, no delete, no history (agents cannot read the audit trail)
    expect(await agent.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await agent.getByRole('tab', { name: 'History' }).count()).toBe(0);
    await agent.getByRole('button', { name: 'Pending', exact: true }).click();
    await statusChip(agent, 'pending').waitFor({ timeout: LIVE_TIMEOUT });

    await agent.getByRole('textbox', { name: 'Internal note' }).fill(noteText);
    await agent.getByRole('button', { name: 'Add note' }).click();
    const agentNote = agent.getByTestId('ticket-note').filter({ hasText: noteText });
    await agentNote.waitFor({ timeout: LIVE_TIMEOUT });
    expect(await agentNote.getAttribute('data-visibility')).toBe('internal');
    await expectText(agentNote, 'Internal');

    // what the API now holds
    const stored = await request(t.server).get(`/api/v1/tickets/${ticket.id}`).set(as(tenant.supervisor)).expect(200);
    expect(stored.body.status).toBe('pending');
    const notes = await request(t.server)
      .get('/api/v1/ticket-notes')
      .query({ filter: JSON.stringify({ ticketId: ticket.id }) })
      .set(as(tenant.supervisor))
      .expect(200);
    expect(notes.body.map((n: { body: string; authorId: string }) => [n.body, n.authorId])).toEqual([[noteText, tenant.agent.id]]);

    // the supervisor's page follows without a reload
    await statusChip(supervisor, 'pending').waitFor({ timeout: LIVE_TIMEOUT });
    await supervisor.getByTestId('ticket-note').filter({ hasText: noteText }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await supervisor.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);

    // and the supervisor's history says who changed what
    await supervisor.getByRole('tab', { name: 'History' }).click();
    const statusChange = supervisor.getByTestId('history-change').filter({ hasText: 'Status' }).first();
    await statusChange.waitFor({ timeout: LIVE_TIMEOUT });
    expect((await statusChange.innerText()).replace(/\s+/g, ' ')).toContain('Open');
    expect((await statusChange.innerText()).replace(/\s+/g, ' ')).toContain('Pending');
  });

  ui.test("locks a colleague's ticket for an agent: no status buttons, edit disabled, notes still allowed", 'tickets-agent2-locked', async () => {
    const subject = `Colleague's ticket ${Date.now()}`;
    const ticket = await openTicketForAgent(subject);
    const agent2 = await ticketPage(tenant.agent2, ticket.id, subject);
    await statusChip(agent2, 'open').waitFor({ timeout: LIVE_TIMEOUT });
    expect(await agent2.getByRole('button', { name: 'Pending', exact: true }).count()).toBe(0);
    expect(await agent2.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    expect(await agent2.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);
    await expectText(agent2.getByLabel('Ticket status'), 'only they, a supervisor or an admin can change it');
    expect(await agent2.getByRole('button', { name: 'Add note' }).count()).toBe(1);
  });

  ui.test('on a version conflict says the ticket was changed by someone else and shows it reloaded', 'tickets-conflict', async () => {
    const subject = `Contested ticket ${Date.now()}`;
    const ticket = await openTicketForAgent(subject);
    const asRead = (await request(t.server).get(`/api/v1/tickets/${ticket.id}`).set(as(tenant.supervisor)).expect(200)).body;
    const page = await ui.loginAs(tenant.supervisor, { viewport: { width: 1400, height: 1000 } });
    // the page keeps the ticket as first read (as if the change's event were late) until it saves
    let stale = true;
    await page.route(`**/api/v1/tickets/${ticket.id}`, (route) =>
      stale && route.request().method() === 'GET' ? route.fulfill({ json: asRead }) : route.continue(),
    );
    page.on('request', (r) => {
      if (r.method() === 'PUT') stale = false;
    });
    await page.goto(`${ui.baseUrl}/#/tickets/${ticket.id}/show`);
    await page.getByRole('heading', { name: subject, level: 1 }).waitFor({ timeout: LIVE_TIMEOUT });
    await request(t.server).put(`/api/v1/tickets/${ticket.id}`).set(as(tenant.agent)).send({ status: 'pending', version: asRead.version }).expect(200);

    await page.getByLabel('Ticket status').getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('This ticket was changed by someone else — reloaded').waitFor({ timeout: LIVE_TIMEOUT });
    await statusChip(page, 'pending').waitFor({ timeout: LIVE_TIMEOUT });
    const stored = await request(t.server).get(`/api/v1/tickets/${ticket.id}`).set(as(tenant.supervisor)).expect(200);
    expect(stored.body.status).toBe('pending');
  });
});

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
}
