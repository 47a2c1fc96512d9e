/**
 * What the applicant receives when PSEB decides: reference, new status and the team's note, in their
 * language and as their channel renders it; an information request carries a Reply button.
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Rendering } from '../bot/channels';
import type { Translate } from '../bot/i18n';
import { RequestStatus } from '../bot/domain/lifecycle';
import { cardTemplate, expandCard } from './render';
import { Verbs } from './verbs';
import { escapeMarkup } from './escape';
import templateJson from './requestNotice.card.json';

/** Parsed once: expanding a parsed template is far cheaper than parsing it per card. */
const template = cardTemplate(templateJson);

/** An approval's letter (bot/letters): a signed download link, its expiry as the user reads it, and the public check. */
export interface NoticeLetterView {
  downloadUrl: string;
  verifyUrl: string;
  expires: string;
}

export interface RequestNoticeView {
  reference: string;
  status: RequestStatus;
  note?: string | null;
  rtl: boolean;
  letter?: NoticeLetterView;
}

/** Builds the notice for a channel's rendering. */
export function buildRequestNotice(view: RequestNoticeView, t: Translate, rendering: Rendering): Partial<Activity> {
  const canReply = view.status === RequestStatus.INFO_REQUESTED;
  const headline = t('decisions:user.headline', { reference: view.reference, status: t(`decisions:status.${view.status}`) });
  const body = t(`decisions:user.body.${view.status}`, { reference: view.reference });
  const note = view.note ? t('decisions:user.note', { note: rendering === 'text' ? view.note : escapeMarkup(view.note) }) : '';
  const replyLabel = t('decisions:user.reply');
  const { letter } = view;
  const letterHint = letter ? t('letters:notice.linkHint', { expires: letter.expires, reference: view.reference }) : '';
  const letterLabels = { downloadLabel: t('letters:notice.download'), verifyLabel: t('letters:notice.verify') };
  if (rendering === 'adaptive') {
    const hint = canReply ? t('decisions:user.replyHint') : '';
    return MessageFactory.attachment(
      expandCard(template, {
        headline,
        body,
        note,
        hint,
        rtl: view.rtl,
        canReply,
        replyLabel,
        verb: Verbs.requestReply,
        reference: view.reference,
        hasLetter: Boolean(letter),
        letterHint,
        downloadUrl: letter?.downloadUrl ?? '',
        verifyUrl: letter?.verifyUrl ?? '',
        ...letterLabels,
      }),
    );
  }
  if (rendering === 'hero') {
    const hint = canReply ? t('decisions:user.replyHint') : '';
    const buttons = canReply ? [{ type: ActionTypes.ImBack, title: replyLabel, value: replyLabel }] : [];
    if (letter) {
      buttons.push({ type: ActionTypes.OpenUrl, title: letterLabels.downloadLabel, value: letter.downloadUrl });
      buttons.push({ type: ActionTypes.OpenUrl, title: letterLabels.verifyLabel, value: letter.verifyUrl });
    }
    return MessageFactory.attachment(
      CardFactory.heroCard(headline, [body, note, hint, letterHint].filter(Boolean).join('\n\n'), undefined, buttons),
    );
  }
  const hint = canReply ? t('decisions:user.replyHintText') : '';
  const links = letter ? t('letters:notice.text', { url: letter.downloadUrl, verifyUrl: letter.verifyUrl, expires: letter.expires }) : '';
  return MessageFactory.text([headline, body, note, hint, links, letterHint].filter(Boolean).join('\n'));
}
