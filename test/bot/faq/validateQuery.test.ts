import { MAX_FAQ_QUERY_LENGTH, validateFaqQuery } from '../../../bot/faq/validateQuery';

describe('validateFaqQuery', () => {
  it.each([
    ['a missing q', undefined, undefined, { ok: false, error: 'missingQuery' }],
    ['a blank q', '   ', undefined, { ok: false, error: 'missingQuery' }],
    ['a repeated q parameter (array)', ['a', 'b'], undefined, { ok: false, error: 'missingQuery' }],
    ['an over-long q', 'x'.repeat(MAX_FAQ_QUERY_LENGTH + 1), undefined, { ok: false, error: 'queryTooLong' }],
    ['an unknown lang', 'helpline', 'fr', { ok: false, error: 'badLanguage' }],
    ['a plain question', 'helpline?', undefined, { ok: true, text: 'helpline?' }],
    ['a question with lang=ur', 'helpline?', 'ur', { ok: true, text: 'helpline?', lang: 'ur' }],
    ['a question at the length limit', 'x'.repeat(MAX_FAQ_QUERY_LENGTH), '', { ok: true, text: 'x'.repeat(MAX_FAQ_QUERY_LENGTH) }],
  ])('handles %s', (_case, q, lang, expected) => {
    expect(validateFaqQuery(q, lang)).toEqual(expected);
  });
});
