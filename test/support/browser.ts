import fs from 'node:fs';
import net from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestApp } from './app';

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

/** Saves a screenshot under test-results/ when a browser test fails, so a person can look. */
export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<void> {
  if (!page) return;
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
}
