/** jest globalTeardown: removes the run's template database and stops the shared Chromium. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __psebTeardown?: () => Promise<void> }).__psebTeardown?.();
}
