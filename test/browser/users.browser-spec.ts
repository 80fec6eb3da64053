import type { Page } from 'playwright-core';
import { browserSuite, openCreateForm } from '../support/browser';

/** Foundation acceptance: an org admin creates a user and sees it listed; an agent has no Users menu. */
describe('browser: users administration', () => {
  const ui = browserSuite('users administration');

  ui.test('lets an org admin create a user and then lists it', 'users-admin-create', async () => {
    const page = await ui.loginAs(ui.tenant.admin);
    await openCreateForm(page, 'Users', 'users');
    const email = `new.hire.${Date.now()}@example.test`;
    await page.locator('input[name="name"]').fill('New Hire');
    await page.locator('input[name="email"]').fill(email);
    await page.getByRole('combobox', { name: /role/i }).click();
    await page.getByRole('option', { name: /^agent$/i }).click();
    await page.locator('input[name="password"]').fill('a-long-enough-password');
    await page.getByRole('button', { name: /save/i }).click();
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await expectVisible(page, email);
  });

  ui.test('shows an agent no Users menu', 'users-agent-menu', async () => {
    const page = await ui.loginAs(ui.tenant.agent);
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
  });
});

async function expectVisible(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
}
