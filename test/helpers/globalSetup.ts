/**
 * jest globalSetup: builds the run's migrated template database (see template.ts) and, beside it, starts the one
 * Chromium the browser tests share (see browser.ts).
 */
import { buildTemplate } from './template';
import { startSharedChromium } from './browser';

export default async function globalSetup(): Promise<void> {
  const [remove, stopChromium] = await Promise.all([buildTemplate(process.env.TEST_DATABASE_URL), startSharedChromium()]);
  (globalThis as { __psebTeardown?: () => Promise<void> }).__psebTeardown = async () => {
    await Promise.all([remove(), stopChromium()]);
  };
}
