/**
 * Every field of a filed request as staff read it — in the form's order, lists kept as lists, the city
 * as its id (the console names it in its language) or the typed name, CNICs and phone numbers masked —
 * and the same fields as CSV columns (lists joined).
 */
import { formFields, type RequestKind } from '../domain/forms';
import { maskDeep } from '../privacy/mask';
import type { CsvCell } from './csv';

/** One field of a request: `value` null when the applicant skipped it. */
export interface RequestField {
  name: string;
  value: string | number | string[] | null;
  /** Set for a city picked from the list: its id (the console labels it `requests.cities.<id>`). */
  city?: string;
}

/** Fields shown elsewhere (the company heads the request, agents have their own table) or folded into another (the typed city). */
const shownApart = new Set(['companyName', 'agents', 'cityOther']);

/** All field names of both kinds in form order: the CSV columns and the console's label keys. */
export const requestFieldNames: readonly string[] = [
  ...new Set(
    (['whitelisting', 'wfh'] as const).flatMap((kind) => formFields(kind).map((f) => f.name)).filter((name) => !shownApart.has(name)),
  ),
];

/** The stored fields of a request, in its form's order, then any other stored key (older rows). */
export function requestFields(kind: RequestKind, stored: unknown): RequestField[] {
  const fields = isRecord(stored) ? (maskDeep(stored) as Record<string, unknown>) : {};
  const order: string[] = formFields(kind)
    .map((f) => f.name as string)
    .filter((name) => !shownApart.has(name));
  const names = [...order, ...Object.keys(fields).filter((name) => !order.includes(name) && !shownApart.has(name))];
  return names.map((name) => fieldOf(name, fields[name]));
}

function fieldOf(name: string, raw: unknown): RequestField {
  if (raw === null || raw === undefined || raw === '') return { name, value: null };
  if (typeof raw === 'string' || typeof raw === 'number') return { name, value: raw };
  if (Array.isArray(raw))
    return { name, value: raw.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item))) };
  if (isRecord(raw) && raw.kind === 'named' && typeof raw.id === 'string') return { name, value: raw.id, city: raw.id };
  if (isRecord(raw) && raw.kind === 'other' && typeof raw.name === 'string') return { name, value: raw.name };
  return { name, value: JSON.stringify(raw) };
}

/** One request's cells for `requestFieldNames`: lists joined with "; ", skipped or absent fields empty. */
export function requestFieldCells(kind: RequestKind, stored: unknown): CsvCell[] {
  const byName = new Map(requestFields(kind, stored).map((f) => [f.name, f.value]));
  return requestFieldNames.map((name) => {
    const value = byName.get(name);
    return Array.isArray(value) ? value.join('; ') : (value ?? null);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
