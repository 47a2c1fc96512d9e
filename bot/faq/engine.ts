import { Analyzer, withImpliedConcepts, type AnalyzedToken } from './analyzer';
import { answerWordsOf } from './answerWords';
import { TopicClassifier, type TopicPosterior } from './classifier';
import { ConversationModel, type ModelPosterior, type ModelWeights } from './conversationModel';
import { detectLanguage } from './detectLanguage';
import { resolveReferences } from './references';
import { QuestionRetrieval } from './retrieval';
import { OUT_OF_SCOPE_EXAMPLES, OutOfScopeIndex, type OutOfScopeExamples } from './outOfScope';
import { matchCredit, MessageMatches, type MatchableQuestion, type ReadingWeights, type TopicsByWord } from './messageMatches';
import { ASKING_WORDS, messageParts, NEED_TO_DO, POINTS_BACK, REQUEST_FORMS } from './segment';
import shippedModel from './model/weights.json';
import { ABOUT_CONCEPTS, FUNCTION_CONCEPTS, QUESTION_TYPE_CONCEPTS, QUESTION_WORD_CONCEPTS, SUBJECT_CONCEPTS } from './synonyms';
import {
  FAQ_LANGUAGES,
  type FaqDecision,
  type FaqLanguage,
  type FaqResult,
  type FaqSearchOptions,
  type FaqSearchResponse,
  type FaqTopic,
} from './types';

/**
 * Decision thresholds on the raw score, tuned on leave-one-out KB questions and off-topic questions.
 * `answer` needs a clear winner (margin over the runner-up); `suggest` offers up to three topics; below
 * `suggest` the engine says it does not know. `related` is the floor for extra topics shown with an answer.
 * `suggest` was refitted for the wider KB of round thirteen: more example questions give every topic more words, so
 * near-miss off-topic messages score higher; at 0.33 no more off-topic messages reach it (16 of 680) than reached 0.30
 * on the smaller KB (19), for 2 fewer leave-one-out KB questions above it than at 0.32.
 */
export const FAQ_THRESHOLDS = { answer: 0.4, suggest: 0.33, margin: 0.05, related: 0.25 } as const;

/**
 * Raw match score → estimated probability that the top topic is right. Knots from a monotone (isotonic)
 * fit on leave-one-out knowledge-base questions plus off-topic questions (see README of bot/faq): refitted in round
 * thirteen on the wider KB's 1,715 leave-one-out questions and the tuning sets' 680 off-topic messages, the precision
 * of the top topic among scores near each knot (±0.05; 0.8–0.95 for 0.9, ≥ 0.99 for 1), made monotone.
 */
const CALIBRATION: readonly (readonly [number, number])[] = [
  [0, 0],
  [0.1, 0.04],
  [0.2, 0.22],
  [0.3, 0.52],
  [0.4, 0.75],
  [0.9, 0.94],
  [1, 0.99],
];

/** Map a raw score to the calibrated 0..1 confidence reported to callers (monotone, so ranking is kept). */
export function calibrate(raw: number): number {
  const x = Math.min(Math.max(raw, 0), 1);
  for (let i = 1; i < CALIBRATION.length; i += 1) {
    const [x1, y1] = CALIBRATION[i] as readonly [number, number];
    const [x0, y0] = CALIBRATION[i - 1] as readonly [number, number];
    if (x <= x1) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return 1;
}

/** How many index hits are re-scored; enough to see every topic that shares a rare word with the query. */
const CANDIDATES = 60;
const MAX_RESULTS = 5;
const MAX_SUGGESTIONS = 3;
/** An unknown word weighs this many times the rarest known one: it is evidence the question is about something else. */
export const DEFAULT_UNKNOWN_WORD_SURPRISE = 1.25;

/** Tuning knobs; the defaults are what the eval was measured with. */
export interface FaqEngineOptions {
  readonly unknownWordSurprise?: number;
  /** The classifier's second opinion (`secondOpinion`); defaults in `SECOND_OPINION`. */
  readonly secondOpinion?: Partial<SecondOpinionOptions>;
  /** Out-of-scope examples, the competing "none" class (`outOfScope.ts`); defaults to the shipped ones. */
  readonly outOfScope?: OutOfScopeExamples;
  /** How far below the best topic's score the best out-of-scope example may be and still decline; `OUT_OF_SCOPE_MARGIN`. */
  readonly outOfScopeMargin?: number;
  /**
   * The conversation model that decides with retrieval (`withModel`); defaults to the shipped one (`model/weights.json`).
   * `null`: retrieval and its rules alone (what the model is trained with, and the rules' own tests).
   */
  readonly model?: ConversationModel | null;
}

/** When the conversation model decides (`withModel`): README, round twenty-five. */
export const MODEL_THRESHOLDS = {
  /** Its top topic is answered at this probability or more… */
  answer: 0.6,
  /** …and at this much or more when retrieval answered another topic (below it, both are suggested). */
  overrule: 0.8,
  /** Its "none" at this probability or more declines the message. */
  decline: 0.5,
  /**
   * Distinct terms a message needs before the model has a say: in "PSEB internship" or "call centre whitelisting karwani
   * hai" it reads no more than retrieval does, and its 0.6 on two words is a guess (README, round twenty-five).
   */
  minTerms: 3,
  /**
   * …except that a topic it gives this much or more, where retrieval answered nothing, is answered: "insaan se baat",
   * "helpline number?" (README, round twenty-seven).
   */
  fewTerms: 0.9,
  /**
   * A message retrieval declines is suggested with the model's top topic at this probability or more, where its "none"
   * is below `suggestNone`: the user picks from a suggestion instead of reading "I don't know" (round twenty-seven).
   */
  suggest: 0.5,
  suggestNone: 0.2,
} as const;

/** Marks a term of a clause that asks, in what the model reads (`FaqEngine.modelTerms`). */
export const ASKED = '?';

let shipped: ConversationModel | undefined;
/** The shipped model, unpacked on first use. */
export function shippedConversationModel(): ConversationModel {
  shipped ??= new ConversationModel(shippedModel as ModelWeights);
  return shipped;
}

/**
 * See `FaqEngineOptions.outOfScopeMargin`: 0, the out-of-scope class declines when it explains the reading at least as
 * well as the best topic. On the tuning sets 0.05 declined 2 more off-topic messages for 3 fewer right answers, 0.1 two
 * more for 11 fewer (README, round sixteen).
 */
export const OUT_OF_SCOPE_MARGIN = 0;

/** When the classifier's posterior turns a suggestion into an answer. */
export interface SecondOpinionOptions {
  /** Posterior the classifier must give retrieval's top topic, and its lead over the next, to answer a suggestion. */
  readonly confirm: number;
  readonly confirmMargin: number;
  /**
   * Raw score retrieval's top topic needs before the classifier may confirm it: not below the suggest threshold, since
   * the classifier reads the same tokens and agrees with retrieval's misreadings at the bottom of the band. On the
   * smaller KB it was 0.32, above the suggest threshold of 0.30; since round thirteen's suggest threshold of 0.33 it is
   * that threshold (0.34–0.36 lost 1–7 right answers on the tuning sets and declined no more off-topic messages).
   */
  readonly floor: number;
}

export const SECOND_OPINION: SecondOpinionOptions = { confirm: 0.9, confirmMargin: 0.8, floor: FAQ_THRESHOLDS.suggest };

interface IndexedQuestion extends MatchableQuestion {
  readonly id: number;
  readonly topic: number;
  readonly language: FaqLanguage;
  readonly text: string;
}

interface IndexedTopic {
  readonly topic: FaqTopic;
  readonly terms: ReadonlySet<string>;
  readonly phons: ReadonlySet<string>;
  /** Per question-type concept (`QUESTION_TYPE_CONCEPTS`): the share of the topic's example questions that use it. */
  readonly cueShares: ReadonlyMap<string, number>;
}

/** Everything a search needs, built in one go so `replaceTopics` swaps it atomically. */
interface EngineIndex {
  readonly analyzer: Analyzer;
  readonly questions: readonly IndexedQuestion[];
  readonly topics: readonly IndexedTopic[];
  readonly topicsByWord: TopicsByWord;
  readonly termIdf: ReadonlyMap<string, number>;
  readonly phonIdf: ReadonlyMap<string, number>;
  /** Weight of a word no question contains: more surprising than the rarest known word, since it hints at another subject. */
  readonly unknownIdf: number;
  /** IDF of a word found in one question in eight: below it a word is too common to drive retrieval. */
  readonly commonIdf: number;
  /** Evidence a part of a message needs to decide on its own: about two telling words' worth. */
  readonly minEvidence: number;
  readonly retrieval: QuestionRetrieval;
  /** Naive Bayes over the example questions' tokens: a second opinion on retrieval's top topic. */
  readonly classifier: TopicClassifier;
  /** Out-of-scope examples: a message one of them explains as well as the best topic is declined. */
  readonly outOfScope: OutOfScopeIndex;
}

/** How surprising an unknown word is inside a part of a message, relative to a whole message (see `rank`). */
const PART_UNKNOWN_SURPRISE = 0.7;

/**
 * How many times an unknown word weighs its usual surprise when it owns a subject concept ("NADRA helpline", "NADRA ki
 * helpline"): 3, since at 2 another body's helpline was still suggested as the COVID helpline.
 */
const OWNER_SURPRISE = 3;

/**
 * Credit a topic's coverage gives a word only its answer uses and no example question does (`answerWords.ts`). The word
 * keeps its unknown-word weight: to every other topic it still says "another subject". It is weak evidence only because
 * it is never `evidence` (the gate counts the example questions' words), nor a retrieval or question-fit word. Credits
 * 0.85–1 gave the same answers on every tuning set, 0.5–0.7 one right answer fewer (README, round fourteen).
 */
const ANSWER_WORD_CREDIT = 1;

/** How much more a subject concept weighs than its IDF alone says. */
const SUBJECT_BOOST = 1.5;

function idfTable(counts: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const idf = new Map<string, number>();
  for (const [term, df] of counts) idf.set(term, Math.log(1 + total / df) * (SUBJECT_CONCEPTS.has(term) ? SUBJECT_BOOST : 1));
  return idf;
}

function topicsByWord(topics: readonly IndexedTopic[]): TopicsByWord {
  const byTerm = new Map<string, number[]>();
  const byPhon = new Map<string, number[]>();
  topics.forEach((topic, i) => {
    for (const term of topic.terms)
      byTerm
        .set(term, byTerm.get(term) ?? [])
        .get(term)
        ?.push(i);
    for (const phon of topic.phons)
      byPhon
        .set(phon, byPhon.get(phon) ?? [])
        .get(phon)
        ?.push(i);
  });
  return { byTerm, byPhon };
}

function countInto(counts: Map<string, number>, keys: Iterable<string>): void {
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Build the search index from topics (pure: the same topics always give the same index). */
function buildIndex(topics: readonly FaqTopic[], options: FaqEngineOptions): EngineIndex {
  const base = new Analyzer();
  const drafts: Omit<IndexedQuestion, 'weights' | 'weightTotal'>[] = [];
  const vocabulary = new Map<string, AnalyzedToken>();
  const termCounts = new Map<string, number>();
  const phonCounts = new Map<string, number>();
  const indexedTopics: IndexedTopic[] = topics.map((topic, topicIndex) => {
    const topicTerms = new Set<string>();
    const topicPhons = new Set<string>();
    const cueCounts = new Map<string, number>();
    let questionCount = 0;
    for (const language of FAQ_LANGUAGES) {
      for (const text of topic.questions[language] ?? []) {
        const tokens = base.analyze(text);
        const terms = new Set(tokens.map((t) => t.term));
        const phons = new Set(tokens.map((t) => t.phon));
        tokens.forEach((t) => vocabulary.set(t.term, t));
        terms.forEach((t) => topicTerms.add(t));
        phons.forEach((p) => topicPhons.add(p));
        countInto(termCounts, terms);
        countInto(phonCounts, phons);
        countInto(
          cueCounts,
          [...terms].filter((t) => QUESTION_TYPE_CONCEPTS.has(t)),
        );
        if (asksYesOrNo(text, tokens)) countInto(cueCounts, [YES_NO_CUE]);
        questionCount += 1;
        drafts.push({ id: drafts.length, topic: topicIndex, language, text, tokens, terms, phons });
      }
    }
    const cueShares = new Map([...cueCounts].map(([cue, n]) => [cue, n / Math.max(questionCount, 1)]));
    return { topic, terms: topicTerms, phons: topicPhons, cueShares };
  });
  const total = Math.max(drafts.length, 1);
  const termIdf = idfTable(termCounts, total);
  const answerWords = answerWordsOf(topics, base, (term, phon) => termCounts.has(term) || phonCounts.has(phon));
  const analyzer = new Analyzer(vocabulary.values());
  const weights: TokenWeights = {
    termIdf,
    phonIdf: idfTable(phonCounts, total),
    commonIdf: Math.log(1 + 8),
    unknownIdf: (options.unknownWordSurprise ?? DEFAULT_UNKNOWN_WORD_SURPRISE) * Math.log(1 + total),
  };
  return {
    ...weights,
    analyzer,
    questions: drafts.map((q) => {
      const weights = q.tokens.map((t) => termIdf.get(t.term) ?? 0);
      return { ...q, weights, weightTotal: weights.reduce((sum, w) => sum + w, 0) };
    }),
    topics: indexedTopics,
    topicsByWord: { ...topicsByWord(indexedTopics), byAnswer: { words: answerWords, credit: ANSWER_WORD_CREDIT } },
    minEvidence: Math.log(1 + 8),
    retrieval: new QuestionRetrieval(drafts.map((q) => ({ terms: q.terms, phons: q.phons }))),
    classifier: new TopicClassifier(drafts, indexedTopics.length),
    outOfScope: new OutOfScopeIndex(
      options.outOfScope ?? OUT_OF_SCOPE_EXAMPLES,
      (text) => analyzer.analyze(text),
      (token) => tokenWeight(weights, token),
    ),
  };
}

/** The last index built and what it was built from (topics and options, as JSON). */
let lastBuilt: { readonly key: string; readonly index: EngineIndex } | undefined;

/**
 * `buildIndex`, reusing the last index when the topics and options are the same: the index is immutable once built
 * (searches only read it), so engines over the same knowledge base can share it — several app instances in one process
 * (the tests, `npm run bench`), or a console save that changed nothing. Building costs ~0.1–0.4 s of CPU; the key,
 * ~5 ms.
 */
function indexFor(topics: readonly FaqTopic[], options: FaqEngineOptions): EngineIndex {
  const key = JSON.stringify([topics, options]);
  if (lastBuilt?.key === key) return lastBuilt.index;
  const index = buildIndex(topics, options);
  lastBuilt = { key, index };
  return index;
}

/** What weighs a token: the topics' IDF, and the weights of words they do not know. */
type TokenWeights = Pick<EngineIndex, 'termIdf' | 'phonIdf' | 'commonIdf' | 'unknownIdf'>;

/**
 * Weight of a query token: its IDF, via its phonetic key if the exact word is unknown. An unknown word carries
 * the unknown-word surprise unless it is ordinary (`isOrdinaryUnknown`): then it weighs like a common word.
 */
function tokenWeight(index: TokenWeights, token: AnalyzedToken, unknownIdf = index.unknownIdf): number {
  const known = index.termIdf.get(token.term) ?? index.phonIdf.get(token.phon);
  if (known !== undefined) return known;
  if (isOrdinaryUnknown(token.term)) return index.commonIdf;
  // "NADRA ki helpline", "visa ka status": an unknown name that owns the subject says whose it is — someone else's.
  return token.owner ? OWNER_SURPRISE * unknownIdf : unknownIdf;
}

/**
 * An unknown token that is no sign of another subject: a word of one or two letters (far more likely an unlisted
 * function word), or a concept of the domain vocabulary that no example question happens to use ("office", "city")
 * — the vocabulary is the domain's, so its words are not foreign. Numbers and place names stay unknown: on the
 * tuning sets, treating them as ordinary let more near-miss off-topic messages through than it helped long ones.
 */
function isOrdinaryUnknown(term: string): boolean {
  return term.length <= 2 || term.startsWith('@');
}

/*
 * How a reading of a message scores against one example question of a topic (`rankView`, `MessageMatches`): three
 * IDF-weighted coverages (rare, telling words count most; unknown words count more than the rarest) — how much
 * of the reading the topic explains (a factor), times the mean of how much of the reading this question explains
 * and how much of the question the reading explains. A query with words the knowledge base has never seen
 * ("car", "loan") cannot score high, which is what declines out-of-scope questions without a blacklist.
 */

/** Pick the decision from the ranked scores (pure, so the thresholds are tested on their own). */
export function decide(scores: readonly number[]): FaqDecision {
  const [best = 0, second = 0] = scores;
  if (best >= FAQ_THRESHOLDS.answer && best - second >= FAQ_THRESHOLDS.margin) return 'answer';
  if (best >= FAQ_THRESHOLDS.suggest) return 'suggest';
  return 'none';
}

/** The answer text for a reply language; Roman Urdu falls back to the Urdu-script answer. */
export function answerFor(topic: FaqTopic, language: FaqLanguage): string {
  if (language === 'en') return topic.answer.en;
  if (language === 'ur-Latn') return topic.answer['ur-Latn'] ?? topic.answer.ur;
  return topic.answer.ur;
}

/** A message, or a part of it, ready to score. */
interface View {
  readonly query: readonly { token: AnalyzedToken; weight: number }[];
  /** The query's weights over the message's tokens, for `MessageMatches`. */
  readonly reading: ReadingWeights;
  readonly terms: ReadonlySet<string>;
  readonly phons: ReadonlySet<string>;
  /** Has a question mark, a question word or a request word: a part that only states context is not scored on its own. */
  readonly asks: boolean;
  /** Terms found only in the part's clauses that do not ask (the scene around the question). */
  readonly scene: ReadonlySet<string>;
  /** The subjects the whole message names (WFH, whitelisting, a helpline…), in the question or its scene. */
  readonly subjects: readonly string[];
  /** All it asks, it asks yes or no (`asksYesOrNo`): a kind of question of its own (`YES_NO_CUE`, `siblingAgreement`). */
  readonly yesNo: boolean;
}

/** Words that may open a question before its first word ("so can we…", "sir what is…"). */
const OPENERS = String.raw`(?:(?:sir|madam|bhai|so|and|also|but|then|ok|okay|please|hi|hello)\s+)*`;
/** English auxiliaries; Roman Urdu "is" is "this" before a postposition or a word of time ("is liye hum…", "is waqt"). */
const AUXILIARIES = String.raw`can|could|is(?!\s+(?:liye|lie|lye|leye|ke|ki|ka|ko|kay|mein|me|main|mai|se|say|par|pe|pr|tak|bhi|waqt|tarah|baar|bare|baare|dauran|silsile|hawale|maamle|wajah|hafte|saal|mahine)(?=$|[^\p{L}]))|are|am|do|does|did|will|would|should|shall|may|was|were|have|has`;
/**
 * An English question opens with "what" or its auxiliary ("What does the group do", "Can we…", "Is there…"); inside a
 * statement ("this is Ali", "before I do", "I know what you mean") it asks nothing. Roman Urdu "is" is "this" before a
 * postposition or a word of time ("is liye hum…", "is mein", "is waqt"): a statement, not "Is there…" (round eighteen).
 */
const ASKING_START = new RegExp(String.raw`^${OPENERS}(?:what|${AUXILIARIES})(?=$|[^\p{L}])`, 'iu');
/**
 * A yes/no question opens with an English auxiliary ("Can our agents…") or the Urdu question particle ("Kya agents…",
 * "کیا ایجنٹس…"), or offers "or not" at its end ("…zarurat hai ya nahi", "…یا نہیں"). It asks whether something is so —
 * allowed, possible, needed — and so tells a topic that answers whether (WFH: is it allowed?) from its siblings that answer
 * how or with what (`siblingAgreement`, round nineteen).
 */
const YES_NO = new RegExp(
  String.raw`^${OPENERS}(?:${AUXILIARIES}|kya|kia|kiya|کیا)(?=$|[^\p{L}])|(?:^|[^\p{L}])(?:ya|or|یا)\s+(?:nahi|nahin|nai|not|نہیں)$`,
  'iu',
);

/** The kind of question a yes/no question is, beside the question-type concepts (`cueShares`, `siblingAgreement`). */
const YES_NO_CUE = 'yes/no';

/** "Can you tell me / explain…", "کیا آپ بتا سکتے ہیں": a request to be told, whatever its form. */
const ASKS_TO_BE_TOLD = /(?:^|[^\p{L}])(?:tell|explain|let\s+me\s+know|share|bata|batayen|batain|bataen|samjha|بتا|سمجھا)(?=$|[^\p{L}])/iu;

/**
 * Whether a clause asks yes or no (`YES_NO`), given its tokens: not when it asks a question word (how, where, what is…), a
 * way ("Is there a way to…?" asks how) or to be told ("Can you tell me…", "کیا آپ بتا سکتے ہیں").
 */
export function asksYesOrNo(clause: string, tokens: readonly AnalyzedToken[]): boolean {
  if (ASKS_TO_BE_TOLD.test(clause) || tokens.some((t) => QUESTION_WORD_CONCEPTS.includes(t.term) || t.term === '@process')) return false;
  return YES_NO.test(clause.trim().replace(/[?.!\s]+$/u, ''));
}
const ASKING_CONCEPTS: ReadonlySet<string> = new Set([...QUESTION_WORD_CONCEPTS, '@need', '@process', '@status']);

/** Whether a clause asks in its words: a question or request word, or a request by the form of its verb. */
function asksInWords(clause: string): boolean {
  return ASKING_WORDS.test(clause) || REQUEST_FORMS.test(clause);
}

/** "or" between options ("Email pe ya chat pe?", "اسکائپ یا فون؟"). */
const OPTION_WORD = /(?:^|[^\p{L}])(?:ya|or|یا)(?=$|[^\p{L}])/iu;

/** Whether a clause asks something (so a part holding it may be the question): its sentence's "?", a question or request word. */
function clauseAsks(clause: string, questionMarked: boolean, tokens: readonly AnalyzedToken[]): boolean {
  if (questionMarked) return true;
  // One word without a question mark is a name or a sign-off ("Regards, Tariq"), not a question.
  if (!/\p{L}\s+\p{L}/u.test(clause)) return false;
  return tokens.some((t) => ASKING_CONCEPTS.has(t.term)) || asksInWords(clause) || ASKING_START.test(clause);
}

/**
 * A clause that asks but names nothing — only question, request and function words ("ye bata dein please", "براہ کرم آگاہ
 * کریں", "kya hai ye", "رہنمائی فرما دیں", "تفصیل بتا دیں") — asks about the clause before it: people state what they want
 * to know ("…jo group bana tha us mein kin idaron ke log shamil hain") and then ask for it. That clause is marked as
 * asking, so its words are evidence of the question, not scene (`sceneOf`), and it may be read on its own.
 */
function lendBareRequests(
  asks: boolean[],
  clauseTokens: readonly (readonly AnalyzedToken[])[],
  questionMarked: readonly boolean[],
): boolean[] {
  const lent = asks.map(() => false);
  const bare = clauseTokens.map((tokens) => tokens.every((t) => FUNCTION_CONCEPTS.has(t.term) || QUESTION_TYPE_CONCEPTS.has(t.term)));
  // Only when the message asks nothing else: after a question ("ye whitelisting hai kya? … Samjha dein please") the
  // request is for that question, not for the statement before it.
  if (asks.some((a, id) => a && !bare[id])) return lent;
  for (let id = 1; id < asks.length; id += 1) {
    if (!asks[id] || !bare[id] || (clauseTokens[id - 1]?.length ?? 0) === 0) continue;
    asks[id - 1] = true;
    lent[id] = !questionMarked[id];
  }
  return lent;
}

/**
 * Evidence a view gives for a topic: the IDF weight of the view's words the topic explains, not counting
 * question words, possessives and wanting ("kaise hain aap" explains nothing), nor the scene's words other than
 * its subjects. Absolute, so it does not shrink as the message grows.
 */
function evidence(index: EngineIndex, view: View, topicIndex: number): number {
  const topic = index.topics[topicIndex];
  if (!topic) return 0;
  let total = 0;
  for (const { token, weight } of view.query) {
    // The scene around a question tells what it is about (its subject: "our WFH request…"), not what it asks.
    if (FUNCTION_CONCEPTS.has(token.term) || (view.scene.has(token.term) && !SUBJECT_CONCEPTS.has(token.term))) continue;
    total += weight * matchCredit(token, topic.terms, topic.phons);
  }
  return total;
}

/**
 * Whether a message names something a topic is about (`ABOUT_CONCEPTS`: whitelisting, WFH, a helpline, a request…)
 * anywhere, in its question or its scene. A part that asks without naming it ("is there an online way to do it?",
 * "how do I get it corrected?") is read with its scene; when the message names nothing the topic is about ("my car's
 * registration… the excise office is closed", "my electricity bill is wrong") the part says nothing about this topic.
 */
function namesWhatTopicIsAbout(index: EngineIndex, tokens: readonly AnalyzedToken[], topicIndex: number): boolean {
  const topic = index.topics[topicIndex];
  return topic !== undefined && tokens.some((t) => ABOUT_CONCEPTS.has(t.term) && topic.terms.has(t.term));
}

/**
 * Rivals: topics scoring within this of the top score (the ties that decide answer vs suggest). 0.1 (twice the answer
 * margin) on the smaller KB; refitted to 0.13 in round thirteen: with more example questions, sibling topics share more
 * words and a sibling that asks another kind of question more often ends within 0.13 of the top. On the tuning sets
 * 0.12–0.15 gave the same right answers and 5 fewer Urdu wrong answers than 0.1; 0.18 cost English answers.
 */
export const RIVAL_RANGE = 0.13;
/** How much a rival may lose for asking another kind of question, or about another subject, than the best-agreeing rival. */
const DISAGREEMENT_PENALTY = 0.15;

/**
 * Sibling topics share their subject ("whitelisting": what it is / how to apply / what it needs; a request: its status /
 * what happens after), so their scores tie on it. Two things tell them apart, and each rival near the top is scaled by
 * both, relative to the rival that agrees most (so a score is never raised, and off-topic stays declined):
 * - the kind of question (`QUESTION_TYPE_CONCEPTS`: how, what is, which details, where it stands, how long) in the
 *   view's asking clauses — the share of the topic's example questions that ask the same kind;
 * - the subjects the whole message names (a question about "the information you ask for" after "we are applying for
 *   whitelisting" is about whitelisting, not about privacy) — the share of them the topic's examples name.
 */
function siblingAgreement(index: EngineIndex, view: View, ranked: RankedTopic[]): RankedTopic[] {
  const top = ranked.reduce((max, r) => Math.max(max, r.score), 0);
  const isRival = (r: RankedTopic): boolean => r.score >= top - RIVAL_RANGE;
  const rivals = ranked.filter(isRival);
  if (top === 0 || rivals.length < 2) return ranked;
  const asked = [...view.terms].filter((t) => QUESTION_TYPE_CONCEPTS.has(t) && !view.scene.has(t));
  if (view.yesNo) asked.push(YES_NO_CUE);
  const kindFit = (r: RankedTopic): number => {
    const shares = index.topics[r.topic]?.cueShares;
    return asked.length === 0 ? 1 : asked.reduce((sum, cue) => sum + (shares?.get(cue) ?? 0), 0) / asked.length;
  };
  const subjectFit = (r: RankedTopic): number => {
    const terms = index.topics[r.topic]?.terms;
    return view.subjects.length === 0 ? 1 : view.subjects.filter((s) => terms?.has(s)).length / view.subjects.length;
  };
  const relativeTo = (fit: (r: RankedTopic) => number): ((r: RankedTopic) => number) => {
    const most = rivals.reduce((max, r) => Math.max(max, fit(r)), 0);
    return (r) => (most === 0 ? 1 : 1 - DISAGREEMENT_PENALTY * (1 - Math.min(fit(r) / most, 1)));
  };
  const byKind = relativeTo(kindFit);
  const bySubject = relativeTo(subjectFit);
  return ranked.map((r) => (isRival(r) ? { ...r, score: r.score * byKind(r) * bySubject(r) } : r));
}

/**
 * A part of a message that asks apart from the winning one (no clause in common) and would be answered with another
 * topic, scoring within this of the winner ("What happens next? Will someone call me?")…
 */
const RIVAL_PART_RANGE = 0.15;
/** …and with at least this share of the winner's evidence (a bare "phone?" after the question does not count). */
const RIVAL_PART_EVIDENCE = 0.5;

/** A ranking, and whether parts of the message that ask apart point at different topics (then it is never answered). */
interface Ranking {
  readonly ranking: RankedTopic[];
  readonly divided: boolean;
  /** The reading the ranking comes from (the whole message or the part that won), for the classifier. */
  readonly reading: View;
  /** The whole message's own ranking (the same as `ranking` when the whole message decided). */
  readonly whole: readonly RankedTopic[];
  /** Whether a part of the message, not the whole of it, decided. */
  readonly fromPart: boolean;
}

/** A message whose asking parts disagree is suggested, not answered: both topics are offered. */
function settle(decision: FaqDecision, divided: boolean): FaqDecision {
  return divided && decision === 'answer' ? 'suggest' : decision;
}

/** The ranking with a rival part's top topic second (so it is among the suggestions). */
function withSecond(ranking: readonly RankedTopic[], rival: RankedTopic): RankedTopic[] {
  const [first, ...rest] = ranking.filter((r) => r.topic !== rival.topic);
  return first ? [first, rival, ...rest] : [rival];
}

/**
 * What the classifier reads of a reading: its tokens, less the scene's words other than its subjects (as `evidence`), and
 * less a subject a pronoun was read as (`references.ts`): a second opinion on what the message wrote, not on how the engine
 * resolved it — with it, the classifier confirmed the resolved subject's topic, and a pronoun read as the wrong subject
 * became a wrong answer (round twenty: 4 right answers more with it, and 3 wrong answers more).
 */
function classifierTokens(view: View): AnalyzedToken[] {
  return view.query.map((q) => q.token).filter((t) => (!view.scene.has(t.term) || SUBJECT_CONCEPTS.has(t.term)) && !t.referred);
}

/** The three readings of a message that may name its topic (round seventeen). */
export interface Opinions {
  /** The topic the part of the message that decided picked. */
  readonly part: number;
  /** The whole message's top topic, and the classifier's on the part that decided (as far as they are known). */
  readonly whole: number | undefined;
  readonly classifier: number | undefined;
}

/**
 * Whether an answer read from a part of a message is corroborated: the whole message, or the classifier reading the same
 * part, picks the same topic. A part is a short question cut out of a long message, and the scene around it (a client,
 * the board, HR, a city) can tip it to a sibling topic; when it stands alone against both other readings, the message is
 * suggested with their topics, not answered — the user can pick from a suggestion, not from a wrong answer.
 */
export function corroborated(opinions: Opinions): boolean {
  return opinions.whole === opinions.part || opinions.classifier === opinions.part;
}

/** The ranking with the other readings' topics offered right after the top one (suggested, whatever their score here). */
function withVouched(ranking: readonly RankedTopic[], others: readonly (RankedTopic | undefined)[]): RankedTopic[] {
  const [top, ...rest] = ranking;
  if (!top) return [];
  const vouched: RankedTopic[] = [];
  for (const other of others)
    if (other && other.topic !== top.topic && !vouched.some((v) => v.topic === other.topic)) vouched.push({ ...other, vouched: true });
  return [top, ...vouched, ...rest.filter((r) => !vouched.some((v) => v.topic === r.topic))];
}

/**
 * The classifier's second opinion on a decision it never makes alone: a suggestion (not a divided message) whose top
 * topic the classifier picks too, with a clear posterior and lead, is answered. Declined stays declined and answers
 * stay answers: naive Bayes always picks some topic, so it cannot tell off-topic from on-topic.
 */
function secondOpinion(
  ranking: readonly RankedTopic[],
  decision: FaqDecision,
  posterior: readonly TopicPosterior[],
  options: SecondOpinionOptions,
): FaqDecision {
  const [top] = ranking;
  const [first, second] = posterior;
  if (decision !== 'suggest' || !top || first?.topic !== top.topic || top.score < options.floor) return decision;
  const lead = first.probability - (second?.probability ?? 0);
  return first.probability >= options.confirm && lead >= options.confirmMargin ? 'answer' : decision;
}

interface RankedTopic {
  readonly topic: number;
  readonly score: number;
  readonly bm25: number;
  readonly question: IndexedQuestion;
  /** Offered as a suggestion because another reading picked it (`corroborate`), whatever its score in this ranking. */
  readonly vouched?: boolean;
  /** The conversation model's probability for the topic when it decided (`withModel`): reported if above the score's. */
  readonly confidence?: number;
}

/** A ranking and the decision taken on it. */
interface Judgement {
  readonly ranking: RankedTopic[];
  readonly decision: FaqDecision;
}

/**
 * The conversation model decides with retrieval (round twenty-five, README). An answer retrieval gives for a topic the model
 * was never trained on (one added in the console) stands: the model cannot judge it. Otherwise the model's top topic at
 * `MODEL_THRESHOLDS.answer` or more is answered — unless retrieval answered another topic and the model is below
 * `overrule`: then both are suggested. The model's "none" at `decline` or more declines. Below those, retrieval's answer
 * stands where the model's top topic is the same; else it is suggested with the model's topic among the suggestions.
 * Retrieval's suggestions stand, and so do its declines unless the model's topic is at `suggest` or more and its "none"
 * below `suggestNone`: then that topic is suggested first, with retrieval's best.
 */
function withModel(index: EngineIndex, ruled: Judgement, posterior: readonly ModelPosterior[]): Judgement {
  const [first] = posterior;
  const top = ruled.ranking[0];
  const answered = ruled.decision === 'answer' ? top : undefined;
  const trained = (topic: number) => posterior.some((p) => p.id === index.topics[topic]?.topic.id);
  if (!first || (answered && !trained(answered.topic))) return ruled;
  const modelTopic = modelTopicOf(index, ruled.ranking, first);
  const disagrees = answered !== undefined && answered.topic !== modelTopic?.topic;
  if (modelTopic && first.probability >= MODEL_THRESHOLDS.answer && !(disagrees && first.probability < MODEL_THRESHOLDS.overrule))
    return { ranking: modelFirst(ruled.ranking, modelTopic, first.probability), decision: 'answer' };
  if (first.id === null && first.probability >= MODEL_THRESHOLDS.decline) return { ranking: ruled.ranking, decision: 'none' };
  if (disagrees) return { ranking: withVouched(ruled.ranking, [modelTopic]), decision: 'suggest' };
  const none = posterior.find((p) => p.id === null)?.probability ?? 0;
  if (ruled.decision === 'none' && modelTopic && first.probability >= MODEL_THRESHOLDS.suggest && none < MODEL_THRESHOLDS.suggestNone)
    return { ranking: withVouched(modelFirst(ruled.ranking, modelTopic, first.probability), [ruled.ranking[0]]), decision: 'suggest' };
  return ruled;
}

/**
 * The model on a message of fewer than `MODEL_THRESHOLDS.minTerms` terms: it has no say, except that its topic at
 * `fewTerms` or more is answered where retrieval did not answer. It never declines or divides such a message.
 */
function withModelOnFewTerms(index: EngineIndex, ruled: Judgement, posterior: readonly ModelPosterior[]): Judgement {
  const [first] = posterior;
  if (ruled.decision === 'answer' || !first || first.probability < MODEL_THRESHOLDS.fewTerms) return ruled;
  const modelTopic = modelTopicOf(index, ruled.ranking, first);
  return modelTopic ? { ranking: modelFirst(ruled.ranking, modelTopic, first.probability), decision: 'answer' } : ruled;
}

/** The ranking with the model's topic first, carrying the model's probability. */
function modelFirst(ranking: readonly RankedTopic[], modelTopic: RankedTopic, probability: number): RankedTopic[] {
  return [{ ...modelTopic, confidence: probability }, ...ranking.filter((r) => r.topic !== modelTopic.topic)];
}

/** The model's top class as ranked (`rankedFor`); none for "none" or a topic this index does not hold. */
function modelTopicOf(index: EngineIndex, ranking: readonly RankedTopic[], first: ModelPosterior): RankedTopic | undefined {
  const topic = first.id === null ? -1 : index.topics.findIndex((t) => t.topic.id === first.id);
  return topic >= 0 ? rankedFor(index, ranking, topic) : undefined;
}

/** A topic as ranked: its entry in the ranking, or, when retrieval did not rank it, its first example question. */
function rankedFor(index: EngineIndex, ranking: readonly RankedTopic[], topic: number): RankedTopic | undefined {
  const ranked = ranking.find((r) => r.topic === topic);
  if (ranked) return ranked;
  const question = index.questions.find((q) => q.topic === topic);
  return question ? { topic, score: 0, bm25: 0, question } : undefined;
}

/** FAQ retrieval over every example question of every language, with calibrated answer/suggest/none. */
export class FaqEngine {
  private index: EngineIndex;
  private readonly options: Omit<FaqEngineOptions, 'model'>;
  private readonly model: ConversationModel | null;

  constructor(topics: readonly FaqTopic[], options: FaqEngineOptions = {}) {
    const { model, ...indexOptions } = options;
    this.options = indexOptions;
    this.model = model === undefined ? shippedConversationModel() : model;
    this.index = indexFor(topics, indexOptions);
  }

  /** Rebuild from new topics (console edits) without a restart; searches in flight keep the old index. */
  replaceTopics(topics: readonly FaqTopic[]): void {
    this.index = indexFor(topics, this.options);
  }

  /** The terms the engine reads in a whole message. */
  terms(text: string): string[] {
    return this.index.analyzer.analyze(text).map((t) => t.term);
  }

  /**
   * What the conversation model reads (trained on and asked): the whole message's terms and, in a message of several
   * clauses, the terms of each clause that asks (`clauseAsks`, or introduced by a verb of asking), marked with `ASKED`, so
   * the question weighs apart from the scene around it ("…our agents work from home… when will we hear back?").
   */
  modelTerms(text: string): string[] {
    const { analyzer } = this.index;
    const whole = this.terms(text);
    const { clauses, questionMarked, asked } = messageParts(text);
    if (clauses.length <= 1) return whole;
    const asking = clauses.flatMap((clause, id) => {
      const tokens = analyzer.analyze(clause);
      return asked[id] === true || clauseAsks(clause, questionMarked[id] ?? false, tokens) ? tokens.map((t) => `${ASKED}${t.term}`) : [];
    });
    return [...whole, ...asking];
  }

  /** The topics the engine currently answers from. */
  topics(): FaqTopic[] {
    return this.index.topics.map((t) => t.topic);
  }

  /** The classifier's posterior over the topics for a text, best first (its second opinion; for tests and diagnostics). */
  classify(text: string): { id: string; probability: number }[] {
    const index = this.index;
    return index.classifier
      .classify(index.analyzer.analyze(text))
      .map((p) => ({ id: index.topics[p.topic]?.topic.id ?? '', probability: p.probability }));
  }

  /** Search the FAQ; results are best first, at most five, in the reply language. */
  search(text: string, options: FaqSearchOptions = {}): FaqSearchResponse {
    const index = this.index;
    const language = options.lang ?? detectLanguage(text, options.previousLanguage);
    const { ranking: ranked, decision } = this.judge(index, text);
    if (decision === 'none') return { language, decision, results: [] };
    const limit = decision === 'answer' ? MAX_RESULTS : MAX_SUGGESTIONS;
    const shown = ranked.filter((r, i) => i === 0 || r.vouched || r.score >= FAQ_THRESHOLDS.related).slice(0, limit);
    return { language, decision, results: this.presentAll(index, shown, language) };
  }

  /**
   * The best `limit` topics with their calibrated scores whatever the decision (for "suggested answers" and
   * for callers that weigh the FAQ against other intents); `decision` is what `search` would decide.
   */
  topMatches(text: string, limit = 3, options: FaqSearchOptions = {}): FaqSearchResponse {
    const index = this.index;
    const language = options.lang ?? detectLanguage(text, options.previousLanguage);
    const { ranking: ranked, decision } = this.judge(index, text);
    return { language, decision, results: this.presentAll(index, ranked.slice(0, Math.max(0, limit)), language) };
  }

  /** The ranking and its decision: retrieval's and its rules' (`judgeByRules`), with the conversation model's (`withModel`). */
  private judge(index: EngineIndex, text: string): Judgement {
    const ruled = this.judgeByRules(index, text);
    if (!this.model) return ruled;
    const terms = this.modelTerms(text);
    const posterior = this.model.classify(terms);
    if (new Set(terms.filter((t) => !t.startsWith(ASKED))).size < MODEL_THRESHOLDS.minTerms)
      return withModelOnFewTerms(index, ruled, posterior);
    return withModel(index, ruled, posterior);
  }

  /**
   * The ranking and its decision by retrieval and its rules alone: retrieval's; an answer read from a part of the message
   * checked against the other readings (`corroborate`); a suggestion given the classifier's second opinion on the reading
   * that decided.
   */
  private judgeByRules(index: EngineIndex, text: string): Judgement {
    const { ranking, divided, reading, whole, fromPart } = this.rank(index, text);
    const decision = settle(decide(ranking.map((r) => r.score)), divided);
    if (decision !== 'none' && this.outOfScope(index, ranking, reading)) return { ranking, decision: 'none' };
    if (decision === 'answer' && fromPart && !divided) return this.corroborate(index, ranking, whole, reading);
    if (divided || decision !== 'suggest') return { ranking, decision };
    const posterior = index.classifier.classify(classifierTokens(reading));
    return { ranking, decision: secondOpinion(ranking, decision, posterior, { ...SECOND_OPINION, ...this.options.secondOpinion }) };
  }

  /**
   * An answer read from a part of the message stands when it is `corroborated`; otherwise it is suggested together with the
   * whole message's and the classifier's topics. The classifier is asked only when the whole message disagrees.
   */
  private corroborate(index: EngineIndex, ranking: readonly RankedTopic[], whole: readonly RankedTopic[], reading: View): Judgement {
    const [top] = ranking;
    const wholeTop = whole[0]?.topic;
    if (!top || wholeTop === top.topic) return { ranking: [...ranking], decision: 'answer' };
    const classifier = index.classifier.classify(classifierTokens(reading))[0]?.topic;
    if (corroborated({ part: top.topic, whole: wholeTop, classifier })) return { ranking: [...ranking], decision: 'answer' };
    const byClassifier = ranking.find((r) => r.topic === classifier) ?? whole.find((r) => r.topic === classifier);
    return { ranking: withVouched(ranking, [whole[0], byClassifier]), decision: 'suggest' };
  }

  /**
   * Whether the out-of-scope examples explain the reading that decided at least as well as its best topic (less the
   * margin), by what that topic cannot explain: only examples holding a word of the reading the topic does not know
   * compete, so a message all of whose words the topic explains ("what does PSEB do?") is never declined for them.
   */
  private outOfScope(index: EngineIndex, ranking: readonly RankedTopic[], reading: View): boolean {
    const top = ranking[0];
    const topic = top ? index.topics[top.topic] : undefined;
    const beyond = reading.query.map((q) => q.token).filter((t) => !topic || matchCredit(t, topic.terms, topic.phons) === 0);
    if (beyond.length === 0) return false;
    const margin = this.options.outOfScopeMargin ?? OUT_OF_SCOPE_MARGIN;
    return index.outOfScope.score(reading.query, beyond) >= (top?.score ?? 0) - margin;
  }

  /**
   * Rank topics for a message. The whole message is scored, and so is each part of it that asks something
   * (see `segment.ts`), so context and courtesies around a question do not dilute it; a part counts only
   * with evidence of its own, and among readings that would be answered the one with most evidence, weighed by its
   * score, wins. The ranking is `divided` (suggested, never answered) when another part asks for another topic as
   * strongly, or when the winner's own asking clause points elsewhere than the scene that came with it.
   */
  private rank(index: EngineIndex, text: string): Ranking {
    const { clauses, questionMarked, sentenceOf, frames, purposes, asked: introduced, parts: partIndexes } = messageParts(text);
    // Each clause is analysed once; a part's tokens — and the whole message's — are its clauses' tokens.
    const analysed = partIndexes.length > 0 ? clauses.map((clause) => index.analyzer.analyze(clause)) : [];
    // A sentence's "?" belongs to its last clause with words of substance ("What is PSEB exactly, sir?": not to "sir"), other
    // than the purpose it states ("…kaise apply karein taake kaam jari rahe?"), which never asks.
    const asks = clauses.map((clause, id) => {
      const tokens = analysed[id] ?? [];
      const marked =
        (questionMarked[id] ?? false) &&
        tokens.length > 0 &&
        !clauses.some(
          (_c, later) => later > id && sentenceOf[later] === sentenceOf[id] && !purposes[later] && (analysed[later]?.length ?? 0) > 0,
        );
      return (introduced[id] === true && tokens.length > 0) || clauseAsks(clause, marked, tokens);
    });
    // A need stated before anything is asked ("Mujhe insaan se baat karni hai. …") is the request; after a question
    // ("…youth loan kaise milega? business start karna hai") it says why that question was asked, and stays scene.
    clauses.forEach((clause, id) => {
      if (!asks[id] && NEED_TO_DO.test(clause) && !asks.slice(0, id).some(Boolean)) asks[id] = true;
    });
    // A request that opens by pointing back ("…form mein bharna hai, wo ek jagah bata dein") asks for what the clause before
    // it, in the same sentence, said: that clause's words are the question's, not its scene. Not a frame: "is liye wazeh likh
    // dein ke …" asks for the question after it.
    clauses.forEach((clause, id) => {
      if (id === 0 || !asks[id] || questionMarked[id] || frames[id] || sentenceOf[id - 1] !== sentenceOf[id]) return;
      if (POINTS_BACK.test(clause) && asksInWords(clause)) asks[id - 1] = true;
    });
    // A bare request that asks about the clause before it is not read on its own ("تفصیل بتا دیں" is no question of details),
    // nor is the frame of a question cut off after it ("شروع کرنے سے پہلے بتائیں" before "کہ … کون سی معلومات لازمی ہیں"):
    // read alone, its words would be a rival question.
    const lent = lendBareRequests(asks, analysed, questionMarked);
    // A question that points back ("Iske liye apply kaise karte hain?", "اس کے لیے کیا طریقہ ہے؟") and names no subject is about
    // the subject named last before it (`references.ts`): its clause is read with that subject.
    const clauseTokens = resolveReferences(
      clauses,
      analysed,
      asks.map((a, id) => a && !lent[id] && !frames[id]),
    );
    const tokensOf = (ids: readonly number[]): AnalyzedToken[] => {
      const tokens = new Map<string, AnalyzedToken>();
      for (const id of ids) for (const token of clauseTokens[id] ?? []) if (!tokens.has(token.term)) tokens.set(token.term, token);
      return withImpliedConcepts([...tokens.values()]);
    };
    const wholeTokens = partIndexes.length > 0 ? tokensOf(clauses.map((_c, i) => i)) : index.analyzer.analyze(text);
    // A purpose cut off after a part's last clause ("…kaise karte hain taake junk folder mein na jaye?") keeps, in that part,
    // the words the KB does not know: they may be what the message is about. Its known words ("taake kaam jari rahe") do not
    // pull the question towards the topics that use them.
    const partTokens = partIndexes.map((ids) => {
      const tokens = tokensOf(ids);
      const last = ids[ids.length - 1] ?? -1;
      const after = last + 1;
      if (!purposes[after] || sentenceOf[after] !== sentenceOf[last] || ids.includes(after)) return tokens;
      const unknown = (clauseTokens[after] ?? []).filter(
        (t) => !t.term.startsWith('@') && !index.termIdf.has(t.term) && !tokens.some((u) => u.term === t.term),
      );
      return unknown.length > 0 ? withImpliedConcepts([...tokens, ...unknown]) : tokens;
    });
    const matches = new MessageMatches(index.topicsByWord);
    matches.register(wholeTokens);
    partTokens.forEach((tokens) => matches.register(tokens));
    // A list of options after a question ("…kaise bhejein? Email pe ya chat pe?", "اسکائپ یا فون؟") asks which of them, for
    // that question: it is not read on its own.
    const options = clauses.map(
      (clause, id) =>
        asks.slice(0, id).some((a, earlier) => a && !lent[earlier] && !frames[earlier]) &&
        OPTION_WORD.test(clause) &&
        !asksInWords(clause) &&
        !ASKING_START.test(clause) &&
        (clauseTokens[id] ?? []).every((t) => !QUESTION_WORD_CONCEPTS.includes(t.term)),
    );
    // A clause that asks yes or no — not the frame of a question, nor one offered options after it ("Will the group handle
    // both, ya sirf one?" asks which). Only in a message of several clauses: on a one-clause question (a short or chat
    // message) the kind cost right answers on the tuning sets ("is pseb doing anything for IT companies?").
    const yesNo = clauses.map(
      (clause, id) =>
        partIndexes.length > 0 && asks[id] === true && !frames[id] && !options[id + 1] && asksYesOrNo(clause, clauseTokens[id] ?? []),
    );
    const sceneOf = (ids: readonly number[]): { asks: boolean; scene: Set<string>; yesNo: boolean } => {
      const asked = new Set(ids.filter((id) => asks[id]).flatMap((id) => (clauseTokens[id] ?? []).map((t) => t.term)));
      return {
        asks: asked.size > 0,
        scene: new Set(ids.flatMap((id) => (clauseTokens[id] ?? []).map((t) => t.term)).filter((t) => !asked.has(t))),
        // Yes/no is the kind of the reading only when it is all the reading asks: a "Kya…?" after a "kahan…?" adds no kind to it.
        yesNo: ids.some((id) => yesNo[id]) && ids.every((id) => !asks[id] || frames[id] || yesNo[id]),
      };
    };
    const subjects = wholeTokens.map((t) => t.term).filter((t) => SUBJECT_CONCEPTS.has(t) && ABOUT_CONCEPTS.has(t));
    const wholeReading = sceneOf(clauses.map((_c, i) => i));
    const whole = this.view(index, matches, wholeTokens, index.unknownIdf, { ...wholeReading, asks: true }, subjects);
    const bestRanking = whole.query.length > 0 ? this.rankView(index, matches, whole, this.retrieve(index, whole.query, CANDIDATES)) : [];
    if (partIndexes.length === 0) return { ranking: bestRanking, divided: false, reading: whole, whole: bestRanking, fromPart: false };
    // In a part that asks and has evidence of its own, a word the KB does not know ("urgent", "right now") is
    // ordinary talk more than a sign of another subject: it weighs less than in a whole message, and the evidence
    // gate keeps off-topic out.
    const parts = partIndexes.map((ids, i) =>
      this.view(index, matches, partTokens[i] ?? [], PART_UNKNOWN_SURPRISE * index.unknownIdf, sceneOf(ids), subjects),
    );
    // Parts with the same words score the same: each is scored once.
    const seen = new Set<string>();
    const askingIds: (readonly number[])[] = [];
    const asking = parts.filter((part, i) => {
      const key = [...part.terms].sort().join(' ');
      const ids = partIndexes[i] ?? [];
      if (part.query.length === 0 || !part.asks || seen.has(key) || ids.every((id) => lent[id] || frames[id] || options[id])) return false;
      seen.add(key);
      askingIds.push(partIndexes[i] ?? []);
      return true;
    });
    if (asking.length === 0) return { ranking: bestRanking, divided: false, reading: whole, whole: bestRanking, fromPart: false };
    const hits = this.retrieve(
      index,
      asking.flatMap((v) => v.query),
      CANDIDATES * 2,
    );
    // Among the readings that would be answered outright, the one with the most evidence, weighed by its score, wins:
    // a bare "what is the procedure?" explains itself fully but says less than "WFH apply karna hai, tareeqa kya
    // hai?", while a clear answer to the question itself ("which details does the form ask for?") is not overruled by
    // a weak one that drags in the scene ("our staff work from home"). If none would be answered, the best score does.
    const wholeTop = bestRanking[0];
    let best: { ranking: RankedTopic[]; evidence: number; ids: readonly number[]; view: View } = {
      ranking: bestRanking,
      view: whole,
      evidence: wholeTop ? evidence(index, whole, wholeTop.topic) : 0,
      ids: clauses.map((_c, i) => i),
    };
    const answered: { topic: number; ids: readonly number[]; top: RankedTopic; support: number }[] = [];
    let bestAnswers = decide(bestRanking.map((r) => r.score)) === 'answer';
    // A question with too little evidence of its own ("iske liye request kahan deni hai?") is answered when a reading
    // holding it with its scene ("hamare agents ghar se kaam karna chahte hain, iske liye…") points to the same topic.
    const unsure: { ranking: RankedTopic[]; ids: readonly number[] }[] = [];
    const readings = asking.map((part, i) => ({ part, ids: askingIds[i] ?? [], ranking: this.rankView(index, matches, part, hits) }));
    for (const { ranking, ids, part } of readings) {
      const top = ranking[0];
      if (top && evidence(index, part, top.topic) < index.minEvidence && decide(ranking.map((r) => r.score)) === 'answer')
        unsure.push({ ranking, ids });
    }
    for (const reading of readings) {
      const { part, ids } = reading;
      let ranking = reading.ranking;
      const top = ranking[0];
      if (!top) continue;
      const support = evidence(index, part, top.topic);
      if (support < index.minEvidence) continue;
      if (!namesWhatTopicIsAbout(index, wholeTokens, top.topic)) continue;
      if (decide(ranking.map((r) => r.score)) === 'suggest') {
        const confirmed = unsure.find((u) => u.ranking[0]?.topic === top.topic && u.ids.every((id) => ids.includes(id)));
        if (confirmed) ranking = confirmed.ranking;
      }
      const answers = decide(ranking.map((r) => r.score)) === 'answer';
      if (answers && ranking[0]) answered.push({ topic: ranking[0].topic, ids, top: ranking[0], support });
      const bestTop = best.ranking[0]?.score ?? 0;
      const score = ranking[0]?.score ?? 0;
      const better = answers ? !bestAnswers || support * score > best.evidence * bestTop : !bestAnswers && score > bestTop;
      if (better) {
        best = { ranking, evidence: support, ids, view: part };
        bestAnswers = answers;
      }
    }
    const winner = best.ranking[0]?.topic;
    const apart = (ids: readonly number[]): boolean => ids.every((id) => !best.ids.includes(id));
    const winnerScore = best.ranking[0]?.score ?? 0;
    // Another part that asks, apart from the winner, for another topic with comparable score and evidence: two questions.
    const rival = bestAnswers
      ? answered.find(
          (a) =>
            a.topic !== winner &&
            apart(a.ids) &&
            a.top.score >= winnerScore - RIVAL_PART_RANGE &&
            a.support >= RIVAL_PART_EVIDENCE * best.evidence,
        )
      : undefined;
    // A winning part that holds its scene ("…WFH form mein? Main spreadsheet bana raha hun") while its asking clause,
    // naming a subject of its own, points elsewhere: the scene, not the question, chose the topic.
    const asked = best.ids.filter((id) => asks[id]);
    const own =
      bestAnswers && asked.length < best.ids.length && best.ids.length < clauses.length
        ? readings.find((r) => r.ids.length === asked.length && r.ids.every((id) => asked.includes(id)))
        : undefined;
    const ownTop = own?.ranking[0];
    const fromScene =
      own &&
      ownTop &&
      ownTop.topic !== winner &&
      [...own.part.terms].some((t) => subjects.includes(t)) &&
      ownTop.score >= FAQ_THRESHOLDS.suggest &&
      evidence(index, own.part, ownTop.topic) >= index.minEvidence
        ? ownTop
        : undefined;
    const other = fromScene ?? rival?.top;
    const fromPart = best.view !== whole;
    return other
      ? { ranking: withSecond(best.ranking, other), divided: true, reading: best.view, whole: bestRanking, fromPart }
      : { ranking: best.ranking, divided: false, reading: best.view, whole: bestRanking, fromPart };
  }

  /** One view analysed: its weighted tokens and whether it asks something. */
  private view(
    index: EngineIndex,
    matches: MessageMatches,
    tokens: readonly AnalyzedToken[],
    unknownIdf: number,
    { asks, scene, yesNo }: { asks: boolean; scene: ReadonlySet<string>; yesNo: boolean },
    subjects: readonly string[],
  ): View {
    const query = tokens.map((token) => ({ token, weight: tokenWeight(index, token, unknownIdf) }));
    return {
      query,
      reading: matches.reading(query),
      terms: new Set(tokens.map((t) => t.term)),
      phons: new Set(tokens.map((t) => t.phon)),
      asks,
      scene,
      yesNo,
      subjects,
    };
  }

  /**
   * Candidate questions for the query tokens. Retrieval only needs the telling words: very common ones (found in
   * > 1/8 of questions) still count in scoring but would make the index score hundreds of questions. Only words
   * the index does not know as written need the phonetic field (concepts are their own key; known words are found exactly).
   */
  private retrieve(
    index: EngineIndex,
    query: readonly { token: AnalyzedToken; weight: number }[],
    limit: number,
  ): { id: number; score: number }[] {
    const unique = new Map<string, AnalyzedToken>();
    for (const q of query) unique.set(q.token.term, q.token);
    const tokens = [...unique.values()];
    const telling = query.filter((q) => q.weight >= index.commonIdf).map((q) => q.token);
    const retrieval = telling.length > 0 ? [...new Map(telling.map((t) => [t.term, t])).values()] : tokens;
    const spellingKeys = retrieval.filter((t) => t.phon !== t.term && !index.termIdf.has(t.term)).map((t) => t.phon);
    return index.retrieval.search(
      retrieval.map((t) => t.term),
      2,
      spellingKeys,
      limit,
    );
  }

  /** Best question per topic for one view, best topic first. */
  private rankView(index: EngineIndex, matches: MessageMatches, view: View, hits: readonly { id: number; score: number }[]): RankedTopic[] {
    const best = new Map<number, RankedTopic>();
    const topicCoverage = new Map<number, number>();
    for (const hit of hits) {
      const question = index.questions[hit.id];
      const topic = question ? index.topics[question.topic] : undefined;
      if (!question || !topic) continue;
      // A question that shares no word with this view is skipped (hits are retrieved for all parts at once).
      const fit = matches.questionFit(view.reading, hit.id, question);
      if (fit === 0) continue;
      let byTopic = topicCoverage.get(question.topic);
      if (byTopic === undefined) {
        byTopic = matches.topicCoverage(view.reading, question.topic);
        topicCoverage.set(question.topic, byTopic);
      }
      // Topic coverage multiplies: a reading the topic cannot explain scores low however close one question looks.
      const score = byTopic * fit;
      const current = best.get(question.topic);
      if (!current || score > current.score || (score === current.score && hit.score > current.bm25)) {
        best.set(question.topic, { topic: question.topic, score, bm25: hit.score, question });
      }
    }
    return siblingAgreement(index, view, [...best.values()]).sort((a, b) => b.score - a.score || b.bm25 - a.bm25);
  }

  /**
   * Results in the order decided, each reporting no more confidence than the one above it: a topic the conversation model
   * put first may have a lower retrieval score than the topic it moved down.
   */
  private presentAll(index: EngineIndex, ranked: readonly RankedTopic[], language: FaqLanguage): FaqResult[] {
    const results = ranked.map((r) => this.present(index, r, language));
    return results.map((r, i) => (i === 0 ? r : { ...r, score: Math.min(r.score, ...results.slice(0, i).map((above) => above.score)) }));
  }

  private present(index: EngineIndex, ranked: RankedTopic, language: FaqLanguage): FaqResult {
    const topic = (index.topics[ranked.topic] as IndexedTopic).topic;
    const question =
      ranked.question.language === language ? ranked.question.text : (topic.questions[language]?.[0] ?? topic.questions.en[0] ?? topic.id);
    const score = Math.max(calibrate(ranked.score), ranked.confidence ?? 0);
    return { id: topic.id, score: Math.round(score * 1000) / 1000, question, answer: answerFor(topic, language) };
  }
}
