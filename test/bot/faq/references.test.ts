import type { AnalyzedToken } from '../../../bot/faq/analyzer';
import { REFERABLE, REFERS_BACK, resolveReferences } from '../../../bot/faq/references';

const tokens = (...terms: string[]): AnalyzedToken[] => terms.map((term) => ({ term, phon: term }));
const terms = (resolved: readonly (readonly AnalyzedToken[])[]): string[][] => resolved.map((clause) => clause.map((t) => t.term));

describe('REFERS_BACK (a pronoun that points back)', () => {
  it.each([
    'Iske liye apply kaise karte hain',
    'is ke baare mein kya karna hoga',
    'Ye kaam kahan se shuru karna hai',
    'اس کے لیے درخواست کہاں دیں',
    'میں یہ کارروائی کہاں سے شروع کروں',
    'Could you tell me who is sitting on it',
    'What is its role',
  ])('finds one in %s', (clause) => {
    expect(REFERS_BACK.test(clause)).toBe(true);
  });

  it.each([
    // "is liye" is therefore, "is waqt" and "اس وقت" now, "اس لیے" therefore; the English "is" and "us" are no pronoun of it.
    'is liye hum ghar se kaam karna chahte hain',
    'is waqt office band hai',
    'اس لیے ہمیں اجازت چاہیے',
    'اس وقت دفتر بند ہے',
    'Is there a form for whitelisting',
    'can you help us with whitelisting',
  ])('finds none in %s', (clause) => {
    expect(REFERS_BACK.test(clause)).toBe(false);
  });
});

describe('resolveReferences', () => {
  const clauses = ['Hamare agents ghar se kaam karna chahte hain', 'Supervisor keh raha tha', 'Iski darkhwast kahan dein'];

  it('reads an asking clause that points back with the subjects of the nearest clause before it that names one', () => {
    const input = [tokens('@mine', '@agent', '@wfh'), tokens('supervisor'), tokens('@apply', '@where')];
    const resolved = resolveReferences(clauses, input, [false, false, true]);
    expect(terms(resolved)).toEqual([['@mine', '@agent', '@wfh'], ['supervisor'], ['@apply', '@where', '@wfh']]);
    // The subject is marked as read into the clause (the classifier leaves it out), and the input is not changed.
    expect(resolved[2]?.find((t) => t.term === '@wfh')?.referred).toBe(true);
    expect(terms(input)[2]).toEqual(['@apply', '@where']);
  });

  it('takes the nearest subject, only the subjects a pronoun may stand for, and none of that clause’s other words', () => {
    const input = [tokens('@wl'), tokens('@wfh', '@size', 'dongle'), tokens('@apply', '@how')];
    expect(terms(resolveReferences(['a', 'b', 'iske liye kaise'], input, [false, false, true]))[2]).toEqual(['@apply', '@how', '@wfh']);
    expect(REFERABLE.has('@size')).toBe(false);
    expect(REFERABLE.has('@status')).toBe(false);
  });

  it('leaves a clause that does not ask, or does not point back, or has nothing before it naming a subject', () => {
    const input = [tokens('@wfh'), tokens('@apply', '@where')];
    expect(terms(resolveReferences(['ghar se kaam', 'iske liye darkhwast di'], input, [false, false]))).toEqual(terms(input));
    expect(terms(resolveReferences(['ghar se kaam', 'darkhwast kahan dein'], input, [false, true]))).toEqual(terms(input));
    const loan = [tokens('kamyab', 'loan', '@apply'), tokens('@status', '@how')];
    expect(terms(resolveReferences(['loan ke liye apply kiya', 'uska status kaise check karun'], loan, [false, true]))).toEqual(
      terms(loan),
    );
  });

  it('leaves every clause when a clause that asks names a subject itself: a follow-up pointing back stays a follow-up', () => {
    const input = [tokens('@wfh', '@apply', '@where'), tokens('@phone')];
    expect(terms(resolveReferences(['Where do I apply for WFH', 'Can I do it from my phone'], input, [true, true]))).toEqual(terms(input));
  });
});
