/**
 * The summary shown before submitting, per channel: an Adaptive Card with Submit / Edit a field /
 * Cancel (Teams, Web Chat), a hero card with the same buttons (Skype), or numbered text.
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Rendering } from '../bot/channels';
import type { Translate } from '../bot/domain/validators';
import type { RequestKind } from '../bot/domain/forms';
import { cardTemplate, expandCard } from './render';
import { Verbs } from './verbs';
import { escapeMarkup } from './escape';
import templateJson from './summary.card.json';

/** Parsed once: expanding a parsed template is far cheaper than parsing it per card. */
const template = cardTemplate(templateJson);

export interface SummaryFact {
  label: string;
  value: string;
}

export interface SummaryData {
  kind: RequestKind;
  draftId: string;
  facts: SummaryFact[];
  rtl: boolean;
}

/** The summary's three actions, in the order the text rendering numbers them. */
export const summaryActions = ['submit', 'edit', 'cancel'] as const;
export type SummaryAction = (typeof summaryActions)[number];

/** Builds the summary message for a channel's rendering. */
export function buildSummary(data: SummaryData, rendering: Rendering, t: Translate): Partial<Activity> {
  const title = t('intake:flow.summary.title', { title: t(`requests:kinds.${data.kind}`) });
  const intro = t('intake:flow.summary.intro');
  const actionTitle = (action: SummaryAction): string => t(`intake:flow.summary.${action}`);
  if (rendering === 'adaptive') {
    return MessageFactory.attachment(
      expandCard(template, {
        title,
        intro,
        facts: data.facts.map((f) => ({ label: f.label, value: escapeMarkup(f.value) })),
        kind: data.kind,
        draftId: data.draftId,
        verb: Verbs.intakeSubmit,
        cancelVerb: Verbs.intakeCancel,
        submitTitle: actionTitle('submit'),
        editTitle: actionTitle('edit'),
        cancelTitle: actionTitle('cancel'),
        rtl: data.rtl,
      }),
    );
  }
  const lines = data.facts.map((f) => `${f.label}: ${rendering === 'hero' ? escapeMarkup(f.value) : f.value}`);
  if (rendering === 'hero') {
    const buttons = summaryActions.map((a) => ({ type: ActionTypes.ImBack, title: actionTitle(a), value: actionTitle(a) }));
    return MessageFactory.attachment(CardFactory.heroCard(title, [intro, '', ...lines].join('\n'), undefined, buttons));
  }
  return MessageFactory.text([title, intro, '', ...lines, '', t('intake:flow.summary.textOptions')].join('\n'));
}
