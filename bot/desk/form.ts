/** Which form the user was filling when they asked for a person, read from the dialog stack. Pure. */
import type { DialogInstance } from '../../dialogs/sdk';
import { DialogIds } from '../../dialogs/dialogIds';
import { formFields, type RequestKind } from '../domain/forms';

/** What the hand-off card and the console show of an unfinished form (never its values). */
export interface FormInProgress {
  kind: RequestKind;
  /** The field being asked, if the form was at a question. */
  field?: string;
  answered: number;
  total: number;
}

const formDialogs: Record<string, RequestKind> = { [DialogIds.whitelisting]: 'whitelisting', [DialogIds.wfh]: 'wfh' };

interface IntakeLike {
  kind?: unknown;
  field?: unknown;
  phase?: unknown;
  values?: unknown;
}

/** Walks a dialog stack (and the stacks of component dialogs inside it) for an intake form. */
export function formInProgress(stack: readonly DialogInstance[] | undefined): FormInProgress | undefined {
  for (const instance of stack ?? []) {
    const kind = formDialogs[instance.id];
    const state = instance.state as (IntakeLike & { dialogs?: { dialogStack?: DialogInstance[] } }) | undefined;
    if (kind && state) {
      const values = state.values && typeof state.values === 'object' ? Object.keys(state.values) : [];
      const field = state.phase === 'field' && typeof state.field === 'string' ? state.field : undefined;
      return { kind, field, answered: values.length, total: formFields(kind).length };
    }
    const inner = formInProgress(state?.dialogs?.dialogStack);
    if (inner) return inner;
  }
  return undefined;
}

/** Narrows the stored JSON column back to the shape; anything else is no form. */
export function asFormInProgress(value: unknown): FormInProgress | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if ((v.kind !== 'whitelisting' && v.kind !== 'wfh') || typeof v.answered !== 'number' || typeof v.total !== 'number') return undefined;
  return { kind: v.kind, field: typeof v.field === 'string' ? v.field : undefined, answered: v.answered, total: v.total };
}
