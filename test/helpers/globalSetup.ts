/** jest globalSetup: builds the run's migrated template database (see template.ts). */
import { buildTemplate } from './template';

export default async function globalSetup(): Promise<void> {
  const remove = await buildTemplate(process.env.TEST_DATABASE_URL);
  (globalThis as { __psebRemoveTemplate?: () => Promise<void> }).__psebRemoveTemplate = remove;
}
