import { searchKey, tokenize } from './normalize';
import type { FaqLanguage } from './types';

/** What the Arabic-script part of a message is written in. */
export type ArabicScriptLanguage = 'ur' | 'ar' | 'fa' | 'unknown';

/** Letters Urdu has and Arabic and Persian do not (ٹ ڈ ڑ ں ے ھ ہ ۂ ۓ). */
const URDU_ONLY_LETTERS = /[\u0679\u0688\u0691\u06BA\u06D2\u06BE\u06C1\u06C2\u06D3]/g;
/** Arabic-only letters: teh marbuta and alef maksura (Urdu keyboards never produce them). */
const ARABIC_ONLY_LETTERS = /[\u0629\u0649]/g;
const ARABIC_SCRIPT_LETTERS = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F]/g;
const LATIN_LETTERS = /[A-Za-z]/g;

/** Frequent Urdu function words, as search keys (so Arabic-keyboard spellings count too). */
const URDU_WORDS: ReadonlySet<string> = new Set(
  tokenize(searchKey('کیا ہے ہیں میں سے کا کی کے کو اور نہیں یہ وہ کر کیسے کون کب کہاں کتنا ہوں ہو گا گی لیے مجھے میرا میری آپ ہم')),
);
/** Frequent Arabic function words and forms. */
const ARABIC_WORDS: ReadonlySet<string> = new Set(
  'في من على إلى الى عن هل ما ماذا هذا هذه كيف متى أين اين لماذا هو هي أنا انا نحن التي الذي مع لا نعم كان يمكن أريد اريد'.split(' '),
);
/** Frequent Persian function words. */
const PERSIAN_WORDS: ReadonlySet<string> = new Set(
  'است را می‌خواهم میخواهم چه این آن برای آیا هست نیست چطور چگونه کنم کنید من شما ما هستم هستید باید دارم دارید چیست کجا'.split(' '),
);

/** Roman Urdu function words and very common content words (exact spellings, many variants). */
const ROMAN_MARKERS: ReadonlySet<string> = new Set(
  (
    'kya kia kiya kyaa kb hai hain hy hay hein ka ki ke ko se sy mein mai nahi nahin nai aur bhi ye yeh wo woh hota hoti hote hoga hogi ' +
    'hongi honge kaise kese kaisay kesay kab kahan kyun kyon kon kaun koun kitna kitne kitni sakta sakti sakte skte karna karni karne ' +
    'karta karti karte karun karein karen krain karo kar kr raha rahi rahe gaya gayi gaye jata jati jaye mujhe mera meri mere apna ' +
    'apni apne hum hamara hamari aap ap tum liye lie chahiye chahye chaiye chahta batao batayen batayein dein dena deni lena milega ' +
    'milegi ijazat darkhwast darkhast maloomat tareeqa shukriya ji jee wala wali wale abhi yahan kuch koi toh baat ghar kaam hun hoon ' +
    'tak bata do de dijiye hoga lagega lagta mil sakun ya kis kin ne tha thi thay gi ga gy wahan kidhar kyon jeeta jeeti ' +
    'jawab sawal madad bohat bahut zyada acha achha theek sahi zaroor zaroori kal aaj phir lekin magar sirf sab pata bilkul'
  ).split(/\s+/),
);
/** English function words that Roman Urdu does not use. */
const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  (
    'the is are was were what how does did can could would should will i my you your it this that these there please need want get ' +
    'a an of for with who where when which whom be am after about have has from and not any much many long tell know give my our ' +
    'we us they their if or at on by do does doing done should than then also them any'
  ).split(/\s+/),
);
/** Roman Urdu verb forms: a stem followed by an Urdu ending (karwana, milegi, sakti, hongi…). */
const ROMAN_VERB =
  /^(kar|karw|kr|ho|ja|mil|d|l|reh|rah|sak|lag|ban|chal|bat|dekh|bhej|likh|puch|pooch|samajh|badl|nikal)(na|ni|ne|ta|ti|te|ega|egi|enge|ein|en|ain|un|oon|iye|ayen|ayein|ao|aun|wao|wa|wana|wani|wane|ay)$/;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Tell Urdu from Arabic and Persian in Arabic-script text by Urdu-only letters and function words. */
export function classifyArabicScript(text: string): ArabicScriptLanguage {
  const raw = text.normalize('NFC');
  const words = raw.split(/[^\p{L}\u200C]+/u).filter(Boolean);
  const urdu = count(raw, URDU_ONLY_LETTERS) * 2 + tokenize(searchKey(raw)).filter((w) => URDU_WORDS.has(w)).length;
  const arabic =
    count(raw, ARABIC_ONLY_LETTERS) * 2 +
    words.filter((w) => ARABIC_WORDS.has(w)).length +
    words.filter((w) => w.startsWith('ال') && w.length > 3).length;
  const persian = words.filter((w) => PERSIAN_WORDS.has(w.replace(/\u200C/g, ''))).length + count(raw, /\u0698/g);
  if (urdu === 0 && arabic === 0 && persian === 0) return 'unknown';
  if (urdu >= arabic && urdu >= persian) return 'ur';
  return arabic >= persian ? 'ar' : 'fa';
}

type Marker = 'urdu' | 'english' | 'neither';

/** A Latin word of a text and how it is marked. */
interface MarkedWord {
  readonly word: string;
  readonly mark: Marker;
}

/** Latin words of a text (lower-cased), each marked Roman Urdu, English or neither. An acronym ("IT", "PSEB") is no English word. */
function markedWords(text: string): MarkedWord[] {
  return (text.match(/[A-Za-z']+/g) ?? []).map((raw) => {
    const word = raw.toLowerCase();
    if (raw.length > 1 && raw === raw.toUpperCase()) return { word, mark: 'neither' };
    const urdu = ROMAN_MARKERS.has(word) || ROMAN_VERB.test(word);
    const english = ENGLISH_MARKERS.has(word);
    if (urdu && !english) return { word, mark: 'urdu' };
    return { word, mark: english && !urdu ? 'english' : 'neither' };
  });
}

/** Score Latin text as Roman Urdu (positive) or English (negative). */
export function romanUrduScore(text: string): number {
  return markedWords(text).reduce((score, { mark }) => score + (mark === 'urdu' ? 1 : mark === 'english' ? -1 : 0), 0);
}

/** A thank-you is no English sentence of its own ("…request deni hai. Thank you so much"). */
const COURTESY = /\b(?:thank|thanks|thankyou|regards|welcome)\b/i;
/** English function words that are also Roman Urdu ones ("is saal", "us ke baad"): alone they make no English clause. */
const SHARED_WORDS: ReadonlySet<string> = new Set(['is', 'us']);
/** A writer's name and place ("Aoa, Kashif from Lahore Township. …", "Salam from Turbat"): a signature in any language. */
const SIGNATURE = /^\s*\p{L}+\s+from\s+/iu;

/**
 * Whether a message written half in Roman Urdu carries an English sentence of its own: a clause of three words or more
 * with English function words and no Roman Urdu one ("…kaun kaun se organisations hain, please list them", "need to call
 * urgently"), or two English function words in a row ("kya hai exactly for a call centre?"). Such messages are labelled
 * by the language of that sentence, English; Roman Urdu grammar with English nouns ("WFH request kaise submit karun?")
 * has neither. A signature ("Kashif from Lahore") is no English sentence.
 */
function hasEnglishSentence(text: string): boolean {
  return text
    .split(/[.,;:!?\n]+/)
    .filter((clause) => !COURTESY.test(clause))
    .some((clause) => {
      const marked = markedWords(clause.replace(SIGNATURE, ''));
      const ownEnglish = marked.some(({ word, mark }) => mark === 'english' && !SHARED_WORDS.has(word));
      if (marked.length >= 3 && ownEnglish && marked.every(({ mark }) => mark !== 'urdu')) return true;
      let run = 0;
      for (const { mark } of marked) {
        if (mark === 'urdu') run = 0;
        else if (mark === 'english' && (run += 1) >= 2) return true;
      }
      return false;
    });
}

/** Words of a message that contain Arabic-script letters, and all its words. */
function scriptWords(text: string): { arabic: string[]; total: number } {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}@\u200C]+/u)
    .filter((w) => /\p{L}/u.test(w));
  return { arabic: words.filter((w) => /[\u0600-\u06FF\u0750-\u077F]/.test(w)), total: words.length };
}

/**
 * Detect the language of a message: `ur` for Urdu script, `ur-Latn` for Roman Urdu, `en` for English.
 *
 * The rule for mixed scripts, by words rather than letters: a message is Urdu script when it has at least
 * two Arabic-script words and either one of them is an Urdu function word (کی، کیا، ہے، میں، کیسے…) or they make
 * up at least a third of its words — so "WFH request کہاں submit کرنی ہے؟" (Urdu grammar, English terms) is
 * `ur`, while an English question with a single Urdu word ("how do I apply? شکریہ") is judged on its Latin
 * words. The user's previous language breaks ties; Arabic or Persian text is not Urdu, so it keeps the
 * previous language (or English) rather than being answered as Urdu.
 */
export function detectLanguage(text: string, previous?: FaqLanguage): FaqLanguage {
  const arabicLetters = count(text, ARABIC_SCRIPT_LETTERS);
  const latinLetters = count(text, LATIN_LETTERS);
  if (arabicLetters > 0) {
    const { arabic, total } = scriptWords(text);
    const urduGrammar = tokenize(searchKey(arabic.join(' '))).some((w) => URDU_WORDS.has(w));
    const mostlyArabic = arabicLetters >= latinLetters;
    if (mostlyArabic || (arabic.length >= 2 && (urduGrammar || arabic.length * 3 >= total))) {
      const script = classifyArabicScript(text);
      if (script === 'ur' || script === 'unknown') return 'ur';
      if (mostlyArabic) return previous ?? 'en';
    }
  }
  if (latinLetters === 0) return previous ?? 'en';
  const score = romanUrduScore(text);
  if (score > 0 && hasEnglishSentence(text)) return 'en';
  if (score > 0) return 'ur-Latn';
  if (score < 0) return 'en';
  return previous ?? 'en';
}
