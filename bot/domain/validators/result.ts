import type { IntakeErrorCode } from './errors';

/** A row-level problem in a pasted or uploaded agent list; `row` is 1-based over data rows, 0 means the header. */
export interface AgentRowError {
  row: number;
  code: IntakeErrorCode;
  value?: string;
  /** The column at fault (name, cnic, city, isp, ipAddress), when one cell is. */
  field?: 'fullName' | 'cnic' | 'city' | 'isp' | 'ipAddress';
}

/** Why a value was refused: a catalog code, the offending part when the message names it, and row errors for agent lists. */
export interface Failure {
  ok: false;
  error: IntakeErrorCode;
  detail?: string;
  rows?: readonly AgentRowError[];
  /** The readings of an ambiguous date (`date.ambiguous`), to be asked back. */
  dates?: readonly IsoDate[];
}

/** The outcome of every validator: the clean typed value, or a failure. */
export type Result<T> = { ok: true; value: T } | Failure;

/** Calendar date in ISO form, `YYYY-MM-DD`, with no time zone attached. */
export type IsoDate = string;

/** What a validator may need beyond the raw text; all optional so most validators ignore it. */
export interface ValidationContext {
  /** Today in Asia/Karachi; defaults to the real date. Injected by tests. */
  today?: IsoDate;
  /** The already validated start date, for the end-date rules. */
  startDate?: IsoDate;
}

/** A field validator: pure, never throws, always returns a Result. */
export type Validator<T> = (raw: string, ctx?: ValidationContext) => Result<T>;

/** Wraps a clean value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure, leaving `detail` out when there is none so results compare cleanly. */
export function fail(error: IntakeErrorCode, detail?: string): Failure {
  return detail === undefined ? { ok: false, error } : { ok: false, error, detail };
}
