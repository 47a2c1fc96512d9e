/**
 * Cards kept between turns (issue 17): the menu, the intake form and FAQ answers are expanded once per
 * distinct data and handed out as new objects, so what one turn does to its card never reaches the next.
 */
import type { Attachment } from 'botbuilder';
import { createI18n } from '../../bot/i18n';
import { CARD_CACHE_LIMIT, cardTemplate } from '../../cards/render';
import { buildIntakeFormCard } from '../../cards/intakeForm.card';
import { buildChoices } from '../../cards/choices.card';
import { Verbs } from '../../cards/verbs';
import { INTAKE_ERROR_CODES } from '../../bot/domain/validators/errors';
import intakeTemplateJson from '../../cards/intakeForm.card.json';
import choicesTemplateJson from '../../cards/choices.card.json';

const i18n = createI18n();
const en = i18n.getFixedT('en');
const ur = i18n.getFixedT('ur');

/** The card JSON of an attachment. */
const content = (attachment: Attachment): Record<string, unknown> => attachment.content as Record<string, unknown>;

/** Every value of a key anywhere in a card's JSON. */
function valuesOf(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => valuesOf(n, key, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      valuesOf(v, key, out);
    }
  return out;
}

describe('a kept card', () => {
  it('is the JSON the template expands afresh, with each card its own draft id', () => {
    const template = cardTemplate(intakeTemplateJson);
    const data = {
      title: 'Form',
      intro: 'Fill it in',
      errorsIntro: '',
      fields: [{ id: 'companyName', input: 'text', label: 'Company', value: 'Acme "&" Co', required: true, error: '', choices: [] }],
      kind: 'whitelisting',
      verb: Verbs.intakeSubmit,
      cancelVerb: Verbs.intakeCancel,
      rtl: false,
    };
    for (const draftId of ['d-1', 'd-2', 'd-1'])
      expect(template.expandCached(data, { draftId })).toEqual(template.expand({ ...data, draftId }));
    expect(template.cachedCount).toBe(1);
    const second = content(buildIntakeFormCard({ kind: 'whitelisting', draftId: 'd-2', values: {}, rtl: false }, en));
    expect(valuesOf(second, 'draftId')).toEqual(['d-2', 'd-2', 'd-2']);
  });

  it('cannot be changed by one turn for the next', () => {
    const data = { kind: 'whitelisting', draftId: 'd-1', values: { companyName: 'Acme' }, rtl: false } as const;
    const first = content(buildIntakeFormCard(data, en));
    const before = JSON.parse(JSON.stringify(first)) as unknown;
    (first.body as Record<string, unknown>[]).splice(0);
    first.rtl = true;
    first.actions = [];
    expect(content(buildIntakeFormCard(data, en))).toEqual(before);
  });

  it('keeps the values and errors of each form apart, and Urdu apart from English', () => {
    const base = { kind: 'whitelisting', draftId: 'd-1', rtl: false } as const;
    const acme = content(buildIntakeFormCard({ ...base, values: { companyName: 'Acme' } }, en));
    const zed = content(buildIntakeFormCard({ ...base, values: { companyName: 'Zed' } }, en));
    const urdu = content(buildIntakeFormCard({ ...base, values: { companyName: 'Acme' }, rtl: true }, ur));
    expect(valuesOf(acme, 'value')).toContain('Acme');
    expect(valuesOf(zed, 'value')).toContain('Zed');
    expect(valuesOf(zed, 'value')).not.toContain('Acme');
    expect(urdu.rtl).toBe(true);
    expect(valuesOf(urdu, 'title')).toContain(ur('intake:flow.card.submit'));
    expect(valuesOf(acme, 'title')).toContain(en('intake:flow.card.submit'));
    const refused = content(
      buildIntakeFormCard({ ...base, values: { companyName: 'A' }, errors: { companyName: { error: INTAKE_ERROR_CODES[0] } } }, en),
    );
    expect(valuesOf(refused, 'text')).toContain(en('intake:flow.card.errors'));
    expect(valuesOf(acme, 'text')).not.toContain(en('intake:flow.card.errors'));
  });

  it('puts a fresh value in as the string it is, quotes and backslashes included', () => {
    const odd = 'd"1\\x\u2028<b>';
    const card = content(buildIntakeFormCard({ kind: 'whitelisting', draftId: odd, values: {}, rtl: false }, en));
    expect(valuesOf(card, 'draftId')).toEqual([odd, odd, odd]);
  });

  it('gives each choice button the list’s draft id and verb, as before the cache', () => {
    const list = {
      title: 'Pick',
      numberHint: '',
      verb: Verbs.faqPick,
      rtl: false,
      choices: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
    };
    const one = buildChoices({ ...list, draftId: 'x-1' }, 'adaptive').attachments?.[0];
    const two = buildChoices({ ...list, draftId: 'x-2' }, 'adaptive').attachments?.[0];
    const raw = cardTemplate(choicesTemplateJson).expand({
      title: 'Pick',
      intro: '',
      rtl: false,
      verb: Verbs.faqPick,
      draftId: 'x-2',
      choices: list.choices,
    });
    expect(valuesOf(content(one!), 'data')).toEqual([
      { verb: Verbs.faqPick, choice: 'a', draftId: 'x-1' },
      { verb: Verbs.faqPick, choice: 'b', draftId: 'x-1' },
    ]);
    expect(content(two!)).toEqual(raw);
  });

  it('keeps at most the cache limit of cards per template, dropping the least recently used', () => {
    const template = cardTemplate({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${text}' }] });
    template.expandCached({ text: 'kept' });
    for (let i = 0; i < CARD_CACHE_LIMIT + 50; i++) {
      template.expandCached({ text: `card ${i}` });
      if (i % 10 === 0) template.expandCached({ text: 'kept' });
    }
    expect(template.cachedCount).toBe(CARD_CACHE_LIMIT);
    expect(template.expandCached({ text: 'kept' })).toEqual(template.expand({ text: 'kept' }));
  });
});
