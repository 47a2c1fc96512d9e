/**
 * What the features ask about a conversation on every message — is a hand-off open, is a satisfaction
 * rating waiting for its answer, does a request wait for the user's information — read once per turn in
 * the turn's shared read (with the dedupe claim and the state rows, ./turnStatements.ts) and kept in the
 * turn's own state. A feature answers "none" from these facts without a query; only when there is
 * something does it ask its own store, which applies its full rules and returns the row. Without facts
 * (a proactive turn, a bare adapter in a test) every feature asks its store, as before.
 *
 * They are facts as of the turn's read: for the checks a turn makes before it changes anything itself
 * (the interceptors and the guard on card actions), not for re-checking after the turn opened a hand-off.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { TurnStatements } from './turnStatements';

export interface TurnFacts {
  /** A WAITING or ACTIVE hand-off of this conversation exists (what HandoffStore.openForUser looks for). */
  openHandoff: boolean;
  /** When the newest still-asked rating of this conversation was asked (RatingStore.pendingFor adds its age limit); null when none. */
  ratingAskedAt: Date | null;
  /** A request of this user on this channel waits for their information (INFO_REQUESTED). */
  waitingRequest: boolean;
}

/** Whom the facts are about: the conversation (hand-off, rating) and the user on the channel (requests). */
export interface FactsSubject {
  conversationId: string;
  channelId: string;
  userId: string;
}

/** The subject of an activity, read the way the features read it. */
export function factsSubject(activity: Pick<Partial<Activity>, 'conversation' | 'channelId' | 'from'>): FactsSubject {
  return { conversationId: activity.conversation?.id ?? '', channelId: activity.channelId ?? '', userId: activity.from?.id ?? '' };
}

const factsKey = Symbol('pseb.turnFacts');

/** Reads the turn's facts (joining the turn's shared read) and keeps them in the turn's state. */
export async function loadTurnFacts(context: TurnContext, statements: Pick<TurnStatements, 'readFacts'>): Promise<void> {
  context.turnState.set(factsKey, await statements.readFacts(factsSubject(context.activity)));
}

/** The facts read with this turn, or undefined when the turn was run without them. */
export function turnFacts(context: TurnContext): TurnFacts | undefined {
  return context.turnState.get(factsKey) as TurnFacts | undefined;
}
