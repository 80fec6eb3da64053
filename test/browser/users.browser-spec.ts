import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../support/fixtures';
import { launchBrowser, screenshotOnFailure, serve, uiLogin } from '../support/browser';

/** Foundation acceptance: an org admin creates a user and sees it listed; an agent has no Users menu. */
describe('browser: users administration', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let browser: Browser | null;
  let baseUrl: string;
  let page: Page | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenantFixture(t);
    baseUrl = await serve(t);
    browser = await launchBrowser('users administration');
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  afterEach(async () => {
    await page?.context().close();
    page = undefined;
  });

  it('lets an org admin create a user and then lists it', async () => {
    if (!browser) return;
    page = await (await browser.newContext()).newPage();
    try {
      await uiLogin(page, baseUrl, tenant.admin.email, TEST_PASSWORD);
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await page.waitForURL(/#\/users/);
      await page.getByRole('link', { name: /create/i }).first().click();
      const email = `new.hire.${Date.now()}@example.test`;
      await page.locator('input[name="name"]').fill('New Hire');
      await page.locator('input[name="email"]').fill(email);
      await page.getByRole('combobox', { name: /role/i }).click();
      await page.getByRole('option', { name: /^agent$/i }).click();
      await page.locator('input[name="password"]').fill('a-long-enough-password');
      await page.getByRole('button', { name: /save/i }).click();
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await expectVisible(page, email);
    } catch (error) {
      await screenshotOnFailure(page, 'users-admin-create');
      throw error;
    }
  });

  it('shows an agent no Users menu', async () => {
    if (!browser) return;
    page = await (await browser.newContext()).newPage();
    try {
      await uiLogin(page, baseUrl, tenant.agent.email, TEST_PASSWORD);
      await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor({ timeout: 15_000 });
      expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    } catch (error) {
      await screenshotOnFailure(page, 'users-agent-menu');
      throw error;
    }
  });
});

async function expectVisible(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
}
