import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectLanguage } from '../../../bot/faq/detectLanguage';
import { parseEvalFile } from '../../../bot/faq/evaluate';
import { loadKb, parseKb } from '../../../bot/faq/loadKb';
import { searchKey, tokenize } from '../../../bot/faq/normalize';
import { FAQ_LANGUAGES } from '../../../bot/faq/types';

const kb = loadKb();
const topicsMd = readFileSync(resolve(__dirname, '../../../bot/faq/eval/topics.md'), 'utf8');
const contractIds = [...topicsMd.matchAll(/^\| `([a-z.]+)` \|/gm)].map((m) => m[1] as string);
const URDU_SCRIPT = /[\u0600-\u06FF]/;

describe('knowledge base completeness', () => {
  it('reads the topic ids from topics.md', () => {
    expect(contractIds.length).toBeGreaterThanOrEqual(19);
  });

  it.each(contractIds)('has topic %s with en and ur answers and 10+ questions in en, ur and ur-Latn', (id) => {
    const topic = kb.find((t) => t.id === id);
    expect(topic).toBeDefined();
    expect(topic?.answer.en.trim()).not.toBe('');
    expect(topic?.answer.ur).toMatch(URDU_SCRIPT);
    for (const lang of FAQ_LANGUAGES) expect(topic?.questions[lang].length).toBeGreaterThanOrEqual(10);
  });

  it('writes Urdu questions in Urdu script and Roman Urdu ones in Latin letters', () => {
    for (const topic of kb) {
      for (const q of topic.questions.ur) expect(detectLanguage(q)).toBe('ur');
      for (const q of topic.questions['ur-Latn']) expect(q).not.toMatch(URDU_SCRIPT);
    }
  });

  it('does not copy dev-set or holdout sentences into the example questions', () => {
    const key = (q: string): string => tokenize(searchKey(q)).join(' ');
    const evalKeys = new Set(
      [
        resolve(__dirname, '../../../bot/faq/eval/faq-dev.jsonl'),
        resolve(__dirname, '../../fixtures/faq-holdout.jsonl'),
        resolve(__dirname, '../../fixtures/faq-holdout2.jsonl'),
        resolve(__dirname, '../../fixtures/faq-holdout3.jsonl'),
      ].flatMap((file) => parseEvalFile(readFileSync(file, 'utf8')).map((c) => key(c.q))),
    );
    const copied = kb.flatMap((t) => FAQ_LANGUAGES.flatMap((lang) => t.questions[lang])).filter((q) => evalKeys.has(key(q)));
    expect(copied).toEqual([]);
  });
});

describe('knowledge base facts (nothing invented)', () => {
  const allowedNumbers = new Set(['0800', '03030', '24', '7', '19', '90', '4']);

  it('only uses numbers that come from the seed or the bot (helpline, 24/7, COVID-19, 90 days, IPv4)', () => {
    for (const topic of kb) {
      for (const text of [topic.answer.en, topic.answer.ur, topic.answer['ur-Latn'] ?? '']) {
        for (const n of text.match(/\d+/g) ?? [])
          expect({ id: topic.id, n, ok: allowedNumbers.has(n) }).toEqual({ id: topic.id, n, ok: true });
      }
    }
  });

  it.each(['covid.helpline', 'contact.human', 'contact.team'])('%s gives the helpline 0800 03030 in all three languages', (id) => {
    const topic = kb.find((t) => t.id === id);
    expect(topic?.answer.en).toContain('0800 03030');
    expect(topic?.answer.ur).toContain('0800 03030');
    expect(topic?.answer['ur-Latn']).toContain('0800 03030');
  });

  it.each(['eligibility.small', 'privacy.data'])(
    '%s says the PSEB team will confirm what the sources leave open and offers a person',
    (id) => {
      const topic = kb.find((t) => t.id === id);
      expect(topic?.answer.en).toMatch(/PSEB team will confirm|confirmed by the PSEB team/);
      expect(topic?.answer.en).toContain('"agent"');
      expect(topic?.answer.ur).toContain('"agent"');
      expect(topic?.answer['ur-Latn']).toContain('"agent"');
    },
  );

  it('gives every topic a Roman Urdu answer in Latin letters that keeps the commands and references of the English one', () => {
    for (const topic of kb) {
      const roman = topic.answer['ur-Latn'] ?? '';
      expect({ id: topic.id, roman: URDU_SCRIPT.test(roman) }).toEqual({ id: topic.id, roman: false });
      const quoted = topic.answer.en.match(/"[^"]+"/g) ?? [];
      for (const command of quoted)
        expect({ id: topic.id, command, kept: roman.includes(command) }).toEqual({ id: topic.id, command, kept: true });
      for (const ref of topic.answer.en.match(/\b(?:WL|WFH)-X+\b/g) ?? []) expect(roman).toContain(ref);
    }
  });

  it('lists every whitelisting form field and every per-agent WFH field', () => {
    const wl = kb.find((t) => t.id === 'whitelisting.requirements')?.answer.en ?? '';
    for (const field of [
      'company name',
      'PSEB registration number (optional)',
      'NTN',
      'CNIC',
      'mobile',
      'email',
      'city',
      'agent seats',
      'public IP',
    ])
      expect(wl).toContain(field);
    const wfh = kb.find((t) => t.id === 'wfh.requirements')?.answer.en ?? '';
    for (const field of ['full name', 'CNIC', 'city', 'ISP', 'IP address', 'dynamic', '90 days']) expect(wfh).toContain(field);
  });
});

describe('parseKb', () => {
  const good = kb[0];

  it('names the file and path of a topic without an Urdu answer', () => {
    const broken = { ...good, answer: { en: 'x' } };
    expect(() => parseKb([{ name: 'broken.json', json: [broken] }])).toThrow(/broken\.json: 0\.answer\.ur/);
  });

  it('names the path of a topic without a Roman Urdu answer, and of one written in Urdu script', () => {
    const missing = { ...good, answer: { en: 'x', ur: 'ی' } };
    expect(() => parseKb([{ name: 'x.json', json: [missing] }])).toThrow(/x\.json: 0\.answer\.ur-Latn/);
    const script = { ...good, answer: { en: 'x', ur: 'ی', 'ur-Latn': 'شکریہ' } };
    expect(() => parseKb([{ name: 'x.json', json: [script] }])).toThrow(/0\.answer\.ur-Latn: Roman Urdu is written in Latin letters/);
  });

  it('rejects a topic id defined in two files', () => {
    expect(() =>
      parseKb([
        { name: 'a.json', json: [good] },
        { name: 'b.json', json: [good] },
      ]),
    ).toThrow(/b\.json: topic ".+" is also defined in a\.json/);
  });

  it('rejects a topic with no Roman Urdu questions', () => {
    const broken = { ...good, questions: { ...good?.questions, 'ur-Latn': [] } };
    expect(() => parseKb([{ name: 'x.json', json: [broken] }])).toThrow(/questions\.ur-Latn/);
  });
});
