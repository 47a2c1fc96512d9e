/**
 * "How did we do?" after a chat with the PSEB team: an Adaptive Card with 1–5 buttons and an optional
 * comment where cards work (right-to-left in Urdu); elsewhere a text asking for a reply of 1 to 5.
 */
import { MessageFactory, type Activity } from 'botbuilder';
import type { Rendering } from '../bot/channels';
import type { Translate } from '../bot/i18n';
import { maxScore, minScore } from '../bot/desk/rating';
import { cardTemplate, expandCachedCard } from './render';
import { Verbs } from './verbs';
import templateJson from './rating.card.json';

const template = cardTemplate(templateJson);

export interface RatingPromptView {
  handoffId: string;
  rtl: boolean;
}

/** The rating question for a channel's rendering, in the user's language. */
export function buildRatingPrompt(view: RatingPromptView, rendering: Rendering, t: Translate): Partial<Activity> {
  if (rendering !== 'adaptive') return MessageFactory.text(t('handoff:rating.askText', { min: minScore, max: maxScore }));
  const scores = [];
  for (let score = minScore; score <= maxScore; score++) scores.push({ score, title: t(`handoff:rating.scores.${score}`) });
  return MessageFactory.attachment(
    expandCachedCard(
      template,
      {
        rtl: view.rtl,
        question: t('handoff:rating.askCard'),
        commentLabel: t('handoff:rating.commentLabel'),
        commentPlaceholder: t('handoff:rating.commentPlaceholder'),
        scores,
        verb: Verbs.handoffRate,
      },
      { handoffId: view.handoffId },
    ),
  );
}
