/**
 * Where the question sits in a message. People write "Salam sir, we are a 60 seat BPO in Multan and
 * transport is closed. How do we get permission to stay open? Thanks, Bilal": the greeting, the company
 * context and the sign-off are not the question. The message is cut into sentences and clauses, and each
 * of them — plus each clause together with the one before it, for questions that lean on their context
 * ("…transport band hai, iske liye request kahan deni hai?") — is scored on its own. A view's score does
 * not depend on how much else the message says, so a long message is judged on its best part.
 */
import { normalizeText } from './normalize';

/** Enough parts for a long message (about eight clauses); beyond it the last ones are kept (the question usually ends a message). */
const MAX_PARTS = 24;

/** Sentence ends: . ! ? and line breaks (Urdu ۔ and ؟ are already ASCII after normalizeText), but not "P@SHA"-style or decimal dots. */
const SENTENCE_END = /(?<=[!?\n])|(?<=\.)(?!\d)/;
/**
 * Clause breaks inside a sentence: commas, semicolons, dashes between words, and a colon that introduces what follows
 * ("I want to get the basics right: what is PSEB?"), not one inside a time ("10:30").
 */
const CLAUSE_BREAK = /[,;]|:(?!\d)|\s[-–—]\s/;
/**
 * Words that ask or request wherever they stand in a clause: Urdu and Roman Urdu question and request words, and
 * English requests (as written after normalisation; English wh-words are concepts, see `ASKING_CONCEPTS`).
 */
export const ASKING_WORDS =
  /(?:^|[^\p{L}])(?:please|kindly|guide|need|want|wanted|wondering|know|jaanna|janna|rehnumai|rahnumai|kya|kia|kiya|kaise|kese|kaisay|kesy|kahan|kaha|kab|kaun|kon|kis|kitna|kitni|kitne|chahiye|chahye|chaiye|batayen|batain|bata|dein|dijiye|کیا|کیسے|کہاں|کب|کون|کس|کتنا|کتنی|کتنے|چاہیے|چاہئے|بتائیں|بتا|دیں|دیجیے|جاننا|رہنمائی)(?=$|[^\p{L}])/iu;
/**
 * Requests by the form of the verb, wherever they stand: polite and familiar imperatives — Roman Urdu "-iye / -ijiye /
 * -ayein / -aen" (bataiye, samjhaiye, kijiye, batayein, karwaen) and "-ao" after a stem of three letters or more (batao,
 * samjhao, karwao; "jao" and "aao" are movement, not requests), Urdu "-ائیں / -ائیے / -یجیے" after two letters or more
 * (سمجھائیں، کروائیں، فرمائیے، کیجیے; "جائیں" and "آئیں" are movement), the polite imperative of "to do" that makes a request of
 * any noun ("اردو میں ہی کریں", "رہنمائی کریں", "guide karein"; not the future "کریں گے / karenge"), the familiar imperative of
 * "dena / دینا" after the verbs of telling, giving, sending, writing, doing, explaining and showing ("list de do", "bata do",
 * "بھیج دو"; "do" alone is also two) — and the English "if you could / can / would /
 * kindly" of "I would be grateful if you could explain…".
 */
export const REQUEST_FORMS =
  /(?:^|[^\p{L}])(?:\p{L}{2,}(?:aiye|iye|ijiye|ayein|ayen|aein|aen)|\p{L}{3,}ao|[\u0600-\u06FF]{2,}(?:ائیں|ائیے|یجیے|یجئے)|(?:bata|de|bhej|likh|kar|samjha|dikha|بتا|دے|بھیج|لکھ|کر|سمجھا|دکھا)\s+(?:do|دو)|(?:کریں|karein|karen|karain|kren)(?!\s+(?:گے|گی|ge|gay|gi))|if\s+you\s+(?:could|can|would|kindly|please))(?=$|[^\p{L}])/iu;

/**
 * A need to do something, stated at the end of a clause: the infinitive with "hai / ہے" ("mujhe insaan se baat karni hai",
 * "WFH ki request dalni hai", "وائٹ لسٹنگ کروانی ہے"). Said to a help desk it is a request, as "I want to…" is, so the
 * clause asks even without a question mark (round eleven).
 */
export const NEED_TO_DO = /(?:^|[^\p{L}])(?:\p{L}{2,}(?:na|ni|ne)\s+(?:hai|hain|hay|hy|h)|[\u0600-\u06FF]{2,}(?:نا|نی|نے)\s+(?:ہے|ہیں))$/iu;

/**
 * A request that opens by pointing back — "to / ye / wo / us…" in Roman Urdu, "تو / یہ / وہ / اس / ان…" in Urdu — asks for
 * what the clause before it said: "Jo jo form mein bharna hai, wo ek jagah bata dein", "Address badalna hai, to bata dein
 * kaise karna hoga", "جو ادارے بیٹھے ہیں ان کے نام بتا دیں", "ریفرنس نمبر یہ رہا، اس کی موجودہ صورتحال بتا دیں" (round twelve).
 * "is liye / اس لیے" (therefore) gives a reason; it points at nothing.
 */
export const POINTS_BACK =
  /^(?:(?:to|tou|toh|tu|phir|zara|ab)\s+)*(?:to|tou|toh|ye|yeh|yah|wo|woh|voh|us|uska|uski|uske|is|iska|iski|iske|un|unka|unki|unke|ان|اس|تو|یہ|وہ|ذرا|پھر)(?=$|[^\p{L}])(?!\s+(?:liye|lie|leye|لیے|لئے))/iu;

/**
 * Verbs of asking and coming to know, in the forms that frame an indirect question ("poochna / pooch raha / puchna", "jan'na /
 * jaanna / janna", "maloom / pata karun", "clear karna", "confirm karna", "پوچھنا", "جاننا", "معلوم کرنا"), and the auxiliaries that may
 * follow them before the "ke / کہ" (round twenty-four).
 */
const KNOWING_VERB = String.raw`(?:(?:pooch|puch|poochh|puchh)(?:na|ni|ne|un|oon)|(?:jaan|jan)(?:'?na|nna|ni|ne|un|oon)|(?:maloom|malum|pata|معلوم|پتا|پتہ)\s+(?:karna|karni|karne|karun|karoon|karu|کرنا|کرنی|کرنے|کروں)|clear|confirm|پوچھن[اےی]|پوچھوں|جانن[اےی]|جانوں)`;
const KNOWING_AUX = String.raw`(?:\s+(?:chahta|chahti|chahte|chahtay|tha|thi|the|thay|karun|karoon|karu|karna|karni|chahiye|hai|hain|چاہتا|چاہتی|چاہتے|تھا|تھی|تھے|کروں|کرنا|کرنی|ہے|ہیں))`;

/**
 * Roman Urdu and Urdu join a statement to the question it frames with "ke / کہ" (that) and no comma: "mera sawal ye hai ke
 * kya whitelisting ki request isi chat mein ho jati hai", "Readers ko samjhana hai ke call centers ki whitelisting kya hai",
 * "قارئین کے لیے بتائیں کہ اس کا مقصد اور کام کیا ہے". After "hai / hain / ہے / ہیں / ہوں" or a request ("bata dein ke…",
 * "بتائیں کہ") "ke" cannot be the genitive (that follows a noun), so the clause is cut before it — when what follows asks in
 * words: in "koi aisa tareeqa hai ke … visa jaldi mil jaye?" the frame itself is the question. After the writer's own verb of
 * asking or coming to know ("ye poochna tha ke", "jaanna chahta tha ke", "مجھے یہ جاننا تھا کہ"; `KNOWING_VERB`) it is cut too,
 * whatever follows (round twenty-four); a reported question ("client ne poocha ke…") is not the writer's frame.
 */
const COMPLEMENTISER = new RegExp(
  String.raw`\s(?<=(?:^|\s)(?:hai|hain|hay|hy|he|h|dein|dijiye|batayen|bataiye|bataen|ہے|ہیں|ہوں|دیں|بتائیں|بتائیے)\s)(?=(?:ke|k|keh|kay|ky|کہ)\s)|\s(?<=(?:^|[^\p{L}])${KNOWING_VERB}${KNOWING_AUX}*\s)(?=(?:ke|k|keh|kay|ky|کہ)\s)`,
  'iu',
);

/**
 * The frame of an indirect question — a verb of asking or coming to know ("ye poochna tha ke…", "main jan'na chahta tha ke…",
 * "ye maloom karun ke…", "مجھے یہ جاننا تھا کہ…") — makes the clause after its "ke / کہ" a question even without a question
 * word: "…ke choti companies bhi shamil ho sakti hain ya nahi" asks whether (round twenty-four).
 */
const KNOWING_FRAME = new RegExp(String.raw`(?:^|[^\p{L}])${KNOWING_VERB}${KNOWING_AUX}*$`, 'iu');

/** A piece of a sentence, whether it is the frame of a question cut off after it ("… bata dein" before "ke …"), and whether it states a purpose. */
interface Piece {
  readonly text: string;
  readonly frame: boolean;
  readonly purpose?: boolean;
  /** The question an indirect-question frame introduces ("…poochna tha" before "ke …"): it asks whatever its words. */
  readonly asked?: boolean;
}

/**
 * "So that / taake / تاکہ" opens the purpose of a question, not the question: "…kaise apply karein taake kaam jari rahe?",
 * "…وہ بتا دیں تاکہ ایک شیٹ بنا لوں". The clause is cut before it; the purpose never takes its sentence's "?" (round eighteen).
 */
const PURPOSE = /^(?:taake|taakay|takay|taki|takey|تاکہ|so\s+that)(?=$|[^\p{L}])/iu;
const BEFORE_PURPOSE = /\s(?=(?:taake|taakay|takay|taki|takey|تاکہ|so\s+that)(?:$|[^\p{L}]))/iu;

/** A piece cut before the purpose it states, if any; the purpose (and a clause that opens with one) is marked. */
function splitPurpose(piece: Piece): Piece[] {
  const at = piece.text.search(BEFORE_PURPOSE);
  const pieces =
    at > 0
      ? [
          { text: piece.text.slice(0, at).trim(), frame: piece.frame },
          { text: piece.text.slice(at + 1).trim(), frame: false },
        ]
      : [piece];
  return pieces.map((p) => (PURPOSE.test(p.text) ? { ...p, purpose: true } : p));
}

/** A clause cut before the "ke" that joins a statement to the question it frames, if the rest asks in words. */
function splitFramedQuestion(clause: string): Piece[] {
  const [frame, ...rest] = clause.split(COMPLEMENTISER);
  const question = rest.join(' ');
  if (frame === undefined || rest.length === 0) return [{ text: clause, frame: false }];
  const knowing = KNOWING_FRAME.test(frame.trim());
  return knowing || ASKING_WORDS.test(question)
    ? [
        { text: frame, frame: true },
        { text: question, frame: false, asked: knowing },
      ]
    : [{ text: clause, frame: false }];
}

/** Sentences of a message, each split into its clauses (empty pieces dropped). */
export function clauses(text: string): string[][] {
  return sentencesOf(text).map((sentence) => sentence.clauses.map((clause) => clause.text));
}

/** A sentence's clauses, and whether it ends with a question mark. */
interface Sentence {
  readonly clauses: readonly Piece[];
  readonly questionMark: boolean;
}

/** Each sentence's clauses, and whether the sentence ends with a question mark. */
function sentencesOf(text: string): Sentence[] {
  return normalizeText(text)
    .split(/\n/)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => ({
      clauses: sentence
        .split(CLAUSE_BREAK)
        .flatMap(splitFramedQuestion)
        .map((c) => ({ ...c, text: c.text.replace(/[.!?\s]+$/u, '').trim() }))
        .filter((c) => /\p{L}/u.test(c.text)),
      questionMark: /\?[\s.!?]*$/u.test(sentence),
    }))
    .filter((sentence) => sentence.clauses.length > 0);
}

/**
 * A clause that says what is *not* asked ("I'm not asking how yet", "Abhi tareeqa nahi pooch raha", "ابھی طریقہ نہیں پوچھ
 * رہا"): its words name the question the writer rules out, so they are no part of the message's question or scene.
 */
const DISCLAIMER = /(?:^|[^\p{L}])(?:not\s+(?:asking|ask)|(?:nahi|nahin|nahee|nai|nhi)\s+(?:pooch|puch)\p{L}*|نہیں\s+پوچھ)(?=$|[^\p{L}])/iu;

/** Sentences with the clauses that rule a question out (`DISCLAIMER`) left out, when the message says something else. */
function withoutDisclaimers(sentences: readonly Sentence[]): { sentences: readonly Sentence[]; dropped: boolean } {
  const kept = sentences
    .map((sentence) => ({ ...sentence, clauses: sentence.clauses.filter((c) => !DISCLAIMER.test(c.text)) }))
    .filter((sentence) => sentence.clauses.length > 0);
  const before = sentences.reduce((n, sentence) => n + sentence.clauses.length, 0);
  const after = kept.reduce((n, sentence) => n + sentence.clauses.length, 0);
  return after === before || after === 0 ? { sentences, dropped: false } : { sentences: kept, dropped: true };
}

/** A message cut for scoring: its clauses, and the parts to score as lists of clause positions. */
export interface MessageParts {
  readonly clauses: readonly string[];
  /** Per clause: its sentence ends with a question mark. */
  readonly questionMarked: readonly boolean[];
  /** Per clause: the position of its sentence. */
  readonly sentenceOf: readonly number[];
  /** Per clause: it frames the question cut off after it ("Pehle ye bata dein" before "ke PSEB kya idara hai"); it asks only through that question. */
  readonly frames: readonly boolean[];
  /** Per clause: it states the purpose of the question ("taake kaam jari rahe", "تاکہ بل درست ہو"); it never asks. */
  readonly purposes: readonly boolean[];
  /** Per clause: it is the question an indirect-question frame introduces ("ye poochna tha" before "ke …"); it asks. */
  readonly asked: readonly boolean[];
  /** Each sentence of several clauses, each clause, and each pair of neighbouring clauses (empty for a one-clause message). */
  readonly parts: readonly (readonly number[])[];
}

/**
 * The parts of a message worth scoring on their own besides the whole message: each sentence, each clause,
 * and each pair of neighbouring clauses. A one-clause message has none (the whole message is the question).
 */
export function messageParts(text: string): MessageParts {
  // A purpose is cut off only where the question comes with context (more than one sentence): in a one-sentence message
  // ("Gmail mein email ko whitelist kaise karein taake spam mein na jaye?") it may be what the message is about.
  const { sentences: plain, dropped } = withoutDisclaimers(sentencesOf(text));
  const sentences = plain.length > 1 ? plain.map((sentence) => ({ ...sentence, clauses: sentence.clauses.flatMap(splitPurpose) })) : plain;
  const flat = sentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.text));
  const frames = sentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.frame));
  const questionMarked = sentences.flatMap((sentence) => sentence.clauses.map(() => sentence.questionMark));
  const purposes = sentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.purpose === true));
  const asked = sentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.asked === true));
  const sentenceOf = sentences.flatMap((sentence, n) => sentence.clauses.map(() => n));
  if (flat.length <= 1)
    return { clauses: flat, questionMarked, sentenceOf, frames, purposes, asked, parts: dropped && flat.length === 1 ? [[0]] : [] };
  const parts: number[][] = [];
  let start = 0;
  for (const { clauses: sentence } of sentences) {
    if (sentence.length > 1) parts.push(sentence.map((_c, i) => start + i));
    start += sentence.length;
  }
  flat.forEach((_clause, i) => {
    parts.push([i]);
    if (i > 0) parts.push([i - 1, i]);
  });
  // Keep the parts nearest the end when there are too many: sign-offs are short, so the question is rarely cut.
  return { clauses: flat, questionMarked, sentenceOf, frames, purposes, asked, parts: parts.slice(-MAX_PARTS) };
}
