import fs from 'node:fs';
import request from 'supertest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { tokenFor, type StaffMember, type TenantFixture } from '../support/fixtures';
import { browserSuite } from '../support/browser';
import { call, DAY, insertCalls, insertSlaEvents, insertSlaPolicy, insertTickets, parseCsv, ticket, type FixtureCall, type FixtureSlaEvent } from '../e2e/analytics.fixtures';

const TIMEOUT = 15_000;
const BOM = '\ufeff';

/**
 * CRM Analytics acceptance: an org admin opens the page from the menu, narrows the period, sees the
 * charts drawn, reads a chart as a table and downloads CSVs; an agent has no menu entry, is told the
 * page is not for their role, and the page's leaderboard API refuses them (403).
 */
describe('browser: CRM analytics', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  const calls: FixtureCall[] = [];

  // relative to now, so that the page's presets (which count back from today) hold them
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const inLast = (days: number) => calls.filter((c) => c.startedAt >= ago(days - 1)).length;

  const ui = browserSuite('CRM analytics', { tenant: { timezone: 'Europe/Berlin' } });
  beforeAll(async () => {
    ({ t, tenant } = ui);
    const c = (days: number, agentId: string | null, extra: Partial<FixtureCall> = {}) => calls.push(call({ tenantId: tenant.tenant.id, startedAt: ago(days), agentId, ...extra }));
    // this week: the agent answers three inbound calls and misses one; the second agent makes a call
    c(1, tenant.agent.id, { talkSeconds: 120 });
    c(2, tenant.agent.id, { talkSeconds: 240 });
    c(3, tenant.agent.id, { talkSeconds: 60 });
    c(1, tenant.agent.id, { outcome: 'missed', talkSeconds: 0 });
    c(3, tenant.agent2.id, { direction: 'outbound', talkSeconds: 30 });
    // twelve days ago: in the last 30 days, not in the last 7
    c(12, tenant.agent2.id, { talkSeconds: 90 });
    c(12, tenant.agent2.id, { talkSeconds: 90 });
    await insertCalls(t, calls);
    const tickets = [
      ticket({ tenantId: tenant.tenant.id, createdAt: ago(2), assigneeId: tenant.agent.id, firstRespondedAt: ago(1.9), resolvedAt: ago(1), status: 'resolved', priority: 'high' }),
      ticket({ tenantId: tenant.tenant.id, createdAt: ago(2), assigneeId: tenant.agent.id }),
      ticket({ tenantId: tenant.tenant.id, createdAt: ago(12), assigneeId: tenant.agent2.id }),
    ];
    await insertTickets(t, tickets);
    // the "Gold" policy's first-response targets this week: one met, one breached
    const gold = await insertSlaPolicy(t, tenant.tenant.id, 'Gold', 1);
    const target = (ticketId: string, kind: 'met' | 'breached', due: Date): FixtureSlaEvent =>
      ({ tenantId: tenant.tenant.id, ticketId, policyId: gold, metric: 'first_response', kind, cycle: 0, threshold: null, dueAt: due, occurredAt: due });
    await insertSlaEvents(t, [target(tickets[0].id, 'met', ago(1.95)), target(tickets[1].id, 'breached', ago(1.5))]);
  });

  const openAs = (member: StaffMember) => ui.loginAs(member, { viewport: { width: 1400, height: 1000 }, acceptDownloads: true });

  const kpi = (p: Page, name: string) => p.locator(`[data-testid="kpi"][data-kpi="${name}"] [data-testid="kpi-value"]`);
  const card = (p: Page, id: string) => p.locator(`[data-testid="chart-${id}"]`);

  /** Clicks `button` and returns the saved file's name and text. */
  async function download(p: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([p.waitForEvent('download', { timeout: TIMEOUT }), button.click()]);
    return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
  }

  ui.test('lets an org admin open CRM Analytics from the menu, narrow the period, read the charts as tables and download CSV', 'crm-analytics-admin', async () => {
    const page = await openAs(tenant.admin);
    await page.getByRole('menuitem', { name: 'CRM Analytics' }).click();
    await page.waitForURL(/#\/crm\/analytics/);
    await page.getByRole('heading', { name: 'CRM Analytics', level: 1 }).waitFor({ timeout: TIMEOUT });

    // the default period, the last 30 days, holds every call
    expect(inLast(30)).toBe(7);
    await kpi(page, 'calls').filter({ hasText: /^7$/ }).waitFor({ timeout: TIMEOUT });

    await page.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'Last 7 days' }).click();
    await page.waitForURL(/range=last7/);
    expect(inLast(7)).toBe(5);
    await kpi(page, 'calls').filter({ hasText: /^5$/ }).waitFor({ timeout: TIMEOUT });
    // 3 of 4 inbound answered
    await kpi(page, 'answerRate').filter({ hasText: /^75%$/ }).waitFor({ timeout: TIMEOUT });

    // the charts are drawn: bars and the answer-rate line, ticket bars, shaded heatmap cells
    const callBars = card(page, 'calls').locator('svg .recharts-bar-rectangle path');
    await callBars.first().waitFor({ timeout: TIMEOUT });
    expect(await callBars.count()).toBeGreaterThan(0);
    expect(await card(page, 'calls').locator('svg .recharts-line path').count()).toBeGreaterThan(0);
    await card(page, 'tickets').locator('svg .recharts-bar-rectangle path').first().waitFor({ timeout: TIMEOUT });
    const busyCells = card(page, 'heatmap').locator('svg rect[data-inbound]:not([data-inbound="0"])');
    await busyCells.first().waitFor({ timeout: TIMEOUT });
    expect(await busyCells.count()).toBeGreaterThan(0);
    expect(await card(page, 'heatmap').locator('svg rect[data-inbound]').count()).toBe(7 * 24);
    await card(page, 'breakdown').locator('svg .recharts-bar-rectangle path').first().waitFor({ timeout: TIMEOUT });
    await card(page, 'sla').locator('svg .recharts-bar-rectangle path').first().waitFor({ timeout: TIMEOUT });
    await kpi(page, 'slaCompliance').filter({ hasText: /^50%$/ }).waitFor({ timeout: TIMEOUT });

    // the same figures as a table: a caption, column headers, a row per day; the calls add up
    await card(page, 'calls').getByRole('button', { name: 'Table', exact: true }).click();
    const table = page.locator('[data-testid="chart-calls-table"]');
    await table.waitFor({ timeout: TIMEOUT });
    expect(await table.locator('caption').textContent()).toContain('Call volume and answer rate');
    expect(await table.locator('thead th').allTextContents()).toEqual(['Period', 'Calls', 'Inbound', 'Answered', 'Missed', 'Abandoned', 'Outbound', 'Answer rate']);
    expect(await table.locator('tbody tr').count()).toBe(7);
    const perDay = (await table.locator('tbody tr td:nth-of-type(1)').allTextContents()).map(Number);
    expect(perDay.reduce((s, n) => s + n, 0)).toBe(5);
    expect(await card(page, 'calls').locator('svg .recharts-bar-rectangle').count()).toBe(0);

    // the table's CSV, made in the browser from the same figures
    const series = await download(page, card(page, 'calls').getByRole('button', { name: /Download Call volume and answer rate table as CSV/ }));
    const [seriesHeader, ...seriesRows] = parseCsv(series.text);
    expect(seriesHeader).toEqual(['Period', 'Calls', 'Inbound', 'Answered', 'Missed', 'Abandoned', 'Outbound', 'Answer rate']);
    expect(seriesRows).toHaveLength(7);
    expect(seriesRows.reduce((s, r) => s + Number(r[1]), 0)).toBe(5);

    // the SLA chart's table: per policy and metric, then all policies
    await card(page, 'sla').getByRole('button', { name: 'Table', exact: true }).click();
    const slaRows = page.locator('[data-testid="chart-sla-table"] tbody tr');
    await slaRows.first().waitFor({ timeout: TIMEOUT });
    expect(await slaRows.evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent)))).toEqual([
      ['Gold', 'First response', '1', '1', '50%'],
      ['All policies', 'First response', '1', '1', '50%'],
    ]);

    // the leaderboard as the server's CSV report: a BOM, the header row, the agent's row
    const leaderboard = page.locator('[data-testid="agent-leaderboard"]');
    await leaderboard.locator(`tr[data-agent-id="${tenant.agent.id}"]`).waitFor({ timeout: TIMEOUT });
    const report = await download(page, page.getByRole('button', { name: 'Leaderboard (CSV)' }));
    expect(report.name).toMatch(/^agents-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.csv$/);
    expect(report.text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(report.text.slice(1));
    expect(header).toEqual(['agentId', 'name', 'callsHandled', 'answerRate', 'avgHandleSeconds', 'ticketsResolved', 'medianFirstResponseMinutes', 'slaCompliance']);
    const agentRow = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === tenant.agent.id)?.[i]]));
    expect(agentRow).toMatchObject({ name: tenant.agent.name, callsHandled: '3', answerRate: '0.75', avgHandleSeconds: '140', ticketsResolved: '1' });
  });

  ui.test('shows an agent no CRM Analytics menu entry, tells them on the page that it is not for their role, and the page’s API refuses them (403)', 'crm-analytics-agent', async () => {
    const page = await openAs(tenant.agent);
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor({ timeout: TIMEOUT });
    expect(await page.getByRole('menuitem', { name: 'CRM Analytics' }).count()).toBe(0);

    await page.goto(`${ui.baseUrl}/#/crm/analytics`);
    await page.getByText('CRM Analytics is not available for your role.').waitFor({ timeout: TIMEOUT });

    // the leaderboard endpoint, asked with this browser session's own token
    const query = new URLSearchParams({ from: ago(7).toISOString(), to: new Date().toISOString() }).toString();
    const answer = await page.evaluate(async (q) => {
      const res = await fetch(`/api/v1/analytics/agents?${q}`, { headers: { Authorization: `Bearer ${sessionStorage.getItem('callpro.accessToken')}` } });
      return { status: res.status, type: res.headers.get('content-type') };
    }, query);
    expect(answer.status).toBe(403);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    // the same for the leaderboard's CSV, while their own figures stay open to them
    await request(t.server).get(`/api/v1/analytics/export?${query}&report=agents`).set(tokenFor(t, tenant.agent, tenant.tenant.id)).expect(403);
    const own = await request(t.server).get(`/api/v1/analytics/summary?${query}`).set(tokenFor(t, tenant.agent, tenant.tenant.id)).expect(200);
    expect(own.body.agentId).toBe(tenant.agent.id);
  });
});
