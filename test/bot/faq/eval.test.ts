import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FaqEngine } from '../../../bot/faq/engine';
import { evaluate, parseEvalFile, type EvalReport } from '../../../bot/faq/evaluate';
import { loadKb } from '../../../bot/faq/loadKb';
import { FAQ_LANGUAGES, type FaqLanguage } from '../../../bot/faq/types';

const engine = new FaqEngine(loadKb());

describe.each([
  ['the dev set', resolve(__dirname, '../../../bot/faq/eval/faq-dev.jsonl')],
  ['our holdout set', resolve(__dirname, '../../fixtures/faq-holdout.jsonl')],
  ['the second holdout set', resolve(__dirname, '../../fixtures/faq-holdout2.jsonl')],
  [
    'the third holdout set (styles: typos, code-mixed, keywords, polite openers, near-miss off-topic)',
    resolve(__dirname, '../../fixtures/faq-holdout3.jsonl'),
  ],
])('FAQ targets on %s', (_name, file) => {
  const report = evaluate(engine, parseEvalFile(readFileSync(file, 'utf8')));

  it.each(FAQ_LANGUAGES)('answers at least 90%% of %s questions with the right topic and at most 3%% wrongly', (lang) => {
    const tally = report.perLanguage[lang];
    expect(tally.total).toBeGreaterThan(0);
    expect(tally.answeredRight / tally.total).toBeGreaterThanOrEqual(0.9);
    expect(tally.answeredWrong / tally.total).toBeLessThanOrEqual(0.03);
  });

  it('declines at least 90% of off-topic questions', () => {
    expect(report.offTopic.total).toBeGreaterThan(0);
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(0.9);
  });

  it('detects the language of at least 97% of questions', () => {
    expect(report.languageDetection.right / report.languageDetection.total).toBeGreaterThanOrEqual(0.97);
  });
});

describe('the real-style held-out set (long, code-mixed, noisy messages; bot/faq/eval/heldout-real.jsonl)', () => {
  const report = evaluate(engine, parseEvalFile(readFileSync(resolve(__dirname, '../../../bot/faq/eval/heldout-real.jsonl'), 'utf8')));

  it.each(FAQ_LANGUAGES)('answers %s messages right at least 90%% of the time and wrongly at most 3%%', (lang) => {
    const tally = report.perLanguage[lang];
    expect(tally.answeredRight / tally.total).toBeGreaterThanOrEqual(0.9);
    expect(tally.answeredWrong / tally.total).toBeLessThanOrEqual(0.03);
  });

  // Regression floors at what is achieved now (see bot/faq/README.md).
  it.each([
    ['long', 'en', 39 / 40],
    ['long', 'ur', 38 / 40],
    ['long', 'ur-Latn', 38 / 40],
    ['mixed', 'en', 39 / 40],
    ['mixed', 'ur', 39 / 40],
    ['mixed', 'ur-Latn', 39 / 40],
  ] as const)('answers %s %s messages right at least %f of the time', (kind, lang, floor) => {
    const tally = report.perKind[`${kind}/${lang}`];
    expect(tally?.total).toBeGreaterThanOrEqual(40);
    expect((tally?.answeredRight ?? 0) / (tally?.total ?? 1)).toBeGreaterThanOrEqual(floor);
  });

  it('declines at least 95% of off-topic messages, long greeted chit-chat included', () => {
    expect(report.offTopic.total).toBeGreaterThanOrEqual(40);
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(0.95);
  });

  it('detects the language of at least 97% of messages', () => {
    expect(report.languageDetection.right / report.languageDetection.total).toBeGreaterThanOrEqual(0.97);
  });
});

/** How many messages a held-out set has: per language, per kind and language, off-topic, in all. */
interface HeldOutSize {
  languages: Record<FaqLanguage, number>;
  kinds: Record<'long' | 'mixed', Record<FaqLanguage, number>>;
  offTopic: number;
  messages: number;
}

/** The shape of held-out sets 3 and 4 and heldout-fresh: 80 messages per language, 40 long and 40 code-mixed, 60 off-topic. */
const SIZE_300: HeldOutSize = {
  languages: { en: 80, ur: 80, 'ur-Latn': 80 },
  kinds: { long: { en: 40, ur: 40, 'ur-Latn': 40 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
  offTopic: 60,
  messages: 300,
};

/** The shape of held-out sets 8 and 9: 125 messages per language, 50 long and 45 code-mixed, 60 off-topic. */
const SIZE_435: HeldOutSize = {
  languages: { en: 125, ur: 125, 'ur-Latn': 125 },
  kinds: { long: { en: 50, ur: 50, 'ur-Latn': 50 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
  offTopic: 60,
  messages: 435,
};

/** The shape of held-out sets 13 and 14: 140 messages per language (45 long, 45 code-mixed, 15 plain, 15 noisy, 20 off-topic). */
const SIZE_420: HeldOutSize = {
  languages: { en: 120, ur: 120, 'ur-Latn': 120 },
  kinds: { long: { en: 45, ur: 45, 'ur-Latn': 45 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
  offTopic: 60,
  messages: 420,
};

/** Floors (and ceilings for wrong answers) of a held-out set of the given size. */
interface HeldOutFloors {
  /** Per language: answered right at least, answered wrongly at most. */
  languages: Record<FaqLanguage, { right: number; wrong: number }>;
  /** Answered right at least, of the long and the code-mixed messages of each language. */
  kinds: Record<'long' | 'mixed', Record<FaqLanguage, number>>;
  /** Off-topic messages declined at least. */
  offTopicDeclined: number;
  /** Messages whose language is detected at least. */
  languageDetected: number;
  size?: HeldOutSize;
}

function describeHeldOutSet(title: string, file: string, floors: HeldOutFloors): void {
  const size = floors.size ?? SIZE_300;
  describe(title, () => {
    // Scored when one of the set's tests runs, not while jest collects them: a run filtered with -t that leaves a set out
    // (a tuner kept blind to it) never scores it, so its figures cannot show up in a failure.
    let report: EvalReport;
    beforeAll(() => {
      report = evaluate(engine, parseEvalFile(readFileSync(resolve(__dirname, '../../../bot/faq/eval', file), 'utf8')));
    });

    it.each(FAQ_LANGUAGES)('answers %s messages right and wrongly within its floor and ceiling', (lang) => {
      const tally = report.perLanguage[lang];
      expect(tally.total).toBe(size.languages[lang]);
      expect(tally.answeredRight).toBeGreaterThanOrEqual(floors.languages[lang].right);
      expect(tally.answeredWrong).toBeLessThanOrEqual(floors.languages[lang].wrong);
    });

    it.each((['long', 'mixed'] as const).flatMap((kind) => FAQ_LANGUAGES.map((lang) => [kind, lang] as const)))(
      'answers %s %s messages right at least as often as its floor',
      (kind, lang) => {
        const tally = report.perKind[`${kind}/${lang}`];
        expect(tally?.total).toBe(size.kinds[kind][lang]);
        expect(tally?.answeredRight ?? 0).toBeGreaterThanOrEqual(floors.kinds[kind][lang]);
      },
    );

    it(`declines at least ${floors.offTopicDeclined} of its ${size.offTopic} off-topic messages`, () => {
      expect(report.offTopic.total).toBe(size.offTopic);
      expect(report.offTopic.declined).toBeGreaterThanOrEqual(floors.offTopicDeclined);
    });

    it(`detects the language of at least ${floors.languageDetected} of its ${size.messages} messages`, () => {
      expect(report.languageDetection.total).toBe(size.messages);
      expect(report.languageDetection.right).toBeGreaterThanOrEqual(floors.languageDetected);
    });
  });
}

// Floors at the figures after issue 14's thirteenth and fourteenth rounds (README "FAQ quality"; bot/faq/README.md says
// which set was tuned on when). Round thirteen's wider KB lowered some floors of the older sets (heldout-real, fresh, 3–7:
// 34 figures, by 1–3 answers each) for more right and fewer wrong answers summed over the tuning sets and on heldout-10;
// the figures before it are in git history and bot/faq/README.md. Round fifteen's third writer's questions set the
// floors of the tuning sets fresh and 3–9 at their new figures: 35 raised or tightened, 16 lowered or loosened by 1–3
// (heldout-4 Urdu 75 → 72 the most; bot/faq/README.md "Round fifteen" lists each); heldout-10 and -11 (validation, tables
// only) moved both ways with it and hold their new figures: Roman Urdu wrong on heldout-10 6 → 9, English wrong on heldout-11
// 3 → 4, long English on heldout-10 44 → 43; the rest rose. Round sixteen's out-of-scope class (bot/faq/outOfScope.ts)
// raised the off-topic floors of heldout-3, 6, 7 and 9 (+5 declined) and lowered five answered-right floors by 1
// (heldout-5 Urdu 116 → 115 and its code-mixed 40 → 39, heldout-8 Roman Urdu 112 → 111 and its long 42 → 41, heldout-9
// Roman Urdu 110 → 109 and its code-mixed 45 → 44: three messages naming SECP, NTN or P@SHA membership beside the topic).
// Round seventeen's corroboration (an answer read from a part needs the whole message or the classifier to agree)
// tightened five wrong-answer ceilings, six wrong answers fewer (heldout-6 English 2 → 1 and Roman Urdu 3 → 2, heldout-7
// Roman Urdu 3 → 2, heldout-8 Urdu 3 → 1, heldout-9 English 3 → 2), and lowered ten answered-right floors by 1 (five
// messages, now suggested with the right topic among the suggestions): heldout-4 English 75 → 74, its long 36 → 35, Roman
// Urdu 75 → 74 and its code-mixed 40 → 39; heldout-5 English 118 → 117 and its long 40 → 39; heldout-7 Roman Urdu
// 117 → 116 and its long 44 → 43; heldout-8 Roman Urdu 111 → 110 and its long 41 → 40.
// On the validation sets (tables only) it removed three wrong answers for two right ones: heldout-10 Roman Urdu wrong
// 9 → 7, Urdu right 106 → 105 and its long 38 → 37; heldout-11 English wrong 4 → 3, Urdu right 113 → 112 and its long
// 41 → 40. On the blind heldout-12, five wrong answers fewer (English 9 → 8, Urdu 8 → 5, Roman Urdu 7 → 6), none right lost.
// Round twenty's pronoun resolution (bot/faq/references.ts: a question that points back is read with the subject named before
// it) raised 21 floors and tightened two wrong-answer ceilings (heldout-9 English 2 → 1, heldout-12 English 7 → 4); it lowered
// six floors by 1, four messages now suggested with the right topic first, where the carried subject let a sibling come close
// (heldout-3 English 79 → 78 and its long 40 → 39: "…applied for work from home… Where can I see whether it has been
// approved yet?"; heldout-5 Roman Urdu 114 → 113 and its long 38 → 37: "…shanakhti card aur ghar ka pata… Ye maloomat kaun
// dekhega?", "ghar" read as WFH; heldout-9 Urdu 105 → 104 and its long 33 → 32: "…خصوصی ٹیم بنائی ہے، کیا اس سے براہ راست بات
// ہو سکتی ہے؟"), and loosened one ceiling: heldout-10 Urdu wrong 5 → 6 ("میں اور میرا بھائی گھر سے … کام کرتے ہیں… ہم جیسے لوگ
// بھی اس میں آتے ہیں یا نہیں": declined before, now wfh.what — "اس" is the facility, never named, and the scene's WFH is read).
// Round twenty-one (noisy Urdu script: a space left out after ے / ں, a lone hamza for the hamza on yeh, a key pressed twice) raised
// two floors, no other figure moved: heldout-8 Urdu 112 → 114 (113 before the round: one noisy message more) and heldout-15 Urdu
// 102 → 104 (two noisy messages). A formal letter's courtesies (بخدمت، نوازش، منتظر، مخلص، آگاہ / مطلع فرمائیں) as function words then
// raised heldout-15 Urdu 104 → 106 and its long 32 → 34 (two formal letters; no other set moved).
// Round twenty-two (a message's unlisted Urdu word read as an inflected form of a concept or function word, and kept whole
// rather than cut into two known pieces; ویسے a function word) raised Urdu floors only, no other figure moved: heldout-4 Urdu
// 72 → 74 (wrong 2 → 1) and its long 33 → 35, heldout-6 Urdu 113 → 115 and its code-mixed 37 → 38, heldout-7 Urdu 116 → 117
// (wrong 2 → 1), heldout-8 Urdu 114 → 115 and its long 40 → 42, heldout-9 Urdu 104 → 105 (wrong 3 → 2) and its long 32 → 33,
// heldout-11 Urdu 112 → 113 and its long 40 → 41, heldout-12 Urdu 111 → 113, heldout-15 Urdu 106 → 107 and its long 34 → 35,
// heldout-16 Urdu 105 → 107 (wrong 6 → 5), its long 34 → 35 and its code-mixed 42 → 43. The high hamza yeh (ٸ) read as ئ then
// raised heldout-10 Urdu 105 → 109 (four noisy messages typed with it).
// Round twenty-three (coming to know — پتا چلنا, pata chalna — read as asking the status when the clause names one, as "find
// out" is, and as hearing back otherwise) raised floors only: heldout-3 Urdu 78 → 80, Roman Urdu 79 → 80, their code-mixed 39 → 40;
// heldout-4 Urdu 74 → 75, Roman Urdu 74 → 76, their long 35 → 36 and 35 → 37; heldout-9 Urdu 105 → 106 (wrong 2 → 1) and its long
// 33 → 34; heldout-13 Urdu wrong 4 → 3; heldout-14 Urdu 110 → 111; heldout-15 Urdu 107 → 108 (wrong 3 → 2) and its long 35 → 36.
// "Understanding does not come" (سمجھ نہیں آ رہا, samajh nahi aaya) dropped as the writer's own state, not a language question,
// then raised heldout-6 Urdu 115 → 116 and its code-mixed 38 → 39, heldout-12 Roman Urdu 106 → 107 (wrong 4 → 3) and its long
// 39 → 40, heldout-16 Urdu 107 → 108 (wrong 5 → 4) and its long 35 → 36 (heldout-9 Urdu gained one long message and lost one).
// Round twenty-four: "is waqt / اس وقت" read as now, not as a question about time, raised heldout-18 Urdu 108 → 110 (wrong 3 → 2)
// and its long 37 → 39; an indirect question ("ye poochna tha ke…", "مجھے یہ جاننا تھا کہ…") read as the question its frame
// introduces raised heldout-7 Roman Urdu 117 → 118 (wrong 2 → 1 with both) and its long 44 → 45, heldout-18 Roman Urdu 100 → 102
// and its long 34 → 36.
// Round twenty-five's conversation model (bot/faq/conversationModel.ts, deciding with retrieval) is trained on the dev set,
// offtopic-dev, heldout-real, heldout-fresh and heldout-3 to heldout-18 (bot/faq/model/corpus.ts): their floors are now
// training figures (97.5–100 % right, at most 2 wrong a language) and guard against a model that stops fitting them, not
// generalisation. heldout-19 (validation, never trained on) rose to 116 / 114 / 112 right, 0 / 0 / 0 wrong, 60/60 declined;
// the blind heldout-20 went from 104 / 91 / 105 right and 2 / 11 / 1 wrong before the round to 118 / 109 / 117 and 0 / 1 / 0.
// Round twenty-six (the model also reads the clauses that ask apart, FaqEngine.modelTerms; train-1 and train-2, written as
// training data, added) moved heldout-19 to 118 / 117 / 115 right and 1 / 0 / 1 wrong, heldout-20 to 117 / 115 / 118 and
// 1 / 0 / 0 (off-topic 57 → 58); the blind heldout-21 stayed at 118 / 114 → 113 / 114 → 115 right, 0 / 2 / 2 wrong, and the
// blind heldout-22 went 115 → 116 / 118 → 117 / 117 → 118 right, 0 / 0 / 1 wrong, off-topic 56/60 both.
// Round twenty-seven (a message of fewer than three terms answered by the model at 0.9 or more where retrieval answered
// nothing; a message retrieval declines suggested with the model's topic at 0.5 or more when its "none" is below 0.2) raised
// 13 answered-right floors by 1–2 (short noisy messages, most in Roman Urdu: "insaan se baat", "helpline number?"), moved no
// wrong-answer ceiling, and lowered one off-topic floor: heldout-21 58 → 57 (a long off-topic message now suggested).
// Its model (train-3 added; five training runs averaged) then moved the sets never trained on: heldout-19 117 → 116 Urdu
// (its long 42 → 41), heldout-20 117 → 118 English and 115 → 113 Urdu (long 42 → 44 / 44 → 43, code-mixed 45 → 44 / 43 → 42),
// heldout-21 118 → 119 English and 113 → 116 Urdu (wrong 2 → 1; long 43 → 44 / 40 → 43; off-topic back to 58), heldout-22
// Urdu 117 → 116 (wrong 0 → 1, long 43 → 42): 1,405 right of 1,440 against round twenty-six's 1,397, wrong 7 → 8,
// off-topic 232 of 240 both. Training figures moved by one: heldout-8 and -10 Roman Urdu ±1, heldout-14 Roman Urdu −1,
// heldout-11 off-topic 60 → 59.
// The blind heldout-23, written before the round and scored twice (tables only): round twenty-six 116 / 117 / 113 right,
// 1 / 0 / 0 wrong, 60/60 off-topic declined; round twenty-seven 116 / 117 / 114, 1 / 0 / 0, 59/60.
// Round twenty-eight (train-4, -5 and -6, three more writers, trained on) moved the sets never trained on: heldout-19 Urdu
// 116 → 114 (wrong 0 → 1, long 41 → 39) and Roman Urdu wrong 1 → 2, heldout-20 118 → 119 English and 113 → 114 Urdu,
// heldout-21 Urdu and Roman Urdu +1 each, heldout-22 English and Urdu +1 (Urdu wrong 1 → 0), heldout-23 117 / 116 / 115
// (wrong 1 / 0 / 1), offtopic-near 285 → 284: 1,755 right of 1,800 against 1,750, wrong 9 → 11. The blind heldout-24,
// scored before and after (tables only): 116 / 117 / 116 → 116 / 116 / 116 right, 0 / 1 / 2 → 0 / 2 / 2 wrong, 60/60 both.
// Training figures: heldout-11 off-topic 59 → 60, heldout-17 Roman Urdu 118 → 119.
describeHeldOutSet(
  "the fresh held-out set (heldout-fresh.jsonl, written before issue 14's second round; a tuning set since the third)",
  'heldout-fresh.jsonl',
  {
    languages: { en: { right: 80, wrong: 0 }, ur: { right: 80, wrong: 0 }, 'ur-Latn': { right: 80, wrong: 0 } },
    kinds: { long: { en: 40, ur: 40, 'ur-Latn': 40 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
    offTopicDeclined: 60,
    languageDetected: 300,
  },
);

describeHeldOutSet(
  "held-out set 3 (heldout-3.jsonl, written before issue 14's third round; a tuning set since the fourth)",
  'heldout-3.jsonl',
  {
    languages: { en: { right: 80, wrong: 0 }, ur: { right: 80, wrong: 0 }, 'ur-Latn': { right: 80, wrong: 0 } },
    kinds: { long: { en: 40, ur: 40, 'ur-Latn': 40 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
    offTopicDeclined: 60,
    languageDetected: 300,
  },
);

describeHeldOutSet(
  "held-out set 4 (heldout-4.jsonl, written before issue 14's fourth round; a tuning set since the fifth)",
  'heldout-4.jsonl',
  {
    languages: { en: { right: 80, wrong: 0 }, ur: { right: 80, wrong: 0 }, 'ur-Latn': { right: 80, wrong: 0 } },
    kinds: { long: { en: 40, ur: 40, 'ur-Latn': 40 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
    offTopicDeclined: 60,
    languageDetected: 297,
  },
);

describeHeldOutSet(
  "held-out set 5 (heldout-5.jsonl, written blind before issue 14's fifth round; scored before and after round five; a tuning set since round six)",
  'heldout-5.jsonl',
  {
    languages: { en: { right: 120, wrong: 0 }, ur: { right: 120, wrong: 0 }, 'ur-Latn': { right: 118, wrong: 0 } },
    kinds: { long: { en: 42, ur: 42, 'ur-Latn': 40 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
    offTopicDeclined: 60,
    languageDetected: 417,
    size: {
      languages: { en: 120, ur: 120, 'ur-Latn': 118 },
      kinds: { long: { en: 42, ur: 42, 'ur-Latn': 40 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
      offTopic: 60,
      messages: 418,
    },
  },
);

describeHeldOutSet(
  "held-out set 6 (heldout-6.jsonl, written blind before issue 14's sixth round; scored before and after round six; a tuning set since round seven)",
  'heldout-6.jsonl',
  {
    languages: { en: { right: 121, wrong: 0 }, ur: { right: 121, wrong: 0 }, 'ur-Latn': { right: 120, wrong: 0 } },
    kinds: { long: { en: 51, ur: 51, 'ur-Latn': 51 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
    offTopicDeclined: 60,
    languageDetected: 423,
    size: {
      languages: { en: 121, ur: 121, 'ur-Latn': 121 },
      kinds: { long: { en: 51, ur: 51, 'ur-Latn': 51 }, mixed: { en: 40, ur: 40, 'ur-Latn': 40 } },
      offTopic: 60,
      messages: 423,
    },
  },
);

describeHeldOutSet(
  "held-out set 7 (heldout-7.jsonl, written blind before issue 14's seventh round; scored before round seven and after rounds seven, eight and nine; a tuning set since round ten)",
  'heldout-7.jsonl',
  {
    languages: { en: { right: 127, wrong: 0 }, ur: { right: 128, wrong: 0 }, 'ur-Latn': { right: 127, wrong: 0 } },
    kinds: { long: { en: 52, ur: 52, 'ur-Latn': 52 }, mixed: { en: 42, ur: 42, 'ur-Latn': 42 } },
    offTopicDeclined: 60,
    languageDetected: 442,
    size: {
      languages: { en: 128, ur: 128, 'ur-Latn': 128 },
      kinds: { long: { en: 52, ur: 52, 'ur-Latn': 52 }, mixed: { en: 42, ur: 42, 'ur-Latn': 42 } },
      offTopic: 60,
      messages: 444,
    },
  },
);

describeHeldOutSet(
  "held-out set 8 (heldout-8.jsonl, written blind before issue 14's eleventh round; scored before and after round ten, which never saw it; a tuning set since round eleven)",
  'heldout-8.jsonl',
  {
    languages: { en: { right: 125, wrong: 0 }, ur: { right: 125, wrong: 0 }, 'ur-Latn': { right: 125, wrong: 0 } },
    kinds: { long: { en: 50, ur: 50, 'ur-Latn': 50 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 60,
    languageDetected: 433,
    size: SIZE_435,
  },
);

describeHeldOutSet(
  "held-out set 9 (heldout-9.jsonl, written blind during issue 14's eleventh round, half its Urdu and Roman Urdu long messages asking without a question mark; scored before and after round eleven, which never saw it; a tuning set since round twelve)",
  'heldout-9.jsonl',
  {
    languages: { en: { right: 123, wrong: 0 }, ur: { right: 125, wrong: 0 }, 'ur-Latn': { right: 125, wrong: 0 } },
    kinds: { long: { en: 50, ur: 50, 'ur-Latn': 50 }, mixed: { en: 44, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 60,
    languageDetected: 434,
    size: SIZE_435,
  },
);

describeHeldOutSet(
  "held-out set 10 (heldout-10.jsonl, written blind during issue 14's twelfth round, most Urdu and Roman Urdu long messages asking in the middle or by a request; scored before and after round twelve, which never saw it)",
  'heldout-10.jsonl',
  {
    languages: { en: { right: 126, wrong: 0 }, ur: { right: 124, wrong: 0 }, 'ur-Latn': { right: 128, wrong: 0 } },
    kinds: { long: { en: 50, ur: 49, 'ur-Latn': 52 }, mixed: { en: 46, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 60,
    languageDetected: 436,
    size: {
      languages: { en: 126, ur: 125, 'ur-Latn': 129 },
      kinds: { long: { en: 50, ur: 50, 'ur-Latn': 52 }, mixed: { en: 46, ur: 45, 'ur-Latn': 46 } },
      offTopic: 60,
      messages: 440,
    },
  },
);

describeHeldOutSet(
  "held-out set 11 (heldout-11.jsonl, written blind during issue 14's thirteenth round, its in-scope messages in users' words rather than the topic table's; scored before and after rounds thirteen and fourteen, which never saw it; misses unread)",
  'heldout-11.jsonl',
  {
    languages: { en: { right: 126, wrong: 0 }, ur: { right: 127, wrong: 0 }, 'ur-Latn': { right: 126, wrong: 0 } },
    kinds: { long: { en: 50, ur: 50, 'ur-Latn': 50 }, mixed: { en: 46, ur: 46, 'ur-Latn': 46 } },
    offTopicDeclined: 60,
    languageDetected: 440,
    size: {
      languages: { en: 127, ur: 127, 'ur-Latn': 127 },
      kinds: { long: { en: 50, ur: 50, 'ur-Latn': 50 }, mixed: { en: 46, ur: 46, 'ur-Latn': 46 } },
      offTopic: 60,
      messages: 441,
    },
  },
);

describeHeldOutSet(
  "held-out set 12 (heldout-12.jsonl, written blind during issue 14's fifteenth round; scored before round fifteen and after rounds fifteen to eighteen, which never saw it; a tuning set since round nineteen)",
  'heldout-12.jsonl',
  {
    languages: { en: { right: 127, wrong: 0 }, ur: { right: 126, wrong: 0 }, 'ur-Latn': { right: 125, wrong: 0 } },
    kinds: { long: { en: 50, ur: 50, 'ur-Latn': 50 }, mixed: { en: 46, ur: 46, 'ur-Latn': 46 } },
    offTopicDeclined: 60,
    languageDetected: 440,
    size: {
      languages: { en: 127, ur: 127, 'ur-Latn': 127 },
      kinds: { long: { en: 50, ur: 50, 'ur-Latn': 50 }, mixed: { en: 46, ur: 46, 'ur-Latn': 46 } },
      offTopic: 60,
      messages: 441,
    },
  },
);

describeHeldOutSet(
  "held-out set 13 (heldout-13.jsonl, written blind during issue 14's eighteenth round from topics.md and the announcement only; scored before and after round eighteen, which never saw it; a tuning set since round nineteen)",
  'heldout-13.jsonl',
  {
    languages: { en: { right: 120, wrong: 0 }, ur: { right: 119, wrong: 0 }, 'ur-Latn': { right: 120, wrong: 0 } },
    kinds: { long: { en: 45, ur: 45, 'ur-Latn': 45 }, mixed: { en: 45, ur: 44, 'ur-Latn': 45 } },
    offTopicDeclined: 57,
    languageDetected: 378,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 14 (heldout-14.jsonl, written blind during issue 14's nineteenth round from topics.md and the announcement only; scored before and after round nineteen, which never saw it; a tuning set since round twenty)",
  'heldout-14.jsonl',
  {
    languages: { en: { right: 120, wrong: 0 }, ur: { right: 119, wrong: 1 }, 'ur-Latn': { right: 119, wrong: 0 } },
    kinds: { long: { en: 45, ur: 45, 'ur-Latn': 45 }, mixed: { en: 45, ur: 45, 'ur-Latn': 44 } },
    offTopicDeclined: 60,
    languageDetected: 419,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 15 (heldout-15.jsonl, written blind during issue 14's twentieth round from topics.md and the announcement only; scored before and after round twenty, which never saw it; a tuning set since round twenty-one)",
  'heldout-15.jsonl',
  {
    languages: { en: { right: 120, wrong: 0 }, ur: { right: 119, wrong: 0 }, 'ur-Latn': { right: 119, wrong: 0 } },
    kinds: { long: { en: 45, ur: 45, 'ur-Latn': 45 }, mixed: { en: 45, ur: 45, 'ur-Latn': 44 } },
    offTopicDeclined: 60,
    languageDetected: 420,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 16 (heldout-16.jsonl, written blind during issue 14's twenty-first round from topics.md and the announcement only; scored before and after round twenty-one, which never saw it; a tuning set since round twenty-two)",
  'heldout-16.jsonl',
  {
    languages: { en: { right: 120, wrong: 0 }, ur: { right: 120, wrong: 0 }, 'ur-Latn': { right: 120, wrong: 0 } },
    kinds: { long: { en: 45, ur: 45, 'ur-Latn': 45 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 60,
    languageDetected: 420,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 17 (heldout-17.jsonl, written blind during issue 14's twenty-second round from topics.md and the announcement only; scored before and after round twenty-two, which never saw it; a tuning set since round twenty-three)",
  'heldout-17.jsonl',
  {
    languages: { en: { right: 119, wrong: 0 }, ur: { right: 119, wrong: 0 }, 'ur-Latn': { right: 119, wrong: 0 } },
    kinds: { long: { en: 45, ur: 45, 'ur-Latn': 45 }, mixed: { en: 45, ur: 44, 'ur-Latn': 44 } },
    offTopicDeclined: 60,
    languageDetected: 418,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 18 (heldout-18.jsonl, written blind during issue 14's twenty-third round from topics.md and the announcement only; scored before and after round twenty-three, which never saw it; a tuning set since round twenty-four)",
  'heldout-18.jsonl',
  {
    languages: { en: { right: 120, wrong: 0 }, ur: { right: 119, wrong: 0 }, 'ur-Latn': { right: 120, wrong: 0 } },
    kinds: { long: { en: 45, ur: 45, 'ur-Latn': 45 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 60,
    languageDetected: 418,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 19 (heldout-19.jsonl, written blind during issue 14's twenty-fourth round from topics.md and the announcement only; scored before and after round twenty-four, which never saw it; never trained on: the conversation model's validation set since round twenty-five)",
  'heldout-19.jsonl',
  {
    languages: { en: { right: 119, wrong: 1 }, ur: { right: 114, wrong: 1 }, 'ur-Latn': { right: 116, wrong: 2 } },
    kinds: { long: { en: 44, ur: 39, 'ur-Latn': 41 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 60,
    languageDetected: 420,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 20 (heldout-20.jsonl, written blind during issue 14's twenty-fifth round from topics.md and the announcement only; scored before and after round twenty-five, which never saw it)",
  'heldout-20.jsonl',
  {
    languages: { en: { right: 119, wrong: 1 }, ur: { right: 114, wrong: 0 }, 'ur-Latn': { right: 120, wrong: 0 } },
    kinds: { long: { en: 44, ur: 44, 'ur-Latn': 45 }, mixed: { en: 45, ur: 42, 'ur-Latn': 45 } },
    offTopicDeclined: 58,
    languageDetected: 417,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 21 (heldout-21.jsonl, written blind during issue 14's twenty-sixth round from topics.md and the announcement only; scored before and after round twenty-six, which never saw it)",
  'heldout-21.jsonl',
  {
    languages: { en: { right: 119, wrong: 0 }, ur: { right: 117, wrong: 1 }, 'ur-Latn': { right: 117, wrong: 2 } },
    kinds: { long: { en: 44, ur: 44, 'ur-Latn': 44 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 58,
    languageDetected: 418,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 22 (heldout-22.jsonl, written blind during issue 14's twenty-sixth round by another writer, from topics.md and the announcement only; scored before and after round twenty-six, which never saw it)",
  'heldout-22.jsonl',
  {
    languages: { en: { right: 117, wrong: 0 }, ur: { right: 117, wrong: 0 }, 'ur-Latn': { right: 118, wrong: 1 } },
    kinds: { long: { en: 43, ur: 43, 'ur-Latn': 44 }, mixed: { en: 45, ur: 45, 'ur-Latn': 45 } },
    offTopicDeclined: 56,
    languageDetected: 418,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 23 (heldout-23.jsonl, written blind during issue 14's twenty-seventh round from topics.md and the announcement only; scored before and after round twenty-seven, which never saw it)",
  'heldout-23.jsonl',
  {
    languages: { en: { right: 117, wrong: 1 }, ur: { right: 116, wrong: 0 }, 'ur-Latn': { right: 115, wrong: 1 } },
    kinds: { long: { en: 43, ur: 43, 'ur-Latn': 43 }, mixed: { en: 45, ur: 44, 'ur-Latn': 44 } },
    offTopicDeclined: 59,
    languageDetected: 420,
    size: SIZE_420,
  },
);

describeHeldOutSet(
  "held-out set 24 (heldout-24.jsonl, written blind during issue 14's twenty-eighth round from topics.md and the announcement only; scored before and after round twenty-eight, which never saw it)",
  'heldout-24.jsonl',
  {
    languages: { en: { right: 116, wrong: 0 }, ur: { right: 116, wrong: 2 }, 'ur-Latn': { right: 116, wrong: 2 } },
    kinds: { long: { en: 43, ur: 41, 'ur-Latn': 43 }, mixed: { en: 44, ur: 45, 'ur-Latn': 43 } },
    offTopicDeclined: 60,
    languageDetected: 417,
    size: SIZE_420,
  },
);

describe('off-topic tuning set', () => {
  it('declines at least 90% of it', () => {
    const report = evaluate(engine, parseEvalFile(readFileSync(resolve(__dirname, '../../fixtures/faq-offtopic-tune.jsonl'), 'utf8')));
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 58 of the 60 near-miss messages of bot/faq/eval/offtopic-dev.jsonl', () => {
    const report = evaluate(engine, parseEvalFile(readFileSync(resolve(__dirname, '../../../bot/faq/eval/offtopic-dev.jsonl'), 'utf8')));
    expect(report.offTopic.total).toBe(60);
    expect(report.offTopic.declined).toBeGreaterThanOrEqual(58);
  });
});

describe('near-miss off-topic set (never trained or tuned on)', () => {
  // Written in round twenty-seven as training data for the model's "none" (64 % near the desk's words: tax deadlines, PSEB
  // internships, Payoneer, SECP); never trained on, because training on it did not help (bot/faq/README, round twenty-seven).
  it('declines at least 284 of the 300 near-miss messages of bot/faq/eval/offtopic-near.jsonl', () => {
    const report = evaluate(engine, parseEvalFile(readFileSync(resolve(__dirname, '../../../bot/faq/eval/offtopic-near.jsonl'), 'utf8')));
    expect(report.offTopic.total).toBe(300);
    expect(report.offTopic.declined).toBeGreaterThanOrEqual(284);
  });
});

describe('parseEvalFile', () => {
  it('rejects an unknown kind of message, naming the line', () => {
    expect(() => parseEvalFile('{"q":"a","lang":"en","id":null,"kind":"weird"}')).toThrow(/line 1: kind must be one of/);
  });

  it('names the line of a malformed case', () => {
    expect(() => parseEvalFile('{"q":"a","lang":"en","id":null}\n{"q":"b","lang":"fr","id":null}')).toThrow(/line 2/);
  });
});
