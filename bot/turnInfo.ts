/**
 * Per-turn facts every handler needs — the reply language, its fixed `t`, and how the channel renders —
 * kept in the turn's own state (never module state), set once by the bot before any handler runs.
 */
import type { TurnContext } from 'botbuilder';
import type { Rendering } from './channels';
import type { Translate, UiLanguage } from './i18n';

export interface TurnInfo {
  lang: UiLanguage;
  t: Translate;
  rendering: Rendering;
}

const turnInfoKey = Symbol('pseb.turnInfo');

/** Stores the turn's info. */
export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(turnInfoKey, info);
}

/** Reads the turn's info; a handler running without it is a wiring bug. */
export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(turnInfoKey) as TurnInfo | undefined;
  if (!info) throw new Error('turn info not set: the bot sets it before dialogs and handlers run');
  return info;
}
