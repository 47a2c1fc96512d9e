/**
 * The draft a form dialog keeps in conversation state while the user fills it in, and the pure
 * helpers that read it: which question comes next, how answers read in a summary, and the raw
 * record the whole draft is validated from again at submit time.
 */
import { formatFullDate, type Translate } from '../../bot/domain/validators';
import { isCity } from './guards';
import type { Agent, FieldDef, RequestKind } from '../../bot/domain/forms';
import { formFields } from '../../bot/domain/forms';

export type Phase = 'field' | 'summary' | 'pickEdit' | 'confirmCancel' | 'confirmDuplicate';

/** Everything the form knows so far; plain JSON so it persists with the conversation. */
export interface IntakeState {
  /** A uuid made when the draft starts; the request's idempotency key derives from it. */
  draftId: string;
  kind: RequestKind;
  phase: Phase;
  /** The field being asked (phase `field`). */
  field: string;
  /** Clean values by field name; `null` for a skipped optional field. */
  values: Record<string, unknown>;
  /** The text each accepted value was read from, re-validated at submit. */
  raw: Record<string, string>;
  /** Agents collected so far (work from home). */
  agents: Agent[];
  /** Where to go back to when the user decides not to cancel. */
  cancelFrom?: Phase;
  /** The user's open request this draft repeats (phase `confirmDuplicate`). */
  duplicateOf?: string;
  /** The user said to file it although it repeats `duplicateOf`. */
  duplicateConfirmed?: boolean;
}

/** A kind's fields, widened to plain definitions for lookups by name. */
export function fieldsOf(kind: RequestKind): readonly FieldDef[] {
  return formFields(kind);
}

/** The definition of a field by name. */
export function fieldDef(kind: RequestKind, name: string): FieldDef {
  const def = fieldsOf(kind).find((f) => f.name === name);
  if (!def) throw new Error(`no field ${name} in ${kind}`);
  return def;
}

/** The first field without an answer, or undefined when the form is complete. */
export function nextMissingField(state: Pick<IntakeState, 'kind' | 'values'>): string | undefined {
  return fieldsOf(state.kind).find((f) => !(f.name in state.values))?.name;
}

/** Agents as tab-separated lines, which parseAgentLines reads back exactly (names may hold commas). */
export function agentLines(agents: readonly Agent[]): string {
  return agents.map((a) => [a.fullName, a.cnic, a.city, a.isp, a.ipAddress].join('\t')).join('\n');
}

/** The record a whole draft is validated from at submit. */
export function draftRecord(state: Pick<IntakeState, 'raw' | 'agents' | 'kind'>): Record<string, string> {
  return state.kind === 'wfh' ? { ...state.raw, agents: agentLines(state.agents) } : { ...state.raw };
}

/** How one answer reads in the summary. */
export function displayValue(name: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined) return t('intake:flow.summary.skipped');
  if (name === 'agents' && Array.isArray(value)) return t('intake:flow.summary.agentsCount', { count: value.length });
  if (isCity(value)) return value.kind === 'named' ? t(`intake:cities.${value.id}`) : value.name;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The summary's facts, in form order, for the answered fields. */
export function summaryFacts(state: Pick<IntakeState, 'kind' | 'values'>, t: Translate): { label: string; value: string }[] {
  return fieldsOf(state.kind)
    .filter((f) => f.name in state.values)
    .map((f) => {
      const value = state.values[f.name];
      // Dates read back in full ("Tuesday, 15 December 2026"), as when they were typed.
      return {
        label: t(f.keys.label),
        value: f.input === 'date' && typeof value === 'string' ? formatFullDate(value, t) : displayValue(f.name, value, t),
      };
    });
}

/** The raw text a clean value can be read back from (a card's city comes as id or name). */
export function rawOfValue(value: unknown, typed: string): string {
  if (isCity(value)) return value.kind === 'named' ? value.id : value.name;
  return typed;
}
