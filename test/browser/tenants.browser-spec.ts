import type { Page } from 'playwright-core';
import { createSuperAdmin, type StaffMember } from '../support/fixtures';
import { browserSuite, openCreateForm } from '../support/browser';

/** A super admin creates tenants, with the default configuration or without it. */
describe('browser: tenant creation', () => {
  const ui = browserSuite('tenant creation');
  let superAdmin: StaffMember;

  beforeAll(async () => {
    superAdmin = await createSuperAdmin(ui.t);
  });

  const policiesOf = async (slug: string) => {
    const rows = await ui.t.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(`select count(p.id)::int as n from tenants t left join sla_policies p on p.tenant_id = t.id where t.slug = ? group by t.id`, [slug]);
    return rows.length ? rows[0].n : null;
  };

  const createTenant = async (page: Page, slug: string, provisionDefaults: boolean) => {
    await openCreateForm(page, 'Tenants', 'tenants');
    await page.locator('input[name="name"]').fill(`Tenant ${slug}`);
    await page.locator('input[name="slug"]').fill(slug);
    const defaults = page.getByLabel('Start with the default configuration');
    expect(await defaults.isChecked()).toBe(true);
    if (!provisionDefaults) await defaults.uncheck();
    await page.locator('input[name="admin.name"]').fill('First Admin');
    await page.locator('input[name="admin.email"]').fill(`admin@${slug}.example.test`);
    await page.locator('input[name="admin.password"]').fill('a-long-enough-password');
    await page.getByRole('button', { name: /save/i }).click();
    // back on the list once the API created it (the list may hold more tenants than one page shows)
    await page.waitForURL(/#\/tenants$/, { timeout: 15_000 });
  };

  ui.test('creates a tenant with the default SLA policies, or empty when the switch is off', 'tenants-create', async () => {
    const page = await ui.loginAs(superAdmin);
    const stamp = Date.now().toString(36);
    await createTenant(page, `with-defaults-${stamp}`, true);
    await createTenant(page, `empty-${stamp}`, false);
    expect(await policiesOf(`with-defaults-${stamp}`)).toBeGreaterThan(0);
    expect(await policiesOf(`empty-${stamp}`)).toBe(0);
  });
});
