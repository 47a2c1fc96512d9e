/**
 * The whole intake form as one Adaptive Card (Teams, Web Chat): an input per field, ids = field names,
 * the user's earlier values kept and each refused field marked in red. Submit, "step by step" and
 * Cancel carry the draft id so the server can tell which form they belong to.
 */
import type { Attachment } from 'botbuilder';
import { agentRowMessages, errorMessage, OTHER_CITY, type Translate } from '../bot/domain/validators';
import { formFields, type FieldDef, type FieldError, type RequestKind } from '../bot/domain/forms';
import { cardTemplate, expandCachedCard } from './render';
import { Verbs } from './verbs';
import templateJson from './intakeForm.card.json';

/** Parsed once; each distinct form (kind, language, values, errors) is expanded once, the draft id put in per card. */
const template = cardTemplate(templateJson);

/** Agent rows listed on the card at most; the count of the rest follows. */
const MAX_ROW_ERRORS_SHOWN = 20;

export interface IntakeFormCardData {
  kind: RequestKind;
  draftId: string;
  /** Raw values to show in the inputs, by input id. */
  values: Readonly<Record<string, string>>;
  /** Errors of the last submit, by field name. */
  errors?: Readonly<Record<string, FieldError | undefined>>;
  rtl: boolean;
}

interface FieldView {
  id: string;
  input: 'text' | 'choice';
  label: string;
  placeholder: string;
  value: string;
  style: string;
  multiline: boolean;
  required: boolean;
  errorMessage: string;
  error: string;
  choices: { title: string; value: string }[];
}

/** The full text of a field error, agent rows included (capped). */
export function fieldErrorText(t: Translate, error: FieldError): string {
  const lines = [errorMessage(t, error)];
  const rows = error.rows ?? [];
  lines.push(...agentRowMessages(t, rows.slice(0, MAX_ROW_ERRORS_SHOWN)));
  if (rows.length > MAX_ROW_ERRORS_SHOWN) lines.push('…');
  return lines.join('\n');
}

/** Builds the form card for a kind in the turn's language. */
export function buildIntakeFormCard(data: IntakeFormCardData, t: Translate): Attachment {
  const errors = data.errors ?? {};
  const fields = formFields(data.kind).flatMap((def) => fieldViews(def, data.values, errors[def.name], t));
  return expandCachedCard(
    template,
    {
      title: t('intake:flow.card.title', { title: t(`requests:kinds.${data.kind}`) }),
      intro: t('intake:flow.cardIntro'),
      errorsIntro: Object.values(errors).some(Boolean) ? t('intake:flow.card.errors') : '',
      fields,
      kind: data.kind,
      verb: Verbs.intakeSubmit,
      cancelVerb: Verbs.intakeCancel,
      submitTitle: t('intake:flow.card.submit'),
      stepsTitle: t('intake:flow.card.steps'),
      cancelTitle: t('intake:flow.card.cancel'),
      rtl: data.rtl,
    },
    { draftId: data.draftId },
  );
}

function fieldViews(def: FieldDef, values: Readonly<Record<string, string>>, error: FieldError | undefined, t: Translate): FieldView[] {
  const errorText = error ? fieldErrorText(t, error) : '';
  const label = def.optional ? `${t(def.keys.label)} ${t('intake:flow.card.optional')}` : t(def.keys.label);
  const base: FieldView = {
    id: def.name,
    input: def.input === 'choice' ? 'choice' : 'text',
    label,
    placeholder: t(def.keys.example),
    value: values[def.name] ?? '',
    style: def.input === 'tel' || def.input === 'email' ? def.input : 'text',
    multiline: def.input === 'multiline',
    required: !def.optional,
    errorMessage: errorText || t(def.keys.prompt),
    error: errorText,
    choices: (def.choices ?? []).map((value) => ({ value, title: t(`${def.choiceLabelPrefix ?? ''}${value}`) })),
  };
  if (def.input !== 'choice' || def.otherInputId === undefined) return [base];
  // The free-text companion of a choice with an "other" value (the city's name).
  const other: FieldView = {
    ...base,
    id: def.otherInputId,
    input: 'text',
    label: t('intake:flow.card.cityOther'),
    placeholder: t(`intake:fields.${def.otherInputId}.example`),
    value: values[def.otherInputId] ?? '',
    required: false,
    multiline: false,
    errorMessage: '',
    error: '',
    choices: [],
  };
  return [base, other];
}

/** The card values for a city answer: a named id, or `other` with the name beside it. */
export function cityCardValues(raw: string | undefined, namedIds: readonly string[]): Record<string, string> {
  if (raw === undefined) return {};
  return namedIds.includes(raw) ? { city: raw } : { city: OTHER_CITY, cityOther: raw };
}
