import {
  fieldTextKeys,
  karachiToday,
  NAMED_CITIES,
  OTHER_CITY,
  validateAgentList,
  validateAgentSeats,
  validateCity,
  validateCnic,
  validateCompanyName,
  validateContactName,
  validateEmail,
  validateEndDate,
  validateIpAddresses,
  validateMobile,
  validateNtn,
  validateRegistrationNo,
  validateStartDate,
  validateWhitelistingReference,
  type Agent,
  type City,
  type FieldTextKeys,
  type Failure,
  type IsoDate,
  type ValidationContext,
  type Validator,
} from './validators';
import type { RequestKind } from './reference';

export type { Agent, City, IsoDate, RequestKind };

/** A whitelisting request once every field is valid. */
export interface WhitelistingDraft {
  companyName: string;
  psebRegistrationNo: string | null;
  ntn: string;
  contactName: string;
  contactCnic: string;
  contactMobile: string;
  contactEmail: string;
  city: City;
  agentSeats: number;
  ipAddresses: string[];
}

/** A work-from-home request once every field is valid. */
export interface WfhDraft {
  companyName: string;
  ntn: string;
  contactName: string;
  contactMobile: string;
  contactEmail: string;
  whitelistingReference: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  agents: Agent[];
}

/** The clean draft each request kind produces. */
export interface DraftByKind {
  whitelisting: WhitelistingDraft;
  wfh: WfhDraft;
}

/** How a card or a prompt asks for the field. */
export type FieldInput = 'text' | 'multiline' | 'choice' | 'number' | 'email' | 'tel' | 'date';

/** Everything the dialogs and cards need to ask for, explain and check one field. */
export interface FieldDef<Name extends string = string, T = unknown> {
  name: Name;
  validate: Validator<T>;
  optional: boolean;
  input: FieldInput;
  /** Choice values (labels at `choiceLabelPrefix + value`), for `input: 'choice'` only. */
  choices?: readonly string[];
  choiceLabelPrefix?: string;
  /** For a choice with an "other" value: the card input holding the free text. */
  otherInputId?: string;
  keys: FieldTextKeys;
}

type FieldOptions = Partial<Pick<FieldDef, 'optional' | 'input' | 'choices' | 'choiceLabelPrefix' | 'otherInputId'>>;
type FieldDefs<D> = { readonly [K in keyof D & string]-?: FieldDef<K, D[K]> };

/** Builds one field definition with its locale keys derived from the name. */
function field<Name extends string, T>(name: Name, validate: Validator<T>, options: FieldOptions = {}): FieldDef<Name, T> {
  return { name, validate, optional: false, input: 'text', ...options, keys: fieldTextKeys(name) };
}

const CITY_CHOICES = [...NAMED_CITIES, OTHER_CITY] as const;

// Declaration order is the order fields are asked in and shown on cards and summaries.
const WHITELISTING_FIELDS: FieldDefs<WhitelistingDraft> = {
  companyName: field('companyName', validateCompanyName),
  psebRegistrationNo: field('psebRegistrationNo', validateRegistrationNo, { optional: true }),
  ntn: field('ntn', validateNtn),
  contactName: field('contactName', validateContactName),
  contactCnic: field('contactCnic', validateCnic),
  contactMobile: field('contactMobile', validateMobile, { input: 'tel' }),
  contactEmail: field('contactEmail', validateEmail, { input: 'email' }),
  city: field('city', validateCity, {
    input: 'choice',
    choices: CITY_CHOICES,
    choiceLabelPrefix: 'intake:cities.',
    otherInputId: 'cityOther',
  }),
  agentSeats: field('agentSeats', validateAgentSeats, { input: 'number' }),
  ipAddresses: field('ipAddresses', validateIpAddresses, { input: 'multiline' }),
};

const WFH_FIELDS: FieldDefs<WfhDraft> = {
  companyName: field('companyName', validateCompanyName),
  ntn: field('ntn', validateNtn),
  contactName: field('contactName', validateContactName),
  contactMobile: field('contactMobile', validateMobile, { input: 'tel' }),
  contactEmail: field('contactEmail', validateEmail, { input: 'email' }),
  whitelistingReference: field('whitelistingReference', validateWhitelistingReference, { optional: true }),
  startDate: field('startDate', validateStartDate, { input: 'date' }),
  endDate: field('endDate', validateEndDate, { input: 'date' }),
  agents: field('agents', validateAgentList, { input: 'multiline' }),
};

const FIELD_DEFS: { readonly [K in RequestKind]: FieldDefs<DraftByKind[K]> } = {
  whitelisting: WHITELISTING_FIELDS,
  wfh: WFH_FIELDS,
};

/** The field names of one request kind. */
export type FieldName<K extends RequestKind> = keyof DraftByKind[K] & string;

/** The form's fields in the order they are asked. */
export function formFields<K extends RequestKind>(kind: K): readonly FieldDef<FieldName<K>>[] {
  return Object.values<FieldDef<FieldName<K>>>(FIELD_DEFS[kind]);
}

/** One field's definition, for help and edit-a-field. */
export function formField<K extends RequestKind, F extends FieldName<K>>(kind: K, name: F): FieldDef<F, DraftByKind[K][F]> {
  const defs: FieldDefs<DraftByKind[K]> = FIELD_DEFS[kind];
  return defs[name];
}

/** Why a field of a submitted form was refused. */
export type FieldError = Omit<Failure, 'ok'>;

/** `validateForm`'s answer: the clean draft, or an error per refused field. */
export type FormResult<K extends RequestKind> =
  { ok: true; draft: DraftByKind[K] } | { ok: false; errors: Partial<Record<FieldName<K>, FieldError>> };

/** The raw text of one field from a submitted card; numbers are stringified, anything else counts as empty. */
function rawValue(record: Readonly<Record<string, unknown>>, def: FieldDef): string {
  const text = (id: string): string => {
    const value = record[id];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  };
  // A city card sends the choice `other` and the name in a separate input.
  if (def.otherInputId !== undefined && text(def.name).trim().toLowerCase() === OTHER_CITY && text(def.otherInputId).trim() !== '') {
    return text(def.otherInputId);
  }
  return text(def.name);
}

/** A failure without its `ok` tag, as stored per field. */
function toFieldError(failure: Failure): FieldError {
  const { error, detail, rows } = failure;
  return { error, ...(detail === undefined ? {} : { detail }), ...(rows === undefined ? {} : { rows }) };
}

/**
 * Validates a whole submitted form (an object of raw strings, as an Adaptive Card sends it; for
 * `wfh` the agents are one pasted-lines string). Returns the clean draft, or every field's error.
 */
export function validateForm<K extends RequestKind>(
  kind: K,
  record: Readonly<Record<string, unknown>>,
  ctx: ValidationContext = {},
): FormResult<K> {
  const defs: FieldDefs<DraftByKind[K]> = FIELD_DEFS[kind];
  return validateFields(defs, record, ctx);
}

function validateFields<D>(
  defs: FieldDefs<D>,
  record: Readonly<Record<string, unknown>>,
  ctx: ValidationContext,
): { ok: true; draft: D } | { ok: false; errors: Partial<Record<keyof D & string, FieldError>> } {
  const context: ValidationContext = { today: ctx.today ?? karachiToday() };
  const values: Partial<Record<keyof D & string, unknown>> = {};
  const errors: Partial<Record<keyof D & string, FieldError>> = {};
  for (const def of Object.values<FieldDef<keyof D & string>>(defs)) {
    const result = def.validate(rawValue(record, def), context);
    if (!result.ok) {
      errors[def.name] = toFieldError(result);
      continue;
    }
    values[def.name] = result.value;
    // The end date is judged against the start date the user gave.
    if (def.name === 'startDate' && typeof result.value === 'string') context.startDate = result.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Every field of D passed the validator FieldDefs<D> ties to its type, so values is a complete D.
  return { ok: true, draft: values as D };
}
