/**
 * A card submit handed from the verb handler to the form dialog for this turn only. Kept in the
 * turn's state, so an Action.Submit message and an Action.Execute invoke reach the dialog alike.
 */
import type { TurnContext } from 'botbuilder';

/** What an intake card sent: the action, the draft it belongs to, and the inputs. */
export interface IntakeSubmission {
  action: string;
  kind?: string;
  draftId?: string;
  choice?: string;
  record: Record<string, unknown>;
}

const submissionKey = Symbol('pseb.intakeSubmission');

/** Reads a verb's data into a submission. */
export function toSubmission(data: Record<string, unknown>): IntakeSubmission {
  const text = (key: string): string | undefined => {
    const value = data[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    action: text('action') ?? (text('choice') !== undefined ? 'choice' : ''),
    kind: text('kind'),
    draftId: text('draftId'),
    choice: text('choice'),
    record: data,
  };
}

/** Hands a submission to this turn's dialogs. */
export function setSubmission(context: TurnContext, submission: IntakeSubmission): void {
  context.turnState.set(submissionKey, submission);
}

/** The card submit of this turn, if any. */
export function submissionOf(context: TurnContext): IntakeSubmission | undefined {
  return context.turnState.get(submissionKey) as IntakeSubmission | undefined;
}
