/** Every dialog and prompt id, in one place. */
export const DialogIds = {
  main: 'main',
  mainSteps: 'main.steps',
  whitelisting: 'intake.whitelisting',
  wfh: 'intake.wfh',
  status: 'status',
} as const;

export type DialogId = (typeof DialogIds)[keyof typeof DialogIds];
