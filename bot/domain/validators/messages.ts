import { errorKey } from './errors';
import { formatFullDate } from './dates';
import type { AgentRowError, Failure } from './result';

/** The subset of i18next's TFunction these helpers use, so callers can pass a fixed-language `t`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The user-facing text for a refused value, with the offending part filled in. */
export function errorMessage(t: Translate, failure: Pick<Failure, 'error' | 'detail' | 'dates'>): string {
  const [first, second] = (failure.dates ?? []).map((date) => formatFullDate(date, t));
  return t(errorKey(failure.error), { value: failure.detail ?? '', first, second });
}

/** One line per bad agent row ("Row 4, IP address: …"), the header row named as such. */
export function agentRowMessages(t: Translate, rows: readonly AgentRowError[]): string[] {
  return rows.map((r) => {
    const reason = t(errorKey(r.code), { value: r.value ?? '' });
    if (r.row === 0) return t('intake:agents.headerError', { reason });
    return r.field
      ? t('intake:agents.rowFieldError', { row: r.row, field: t(`intake:agents.columnNames.${r.field}`), reason })
      : t('intake:agents.rowError', { row: r.row, reason });
  });
}

/** The locale keys that describe a form field. */
export interface FieldTextKeys {
  prompt: string;
  label: string;
  help: string;
  example: string;
}

/** Locale keys for a field: `intake:fields.<name>.prompt|label|help|example`. */
export function fieldTextKeys(name: string): FieldTextKeys {
  const base = `intake:fields.${name}`;
  return { prompt: `${base}.prompt`, label: `${base}.label`, help: `${base}.help`, example: `${base}.example` };
}
