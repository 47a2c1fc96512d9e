/** The console API's error catalog: every failure a handler may answer with, and its HTTP status. */

interface ErrorDef {
  status: number;
}

export const consoleErrors = {
  invalid_input: { status: 400 },
  missing_token: { status: 401 },
  invalid_token: { status: 401 },
  not_staff: { status: 403 },
  not_claimer: { status: 403 },
  not_found: { status: 404 },
  already_claimed: { status: 409 },
  already_decided: { status: 409 },
  illegal_transition: { status: 409 },
  duplicate: { status: 409 },
  protected_staff: { status: 409 },
  handoff_closed: { status: 409 },
  not_claimed: { status: 409 },
  undelivered: { status: 502 },
} as const satisfies Record<string, ErrorDef>;

export type ConsoleErrorCode = keyof typeof consoleErrors;

/** Thrown by console services; the route layer turns it into `{error, message, ...details}` with the catalog's status. */
export class ConsoleError extends Error {
  constructor(
    readonly code: ConsoleErrorCode,
    message?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? code);
    this.name = 'ConsoleError';
  }

  get status(): number {
    return consoleErrors[this.code].status;
  }
}
