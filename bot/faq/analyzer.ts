import { memoizeWord } from './memo';
import { englishStem, isLatinWord, normalizeText, phoneticKey, searchKey, tokenize } from './normalize';
import {
  CONCEPTS,
  CONTEXT_WORDS_RAW,
  EN_STOPWORDS,
  IMPLIED_CONCEPTS,
  NOT_TYPOS_RAW,
  ROMAN_STOPWORDS,
  SMS_SPELLINGS,
  SUBJECT_CONCEPTS,
  UR_STOPWORDS_RAW,
} from './synonyms';

/** One analysed token: `term` is a concept id (`@wfh`) or a word; `phon` its spelling-tolerant key. */
export interface AnalyzedToken {
  readonly term: string;
  readonly phon: string;
  /**
   * A plain word that names whose a subject is: "NADRA helpline", "police ki helpline", "bank ka status". If the
   * KB does not know the word, the question is about someone else's helpline or status (see `engine.ts`).
   */
  readonly owner?: true;
  /**
   * A subject a clause did not name but points back at ("iske liye…", "اس کے لیے…", "…sitting on it?"): read into it from the
   * clause before that named it (`references.ts`). The classifier's second opinion leaves it out, so it judges what was written.
   */
  readonly referred?: true;
}

/** Genitive particles between an owner and what it owns ("police ki helpline", "پولیس کی ہیلپ لائن"); words as search keys. */
const GENITIVES: ReadonlySet<string> = new Set(['ka', 'ki', 'ke', 'kay', 'ky', 'k', 'کا', 'کی', 'کے']);
/** English names the owner after what it owns: "the helpline of my bank", "status of the visa". */
const OF = 'of';
/** Words that may stand between "of" and the owner ("of my bank", "of the embassy"). */
const OWNER_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'my', 'our', 'your', 'their', 'his', 'her', 'this', 'that']);

interface Phrase {
  readonly words: readonly string[];
  readonly keys: readonly string[];
  readonly concept: string;
}

interface ConceptTables {
  /** Single-word variant (search key, lower case) → concept. */
  readonly exact: ReadonlyMap<string, string>;
  /** Phonetic key of a Latin single-word variant → concept and its spellings; keys shared by two concepts are left out. */
  readonly phonetic: ReadonlyMap<string, { readonly concept: string; readonly spellings: readonly string[] }>;
  /** First match key of a multi-word variant → its phrases, longest first. */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  readonly stopwords: ReadonlySet<string>;
  /** Phonetic key → Roman Urdu function words with that key. */
  readonly romanStopwordsByKey: ReadonlyMap<string, readonly string[]>;
}

/** Every word of a multi-word concept name (ایکسپورٹ in "سافٹ ویئر ایکسپورٹ بورڈ"): known, so never split apart. */
const PHRASE_WORDS: ReadonlySet<string> = new Set(
  Object.values(CONCEPTS).flatMap((variants) => variants.flatMap((v) => tokenize(searchKey(v)))),
);

/** Key used to find phrase candidates: phonetic for Latin, the consonant skeleton for Urdu script (وائیٹ ≈ وائٹ). */
const matchKey = memoizeWord((token: string): string => (isLatinWord(token) ? phoneticKey(token) : urduSkeleton(token)));

/** Common spellings of short Roman Urdu function words, whose phonetic keys are too short to compare. */
const ROMAN_CANONICAL_SPELLINGS: Readonly<Record<string, string>> = {
  kia: 'kya',
  kiya: 'kya',
  kyaa: 'kya',
  he: 'hai',
  hy: 'hai',
  hay: 'hai',
  hain: 'hai',
  hein: 'hai',
  huwa: 'hua',
  howa: 'hua',
  hoa: 'hua',
  me: 'mein',
  main: 'mein',
  mai: 'mein',
  men: 'mein',
  sy: 'se',
  say: 'se',
  kay: 'ke',
  ky: 'ke',
  k: 'ke',
};

/** The same as a Map, so a word like "constructor" is never read as an Object property. */
const ROMAN_CANONICAL: ReadonlyMap<string, string> = new Map(Object.entries(ROMAN_CANONICAL_SPELLINGS));

/** SMS spellings by word, as a Map for the same reason. */
const SMS_SPELLING_OF: ReadonlyMap<string, string> = new Map(Object.entries(SMS_SPELLINGS));

/** A word as compared inside phrases: short Roman function words by their usual spelling. */
function canonicalWord(token: string): string {
  return ROMAN_CANONICAL.get(token) ?? token;
}

/**
 * Whether a query word matches a phrase word: the same word, or the same phonetic key and, when that key
 * is too short to mean much, also one edit apart (gher≈ghar, but hua≠hai). An Urdu-script word of four letters
 * or more matches within one edit (a loanword spelt with an extra vowel letter, وائیٹ لسٹنگ; ب typed for پ, ورکنگ
 * گروب); the first word of the phrase is found by its skeleton.
 */
function phraseWordMatches(word: string, key: string, phrase: Phrase, offset: number): boolean {
  const expected = phrase.words[offset] as string;
  if (canonicalWord(word) === expected) return true;
  if (!isLatinWord(word)) return expected.length >= 4 && withinEdits(word, expected, 1);
  if (key !== phrase.keys[offset]) return false;
  return key.length >= 3 || withinEdits(word, expected, 1);
}

/** Consonant skeleton of an Urdu-script word (non-initial ا و ی ہ dropped), so تفصیل/تفصیلات-style spellings meet. */
export function urduSkeleton(token: string): string {
  if (token.length <= 2) return token;
  return token.charAt(0) + token.slice(1).replace(/[\u0627\u0648\u06CC\u06C1]/g, '');
}

/** Urdu verb/plural endings (in folded form: تے/تی→تی, نے/نی→نی, یں→ین, وں→ون) stripped for the phonetic key only. */
const URDU_ENDINGS = /(?:تی|تا|نی|نا|ین|ون|یان|وان|یی)$/;
/** Roman Urdu verb endings (samajhte/samajhna, milegi, karwaun…) stripped for the phonetic key only. */
const ROMAN_ENDINGS = /(?:enge|ega|egi|oge|ungi|unga|ein|ain|iye|ta|ti|te|na|ni|ne|oon|un)$/;

/** Strip a verb ending when a stem of at least three letters remains. */
function stripEnding(word: string, endings: RegExp): string {
  const stem = word.replace(endings, '');
  return stem.length >= 3 && stem !== word ? stem : word;
}

/**
 * Spelling- and inflection-tolerant key of a plain word (sees samajhte≈samajh, سمجھتے≈سمجھ). Keys under
 * three letters would lump unrelated words together, so such words keep their exact form.
 */
const wordPhon = memoizeWord((term: string): string => {
  const key = isLatinWord(term)
    ? phoneticKey(term.length >= 5 ? stripEnding(term, ROMAN_ENDINGS) : term)
    : urduSkeleton(term.length >= 5 ? stripEnding(term, URDU_ENDINGS) : term);
  return key.length >= 3 ? key : term;
});

/** Compile the concept table into lookup maps (pure; done once per process). */
function compileConcepts(concepts: Readonly<Record<string, readonly string[]>>): ConceptTables {
  const exact = new Map<string, string>();
  const phoneticCandidates = new Map<string, Map<string, string[]>>();
  const phraseLists = new Map<string, Phrase[]>();
  for (const [concept, variants] of Object.entries(concepts)) {
    for (const variant of variants) {
      const tokens = tokenize(searchKey(variant));
      if (tokens.length === 1) {
        const [token] = tokens as [string];
        if (!exact.has(token)) exact.set(token, concept);
        if (isLatinWord(token)) {
          const key = phoneticKey(token);
          const byConcept = phoneticCandidates.get(key) ?? new Map<string, string[]>();
          byConcept.set(concept, [...(byConcept.get(concept) ?? []), token]);
          phoneticCandidates.set(key, byConcept);
        }
      } else if (tokens.length > 1) {
        const keys = tokens.map(matchKey);
        const list = phraseLists.get(keys[0] as string) ?? [];
        list.push({ words: tokens.map(canonicalWord), keys, concept });
        phraseLists.set(keys[0] as string, list);
      }
    }
  }
  const phonetic = new Map<string, { concept: string; spellings: string[] }>();
  for (const [key, byConcept] of phoneticCandidates) {
    const [entry] = [...byConcept];
    if (byConcept.size === 1 && entry) phonetic.set(key, { concept: entry[0], spellings: entry[1] });
  }
  for (const list of phraseLists.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const stopwords = new Set<string>([...EN_STOPWORDS, ...ROMAN_STOPWORDS]);
  for (const word of [...UR_STOPWORDS_RAW, ...CONTEXT_WORDS_RAW]) for (const token of tokenize(searchKey(word))) stopwords.add(token);
  const romanStopwordsByKey = new Map<string, string[]>();
  for (const word of ROMAN_STOPWORDS) {
    const key = phoneticKey(word);
    romanStopwordsByKey.set(key, [...(romanStopwordsByKey.get(key) ?? []), word]);
  }
  return { exact, phonetic, phrases: phraseLists, stopwords, romanStopwordsByKey };
}

const TABLES: ConceptTables = compileConcepts(CONCEPTS);
const NOT_TYPOS: ReadonlySet<string> = new Set(NOT_TYPOS_RAW.map((word) => searchKey(word)));

/** "Because" in Roman Urdu and Urdu script, one word or two. */
const BECAUSE =
  /(?<![\p{L}\p{M}])(?:(?:kyun|kyon|kiun|kyu|kiu|q)\s?(?:ke|ki|k|kay|keh|kh)|کیونکہ|کیوں کہ|کیونکے|کیوں کے)(?![\p{L}\p{M}])/giu;

/** "Understanding does not come" — samajh nahi aa raha, سمجھ نہیں آیا, any tense: being at a loss, said of oneself. */
const CONFUSED =
  /(?<![\p{L}\p{M}])(?:samajh|samaj|samjh|سمجھ)\s+(?:nahi|nahin|nai|nhi|na|نہیں|نہ)\s+(?:aa|a|aata|ata|aati|ati|aate|ate|aaya|aya|aayi|ayi|aaye|آ|آتا|آتی|آتے|آیا|آئی|آئے)(?![\p{L}\p{M}])/giu;

/**
 * "At this time" — "is waqt / iss waqt / اس وقت" — is "now", a filler of time like "aaj" or "tonight" (`CONTEXT_WORDS_RAW`): it
 * says when the writer asks, not that the question is about time (وقت / waqt alone is `@time`: "kitna waqt lagega"). Round
 * twenty-four: with indirect questions read on their own, "kya WFH allowed hai is waqt" drew WFH's time-bound topics in.
 */
const AT_THIS_TIME = /(?<![\p{L}\p{M}])(?:is|iss|اس)\s+(?:waqt|wakt|وقت)(?![\p{L}\p{M}])/giu;

/**
 * What is left of an English contraction once the apostrophe splits it ("I'm", "we're", "I've", "you'll", "I'd", "doesn't"):
 * a pronoun's or a verb's ending, as much a function word as "am / are / have / will / would / not". Read alone, "m" is
 * the chat spelling of "mein" (ghar m kaam), a word of the KB's Roman Urdu examples.
 */
const CONTRACTION = /(?<=\p{L})['’](?:m|re|ve|ll|d|t)(?!\p{L})/giu;

/** Rewrite things that are not words into words the tables know; also keeps personal data out of keys. */
export function maskSpecialTokens(text: string): string {
  return (
    text
      .replace(CONTRACTION, ' ')
      .replace(/\b(?:WL|WFH)-?[A-Z0-9]{4,}\b/gi, ' reference ')
      .replace(/\b\d{5}-?\d{7}-?\d\b/g, ' cnic ')
      .replace(/(?:\+92|\b0)3\d{2}[- ]?\d{7}\b/g, ' phone ')
      .replace(/\bIT\b/g, ' @it ')
      .replace(/\b24\s*[/x]\s*7\b/gi, ' 247 ')
      // "kyunke" / "کیونکہ" is "because", not the question word "kyun" / "کیوں" (why).
      .replace(BECAUSE, ' because ')
      // "I can't make sense of it" (سمجھ نہیں آ رہا, samajh nahi aata) is how the writer feels, not understanding a language.
      .replace(CONFUSED, ' ')
      .replace(AT_THIS_TIME, ' ')
  );
}

/** Tokens with each group of concepts that names another idea together (`IMPLIED_CONCEPTS`, unless a concept of its `unless` is there) replaced by that idea. */
export function withImpliedConcepts(tokens: readonly AnalyzedToken[]): AnalyzedToken[] {
  const terms = new Set(tokens.map((t) => t.term));
  const rules = IMPLIED_CONCEPTS.filter((rule) => rule.all.every((c) => terms.has(c)) && !(rule.unless ?? []).some((c) => terms.has(c)));
  if (rules.length === 0) return [...tokens];
  const consumed = new Set(rules.flatMap((rule) => rule.all));
  const kept = tokens.filter((t) => !consumed.has(t.term));
  const implied = [...new Set(rules.map((rule) => rule.implies))].filter((term) => !kept.some((t) => t.term === term));
  return [...kept, ...implied.map((term) => ({ term, phon: term }))];
}

/** Levenshtein distance (small words only, so the quadratic table is fine). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Whether two words are at most `max` edits apart; one edit is checked in one pass, without the table. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  return max === 1 ? withinOneEdit(a, b) : editDistance(a, b) <= max;
}

/** `editDistance(a, b) <= 1` in linear time: skip the common prefix, then the rest must match after one edit. */
function withinOneEdit(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  if (i === short.length) return long.length - short.length <= 1;
  const rest = short.length === long.length ? i + 1 : i;
  return short.slice(rest) === long.slice(i + 1);
}

/** Words of every deletion-by-one variant, for edit-distance-1 look-ups without scanning the vocabulary. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** The direct form of an Urdu noun in -ہ from its oblique or plural in -ے (folded to -ی): عملے → عملہ, ادارے → ادارہ. */
function urduDirectForm(word: string): string {
  return word.length >= 3 && word.endsWith('\u06CC') ? `${word.slice(0, -1)}\u06C1` : word;
}

/** An English -ly adverb ("honestly", "currently"): mood and manner, never the subject. Roman Urdu words do not end in -ly. */
function isEnglishAdverb(word: string): boolean {
  return word.length >= 7 && word.endsWith('ly');
}

/** A letter typed three times or more is one letter ("plzzz", "helpppp", "pleeease"): chat emphasis, not spelling. */
function squeezeRepeats(word: string): string {
  return isLatinWord(word) ? word.replace(/([a-z])\1{2,}/g, '$1') : word;
}

/** A word with its vowels dropped: the skeleton chat writers type ("mtlb" for matlab, "jldi" for jaldi). */
function devowel(word: string): string {
  return word.replace(/[aeiou]/g, '');
}

/** Written as a skeleton: Latin, three letters or more, no vowel but perhaps a last one ("mtlb", "jldi", "ghlti"). */
function isChatSkeleton(word: string): boolean {
  return word.length >= 3 && /^[^aeiou]+[aeiou]?$/.test(word) && devowel(word).length >= 3;
}

/** Whether `short` is `long` with letters deleted, in order (only vowels, when both have the same skeleton). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const letter of long) if (letter === short[i]) i += 1;
  return i === short.length;
}

/** ا و ی: written twice in real words (نئے is نیی once hamza seats are folded), never read as a key pressed twice. */
const URDU_VOWEL_LETTERS: ReadonlySet<string> = new Set(['\u0627', '\u0648', '\u06CC']);

/**
 * ے and ں end an Urdu word and nothing else: followed by a letter, they mark a space the writer left out (کرسکتےہیں, کیسےکریں,
 * ہیںکیا). Read before the lossy folds turn them into ی and ن, which stand inside words too.
 */
const WORD_END_LETTER = /([\u06D2\u06D3\u06BA])(?=[\u0620-\u064A\u066E-\u06D3\u06D5])/g;

function splitAtWordEnds(text: string): string {
  return text.replace(WORD_END_LETTER, '$1 ');
}

/**
 * Inflectional endings of Urdu nouns and verbs, as search keys fold them (ے → ی, ں → ن, ئ → ی, ؤ → و), longest first: plurals
 * and obliques (ایجنٹوں، درخواستیں، لڑکیاں، تفصیلات, -ے), infinitives (کھولنا، بھیجنی، -نے), the imperfective (چلاتا، لکھتی، -تے), the
 * perfective (بھیجا، بیٹھی، بتایا، -ئے), the subjunctive and the imperative (پوچھوں، بھیجیں، بتائیں، بتاؤ).
 */
const URDU_INFLECTIONS: readonly string[] = ['یان', 'یون', 'یین', 'یا', 'یی', 'ون', 'ین', 'ات', 'نا', 'نی', 'تا', 'تی', 'ی', 'ا', 'و'];

/** Minimum length before a word is trusted to typo-match (short words have too many neighbours). */
function fuzzyEligible(word: string): boolean {
  return isLatinWord(word) ? word.length >= 5 : word.length >= 4;
}

/**
 * Turns text into concept and word tokens. Built with the known vocabulary so an unknown word
 * one edit away from a known one ("whitelsting") is read as that word.
 */
export class Analyzer {
  private readonly fuzzy = new Map<string, Set<string>>();
  private readonly fuzzyTargets = new Map<string, AnalyzedToken>();
  /** Skeleton (vowels dropped) → the known Latin words with it, and what each reads as (undefined: a function word). */
  private readonly skeletons = new Map<string, { word: string; token: AnalyzedToken | undefined }[]>();
  /** `resolve` per word (not an acronym): the same word always reads the same with this vocabulary. */
  private readonly resolveWord = memoizeWord((word: string) => this.resolve(word, false));
  /**
   * Urdu-script words of the example questions. A message's Urdu word is read as an inflected form of a listed word
   * (`inflected`) only when it is none of these; an analyser built without a vocabulary — the one that reads the KB's own
   * questions — reads every word as written, so the index is what the example questions say.
   */
  private readonly urduWords = new Set<string>();
  /** `inflected` per word, for an analyser with a vocabulary (the message's words): asked when gluing and when resolving. */
  private readonly inflectedWord = memoizeWord((word: string) =>
    !isLatinWord(word) && this.urduWords.size > 0 && !this.urduWords.has(word) ? this.inflected(word) : undefined,
  );

  constructor(vocabulary: Iterable<AnalyzedToken> = []) {
    const addSkeleton = (word: string, token: AnalyzedToken | undefined): void => {
      if (!isLatinWord(word) || word.length < 3) return;
      const key = devowel(word);
      this.skeletons.set(key, [...(this.skeletons.get(key) ?? []), { word, token }]);
    };
    for (const [word, concept] of TABLES.exact) addSkeleton(word, { term: concept, phon: concept });
    for (const word of TABLES.stopwords) addSkeleton(word, undefined);
    const add = (word: string, token: AnalyzedToken): void => {
      if (!fuzzyEligible(word)) return;
      this.fuzzyTargets.set(word, token);
      for (const key of [word, ...deletions(word)]) {
        this.fuzzy.set(key, (this.fuzzy.get(key) ?? new Set<string>()).add(word));
      }
    };
    for (const [word, concept] of TABLES.exact) add(word, { term: concept, phon: concept });
    for (const token of vocabulary) {
      if (token.term.startsWith('@')) continue;
      if (!isLatinWord(token.term)) this.urduWords.add(token.term);
      add(token.term, token);
      addSkeleton(token.term, token);
    }
  }

  /** Analyse text into unique tokens, concepts first matched as phrases, function words dropped. */
  analyze(text: string): AnalyzedToken[] {
    const words = tokenize(searchKey(splitAtWordEnds(maskSpecialTokens(normalizeText(text)))))
      .map(squeezeRepeats)
      .map((word) => SMS_SPELLING_OF.get(word) ?? word)
      .flatMap((word) => this.unglue(word));
    const keys = words.map(matchKey);
    const out = new Map<string, AnalyzedToken>();
    // A plain word just before a subject concept owns it when a genitive particle links them ("police ki helpline")
    // or when it is written as an acronym ("NADRA helpline"); an English adjective ("current status") does not.
    const acronyms = new Set((text.match(/\b[A-Z]{3,}\b/g) ?? []).map((word) => searchKey(word)));
    let owner: { token: AnalyzedToken; linked: boolean } | undefined;
    // After a subject, "of" (and a determiner) hands the subject to the plain word that follows: "helpline of my bank".
    let owned: 'subject' | 'of' | undefined;
    const push = (token: AnalyzedToken): void => {
      const plain = !token.term.startsWith('@');
      if ((owner && SUBJECT_CONCEPTS.has(token.term) && (owner.linked || acronyms.has(owner.token.term))) || (owned === 'of' && plain)) {
        const whose = owned === 'of' && plain ? token : (owner as { token: AnalyzedToken }).token;
        out.set(whose.term, { ...whose, owner: true });
      }
      owned = SUBJECT_CONCEPTS.has(token.term) ? 'subject' : owned === 'of' && token.term === '@mine' ? 'of' : undefined;
      owner = plain ? { token, linked: false } : undefined;
      if (!out.has(token.term)) out.set(token.term, token);
    };
    const skip = (word: string): void => {
      if (owner && GENITIVES.has(word)) owner = { token: owner.token, linked: true };
      else owner = undefined;
      if (owned === 'subject' && word === OF) owned = 'of';
      else if (owned !== 'of' || !OWNER_DETERMINERS.has(word)) owned = undefined;
    };
    let i = 0;
    while (i < words.length) {
      const phrase = (TABLES.phrases.get(keys[i] as string) ?? []).find((p) =>
        p.keys.every((_key, offset) => {
          const word = words[i + offset];
          return word !== undefined && phraseWordMatches(word, keys[i + offset] as string, p, offset);
        }),
      );
      if (phrase) {
        push({ term: phrase.concept, phon: phrase.concept });
        i += phrase.keys.length;
        continue;
      }
      const token = this.single(words[i] as string, acronyms);
      if (token) push(token);
      else skip(words[i] as string);
      i += 1;
    }
    return withImpliedConcepts([...out.values()]);
  }

  /**
   * Urdu typed without the space between two words (کیسےکریں, کیلیے): split where both halves are known words, function words
   * or concepts; anything else stays one word. A letter typed twice that makes a known word unknown (باتت) is read once.
   */
  private unglue(word: string): string[] {
    if (isLatinWord(word) || this.isKnown(word)) return [word];
    const single = this.undoubled(word);
    if (single) return [single];
    if (word.length < 5) return [word];
    // An inflected form of a listed word is one word, not two glued ones: بھیجی (sent) is not بھی + جی, سمجھانا not سمجھ + انا.
    if (this.inflectedWord(word)) return [word];
    for (let cut = 2; cut <= word.length - 2; cut += 1) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      if (this.isKnown(head) && this.isKnown(tail)) return [head, tail];
    }
    return [word];
  }

  /**
   * An Urdu word with a consonant typed twice in a row (باتت for بات: the key pressed twice), read as the known word it is with
   * that letter once. ا و ی are left alone: they stand twice in real words (نئے folds to نیی).
   */
  private undoubled(word: string): string | undefined {
    for (let i = 1; i < word.length; i += 1) {
      if (word[i] !== word[i - 1] || URDU_VOWEL_LETTERS.has(word[i] as string)) continue;
      const single = word.slice(0, i) + word.slice(i + 1);
      if (this.isKnown(single)) return single;
    }
    return undefined;
  }

  private isKnown(word: string): boolean {
    return TABLES.exact.has(word) || TABLES.stopwords.has(word) || this.fuzzyTargets.has(word) || PHRASE_WORDS.has(word);
  }

  /** One word of a message; an acronym ("FBR") is never read as a chat skeleton. */
  private single(word: string, acronyms: ReadonlySet<string>): AnalyzedToken | undefined {
    return acronyms.has(word) ? this.resolve(word, true) : this.resolveWord(word);
  }

  /** Resolve one word: concept table, stopword, English stem, phonetic key, typo, or itself. */
  private resolve(word: string, acronym: boolean): AnalyzedToken | undefined {
    const concept = TABLES.exact.get(word);
    if (concept) return { term: concept, phon: concept };
    if (TABLES.stopwords.has(word)) return undefined;
    if (NOT_TYPOS.has(word)) return { term: word, phon: word };
    const latin = isLatinWord(word);
    const stem = latin ? englishStem(word) : word;
    // "telling", "keeps", "asked": an inflected English function word is still one; so is an adverb of manner or mood
    // ("honestly", "actually", "currently") — none of them says what a question is about.
    if (latin && ((stem !== word && stem.length >= 3 && EN_STOPWORDS.has(stem)) || isEnglishAdverb(word))) return undefined;
    const byStem = TABLES.exact.get(stem) ?? (latin ? this.byPhonetic(word) : TABLES.exact.get(urduDirectForm(word)));
    if (byStem) return { term: byStem, phon: byStem };
    if (latin && this.isRomanStopwordVariant(word)) return undefined;
    if (/^\d+$/.test(word)) return { term: word, phon: word };
    const skeleton = latin && !acronym ? this.bySkeleton(word) : undefined;
    if (skeleton) return skeleton.token;
    const inflected = this.inflectedWord(word);
    if (inflected) return inflected.token;
    const typo = this.typo(word);
    if (typo) return typo;
    return { term: stem, phon: wordPhon(stem) };
  }

  /**
   * A chat skeleton ("mtlb", "jldi", "thk") read as the one known word it is that word with vowels dropped — a concept, a
   * KB word or a function word (`token` undefined) — when all such words read the same. Acronyms ("FBR") are left alone.
   */
  private bySkeleton(word: string): { token: AnalyzedToken | undefined } | undefined {
    if (!isChatSkeleton(word)) return undefined;
    const matches = (this.skeletons.get(devowel(word)) ?? []).filter((known) => known.word !== word && isSubsequence(word, known.word));
    const readings = new Set(matches.map((known) => known.token?.term ?? ''));
    const [first] = matches;
    return first && readings.size === 1 ? { token: first.token } : undefined;
  }

  /**
   * An Urdu word neither the tables nor the example questions hold, read as another form of a word the tables list: its
   * inflectional ending (`URDU_INFLECTIONS`) taken off, the stem alone or with another ending is a concept or a function word
   * (`token` undefined) — شہروں as شہر (@city), حکومتی as حکومت (@ministry), پوچھوں as پوچھنا, the subjunctive جانوں ("میں کیسے
   * جانوں") as the function word جاننا — when every such reading is the same. Not as a word of the example questions: read as
   * their forms, words of one topic's scene moved answers both ways (README, round twenty-two). A one-letter stem says nothing.
   */
  private inflected(word: string): { token: AnalyzedToken | undefined } | undefined {
    if (word.length < 3) return undefined;
    const readings = new Map<string, AnalyzedToken | undefined>();
    for (const ending of URDU_INFLECTIONS) {
      if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
      const stem = word.slice(0, -ending.length);
      for (const form of [stem, ...URDU_INFLECTIONS.map((other) => stem + other)]) {
        if (form === word) continue;
        const concept = TABLES.exact.get(form);
        if (concept) readings.set(concept, { term: concept, phon: concept });
        else if (TABLES.stopwords.has(form)) readings.set('', undefined);
      }
    }
    const [only] = readings.keys();
    return readings.size === 1 && only !== undefined ? { token: readings.get(only) } : undefined;
  }

  /** An unlisted spelling of a Roman Urdu function word (saktay for sakte), by phonetic key and edit distance. */
  private isRomanStopwordVariant(word: string): boolean {
    const key = phoneticKey(word);
    const spellings = key.length >= 3 && word.length >= 4 ? TABLES.romanStopwordsByKey.get(key) : undefined;
    const tolerance = word.length >= 6 ? 2 : 1;
    return spellings?.some((spelling) => withinEdits(word, spelling, tolerance)) ?? false;
  }

  /**
   * Concept whose Latin spelling sounds the same and is also spelt alike (edit distance ≤ 1, or 2 from six letters): the key alone
   * is too lossy (gaari/ghar → "gr", biryani/bharni → "brn").
   */
  private byPhonetic(word: string): string | undefined {
    const entry = word.length >= 4 ? TABLES.phonetic.get(phoneticKey(word)) : undefined;
    const tolerance = word.length >= 6 ? 2 : 1;
    // A three-letter spelling is too short to tell a variant from another word (nice is not nic).
    return entry?.spellings.some((spelling) => spelling.length >= 4 && withinEdits(word, spelling, tolerance)) ? entry.concept : undefined;
  }

  /** The single known word within one edit of `word`, if exactly one exists. */
  private typo(word: string): AnalyzedToken | undefined {
    if (!fuzzyEligible(word) || this.fuzzyTargets.has(word)) return undefined;
    const candidates = new Set<string>();
    for (const key of [word, ...deletions(word)]) for (const c of this.fuzzy.get(key) ?? []) candidates.add(c);
    const resolved = new Map<string, AnalyzedToken>();
    for (const c of candidates) {
      const target = this.fuzzyTargets.get(c);
      if (target) resolved.set(target.term, target);
    }
    return resolved.size === 1 ? [...resolved.values()][0] : undefined;
  }
}
