import fs from 'node:fs';
import net from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { RealtimeGateway } from '../../backend/src/realtime/realtime.gateway';
// only as a type: the app module must load after serveWithSockets has allowed the page's origin
import type { TestApp } from './app';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from './fixtures';

/** Debian's chromium, or CHROMIUM_PATH. Never a downloaded browser. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : null;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * Launches headless Chromium, or says plainly that the browser suite is skipped on this machine
 * (CI installs chromium, so there it always runs).
 */
export async function launchBrowser(suite: string): Promise<Browser | null> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.warn(`SKIPPED browser suite "${suite}": no Chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return null;
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Serves the test app (API + built admin UI) on a free port (or `port`) and returns its base URL. */
export async function serve(t: TestApp, port = 0): Promise<string> {
  await t.app.listen(port, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A test app served with its page origin allowed for Socket.IO. The gateway checks a browser's
 * Origin against CORS_ORIGINS (even for the UI the app serves itself), and the app reads
 * CORS_ORIGINS once, when its config module loads: so the port is chosen first, its origin
 * allowed, and only then is the app loaded. Test files that use this must not import
 * '../support/app' (or the app module) other than as a type.
 */
export async function serveWithSockets(): Promise<{ t: TestApp; baseUrl: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  process.env.CORS_ORIGINS = origin;
  const { createTestApp } = await import('./app');
  const t = await createTestApp();
  const { AppConfig } = await import('../../backend/src/config/app-config.service');
  if (!t.app.get(AppConfig).corsOrigins.includes(origin)) {
    await t.close();
    throw new Error('CORS_ORIGINS was read before serveWithSockets set it: import the app module only as a type in this test file');
  }
  return { t, baseUrl: await serve(t, port) };
}

/** Logs in through react-admin's login form. */
export async function uiLogin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="email"], input[name="username"]').first().fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 15_000 });
}

/**
 * Opens a resource's create form the way a person does: its menu item, the list, then the list's
 * Create button. It waits for the list's first row before clicking, as a person waits for the page
 * to settle: a click while the list is still loading can land on a moving button, and react-admin
 * syncs the list's parameters into the URL as it mounts.
 */
export async function openCreateForm(page: Page, menuItem: string, resource: string): Promise<void> {
  await page.getByRole('menuitem', { name: menuItem }).click();
  await page.waitForURL(new RegExp(`#/${resource}(\\?|$)`));
  await page.locator('table tbody tr').first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByRole('link', { name: /create/i }).first().click();
  await page.waitForURL(new RegExp(`#/${resource}/create`), { timeout: 15_000 });
}

/** Saves a screenshot under test-results/ when a browser test fails, so a person can look. */
export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<void> {
  if (!page) return;
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
}

/** Waits until the app has a Socket.IO client (an admin UI page's real-time connection). */
export async function untilSocketConnected(t: TestApp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!t.app.get(RealtimeGateway).hasLocalClients()) {
    if (Date.now() > deadline) throw new Error('the admin UI did not open its real-time connection');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface BrowserSuiteOptions {
  /** Serve with the page's origin allowed for Socket.IO (see serveWithSockets). */
  sockets?: boolean;
  /** The tenant's settings, e.g. its time zone. */
  tenant?: Parameters<typeof createTenantFixture>[1];
}

/**
 * What a browser test file shares. Its fields are set in its beforeAll: read them in tests and in
 * hooks declared after browserSuite (which run after it), not at the top level.
 */
export interface BrowserSuite {
  readonly t: TestApp;
  readonly tenant: TenantFixture;
  readonly baseUrl: string;
  /** A new page in a context of its own, closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A new page logged in as `user` through the login form. */
  loginAs(user: { email: string }, options?: BrowserContextOptions): Promise<Page>;
  /**
   * A browser test: passes without running where there is no Chromium (launchBrowser says so),
   * and saves a screenshot of each page it opened when it fails (`screenshot`, or `screenshot-N`).
   */
  test(title: string, screenshot: string, fn: () => Promise<void>, timeout?: number): void;
}

/**
 * A browser test file's common shape: an app (served, with a tenant fixture), one Chromium for
 * the file, pages closed after each test, everything closed after the file.
 */
export function browserSuite(name: string, options: BrowserSuiteOptions = {}): BrowserSuite {
  let t: TestApp;
  let tenant: TenantFixture;
  let baseUrl: string;
  let browser: Browser | null = null;
  const pages: Page[] = [];

  beforeAll(async () => {
    if (options.sockets) ({ t, baseUrl } = await serveWithSockets());
    else {
      const { createTestApp } = await import('./app');
      t = await createTestApp();
      baseUrl = await serve(t);
    }
    tenant = await createTenantFixture(t, options.tenant);
    browser = await launchBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  const newPage = async (contextOptions?: BrowserContextOptions): Promise<Page> => {
    const page = await (await browser!.newContext(contextOptions)).newPage();
    pages.push(page);
    return page;
  };

  return {
    get t() {
      return t;
    },
    get tenant() {
      return tenant;
    },
    get baseUrl() {
      return baseUrl;
    },
    newPage,
    async loginAs(user, contextOptions) {
      const page = await newPage(contextOptions);
      await uiLogin(page, baseUrl, user.email, TEST_PASSWORD);
      return page;
    },
    test(title, screenshot, fn, timeout) {
      it(
        title,
        async () => {
          if (!browser) return;
          try {
            await fn();
          } catch (error) {
            const opened = [...pages];
            for (const [i, page] of opened.entries()) await screenshotOnFailure(page, opened.length === 1 ? screenshot : `${screenshot}-${i + 1}`);
            throw error;
          }
        },
        timeout,
      );
    },
  };
}
