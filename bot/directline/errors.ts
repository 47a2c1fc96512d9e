/**
 * The Direct Line endpoint's error catalog: every failure its routes answer with, and the HTTP status.
 * Bodies are `{error: <code>}` (plus a `message` with details where one helps), as the console's are.
 */
import type { Response } from 'restify';
import { sendError } from '../http/safe';

interface ErrorDef {
  status: number;
}

export const directLineErrors = {
  invalid_activity: { status: 400 },
  invalid_user_id: { status: 400 },
  invalid_watermark: { status: 400 },
  no_file: { status: 400 },
  too_many_files: { status: 400 },
  unauthorized: { status: 401 },
  forbidden: { status: 403 },
  secret_required: { status: 403 },
  token_required: { status: 403 },
  unknown_activity: { status: 404 },
  unknown_conversation: { status: 404 },
  length_required: { status: 411 },
  too_large: { status: 413 },
  not_csv: { status: 415 },
  bot_error: { status: 502 },
  busy: { status: 503 },
} as const satisfies Record<string, ErrorDef>;

export type DirectLineErrorCode = keyof typeof directLineErrors;

/** Answers with the catalog's status for the code. */
export function sendDirectLineError(res: Response, code: DirectLineErrorCode, message?: string): void {
  sendError(res, directLineErrors[code].status, code, message);
}
