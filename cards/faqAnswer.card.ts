/**
 * A FAQ answer: an Adaptive Card (right-to-left in Urdu) with up to three related questions as buttons on
 * Teams and Web Chat; a hero card on Skype; plain text with the related questions listed elsewhere. A
 * question about applying also gets a button that starts that form.
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Rendering } from '../bot/channels';
import { cardTemplate, expandCachedCard } from './render';
import { Verbs } from './verbs';
import templateJson from './faqAnswer.card.json';

/** Parsed once; each answer (question, language, related questions) is expanded once. */
const template = cardTemplate(templateJson);

export interface FaqAnswerView {
  question: string;
  answer: string;
  relatedTitle: string;
  related: { id: string; question: string }[];
  rtl: boolean;
  /** A button that starts this kind's form; its title also works typed (it names the kind and "start"), as `hint` says. */
  startForm?: { kind: string; title: string; hint: string };
}

/** Builds the answer message for a channel's rendering. */
export function buildFaqAnswer(view: FaqAnswerView, rendering: Rendering): Partial<Activity> {
  if (rendering === 'adaptive') {
    return MessageFactory.attachment(
      expandCachedCard(template, {
        ...view,
        related: view.related.map((r) => ({ ...r, verb: Verbs.faqPick })),
        start: view.startForm ? [{ kind: view.startForm.kind, title: view.startForm.title, verb: Verbs.intakeSubmit }] : [],
      }),
    );
  }
  const start = view.startForm ? [view.startForm.title] : [];
  if (rendering === 'hero') {
    return MessageFactory.attachment(
      CardFactory.heroCard(
        view.question,
        view.answer,
        undefined,
        [...start, ...view.related.map((r) => r.question)].map((title) => ({ type: ActionTypes.ImBack, title, value: title })),
      ),
    );
  }
  const related = view.related.length ? `\n\n${view.relatedTitle}\n${view.related.map((r) => `• ${r.question}`).join('\n')}` : '';
  const startLine = view.startForm ? `\n\n${view.startForm.hint}` : '';
  return MessageFactory.text(`${view.answer}${related}${startLine}`);
}
