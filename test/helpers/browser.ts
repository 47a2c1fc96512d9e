/**
 * Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (never a
 * downloaded browser), a fresh browser context (its own cookies, storage and cache) per suite, console errors
 * collected, screenshots saved to test-artifacts/. Suites use `describeWithChromium` so a machine without
 * Chromium skips them and says why.
 *
 * One Chromium serves the whole run: jest's globalSetup starts it (`startSharedChromium`) and each suite connects
 * to it, instead of every suite starting its own browser (~2.7 s of CPU each on this machine).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { eventually } from './eventually';
import { ARTIFACTS_DIR } from './artifacts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline, reproducible headless run. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the run's shared Chromium listens (a playwright WebSocket endpoint), set by jest's globalSetup. */
const SHARED_CHROMIUM_ENV = 'PSEB_TEST_CHROMIUM_WS';

/** Starts the run's shared Chromium (when installed); returns how to stop it. */
export async function startSharedChromium(): Promise<() => Promise<void>> {
  if (!chromiumAvailable()) return async () => undefined;
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
  return () => server.close();
}

/** Whether the browser tests can run here. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** `describe` when Chromium is installed; otherwise a skipped suite with the reason printed once. */
export function describeWithChromium(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
    return;
  }
  console.warn(`Skipping browser suite "${name}": ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`);
  describe.skip(name, body);
}

export interface TestBrowser {
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far, in all pages. */
  errors: string[];
  newPage(): Promise<Page>;
  /** Saves a full-page screenshot as test-artifacts/<name>.png and returns the path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh browser context in the run's Chromium. */
export async function launchBrowser(options: { locale?: string } = {}): Promise<TestBrowser> {
  const endpoint = process.env[SHARED_CHROMIUM_ENV];
  if (!endpoint) {
    throw new Error(`${SHARED_CHROMIUM_ENV} is unset: jest's globalSetup (test/helpers/globalSetup.ts) starts the shared Chromium`);
  }
  const browser = await chromium.connect(endpoint);
  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1000, height: 900 } });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    errors,
    async newPage() {
      const existing = context.pages().find((p) => p.url() === 'about:blank');
      return existing ?? context.newPage();
    },
    async screenshot(page, name) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      // Disconnects this suite; the shared Chromium runs on until globalTeardown.
      await browser.close();
    },
  };
}

/** Polls a condition (in the test process) until it holds; throws with the label after the timeout. */
export async function waitUntil(label: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  await eventually(label, async () => ((await condition()) ? true : undefined), { timeoutMs, intervalMs: 50 });
}
