/**
 * A titled list of choices, rendered per channel: an Adaptive Card with Action.Submit buttons (Teams,
 * Web Chat), a hero card with imBack buttons (Skype), or text with numbered lines (everything else).
 * The menu, "did you mean" and other pick-one replies use it.
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Rendering } from '../bot/channels';
import type { Verb } from './verbs';
import { cardTemplate, expandCachedCard } from './render';
import { toAsciiDigits } from '../bot/domain/digits';
import templateJson from './choices.card.json';

/** Parsed once; each distinct list (the menu, a field's choices in a language) is expanded once. */
const template = cardTemplate(templateJson);

export interface Choice {
  id: string;
  title: string;
}

export interface ChoiceList {
  title: string;
  intro?: string;
  /** Footer for the text rendering, e.g. "Reply with a number". */
  numberHint: string;
  verb: Verb;
  /** The form draft the choice belongs to, so an old card is recognised as such. */
  draftId?: string;
  choices: Choice[];
  rtl: boolean;
}

/** Builds the message for a channel's rendering. */
export function buildChoices(list: ChoiceList, rendering: Rendering): Partial<Activity> {
  if (rendering === 'adaptive') {
    const card = expandCachedCard(
      template,
      { title: list.title, intro: list.intro ?? '', rtl: list.rtl, verb: list.verb, choices: list.choices },
      { draftId: list.draftId ?? '' },
    );
    return MessageFactory.attachment(card);
  }
  if (rendering === 'hero') {
    const hero = CardFactory.heroCard(
      list.title,
      list.intro ?? '',
      undefined,
      list.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.title, value: c.title })),
    );
    return MessageFactory.attachment(hero);
  }
  const lines = list.choices.map((c, i) => `${i + 1}. ${c.title}`);
  return MessageFactory.text([list.title, list.intro, '', ...lines, '', list.numberHint].filter((l) => l !== undefined).join('\n'));
}

/** Which choice a typed reply picks: its number, or its title (case-insensitive). */
export function pickChoice(text: string, choices: Choice[]): Choice | undefined {
  const typed = text.trim().replace(/[.)]$/, '').toLowerCase();
  const asciiNumber = toAsciiDigits(typed);
  if (/^\d{1,2}$/.test(asciiNumber)) return choices[Number(asciiNumber) - 1];
  return choices.find((c) => c.title.toLowerCase() === typed);
}
