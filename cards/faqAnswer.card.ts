/**
 * A FAQ answer: an Adaptive Card (right-to-left in Urdu) with up to three related questions as buttons on
 * Teams and Web Chat; a hero card on Skype; plain text with the related questions listed elsewhere.
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Rendering } from '../bot/channels';
import { cardTemplate, expandCard } from './render';
import templateJson from './faqAnswer.card.json';

/** Parsed once; every expansion reuses it. */
const template = cardTemplate(templateJson);

export interface FaqAnswerView {
  question: string;
  answer: string;
  relatedTitle: string;
  related: { id: string; question: string }[];
  rtl: boolean;
}

/** Builds the answer message for a channel's rendering. */
export function buildFaqAnswer(view: FaqAnswerView, rendering: Rendering): Partial<Activity> {
  if (rendering === 'adaptive') return MessageFactory.attachment(expandCard(template, view));
  if (rendering === 'hero') {
    return MessageFactory.attachment(
      CardFactory.heroCard(
        view.question,
        view.answer,
        undefined,
        view.related.map((r) => ({ type: ActionTypes.ImBack, title: r.question, value: r.question })),
      ),
    );
  }
  const related = view.related.length ? `\n\n${view.relatedTitle}\n${view.related.map((r) => `• ${r.question}`).join('\n')}` : '';
  return MessageFactory.text(`${view.answer}${related}`);
}
