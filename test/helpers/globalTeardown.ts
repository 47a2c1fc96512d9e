/** jest globalTeardown: removes the run's template database. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __psebRemoveTemplate?: () => Promise<void> }).__psebRemoveTemplate?.();
}
