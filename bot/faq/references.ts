/**
 * A question that points back at what the message said before it (round twenty). People name their subject in the scene
 * and ask about it with a pronoun: "…PSEB se whitelist karwao warna sealing hogi. Iske liye apply kaise karte hain?",
 * "…گھر سے کام کرنا چاہتے ہیں۔ اس کے لیے درخواست کہاں اور کیسے دینی ہوگی؟", "The announcement mentioned a working group…
 * Could you tell me which organisations are sitting on it?". Read on its own, the asking clause names no subject, so the
 * sibling topics of every subject tie on it (whitelisting.how, wfh.how), or it is too bare to pass the evidence gate; read
 * with its scene, it carries the scene's unknown words. The pronoun says which subject it means: the one named last before
 * it. So an asking clause that points back and names no subject of its own is read with the subjects of the nearest clause
 * before it that names one — only those concepts, not that clause's other words (they stay scene).
 */
import type { AnalyzedToken } from './analyzer';

/**
 * What a pronoun may stand for: the things a message is about — whitelisting, WFH, the working group, a helpline, PSEB,
 * personal data. Not the rest of `SUBJECT_CONCEPTS`: what is asked of a request (status, change, cancel), nor what
 * describes the writer (a small company, a person, the team, a language, a CNIC) or the times (COVID). Measured on the tuning
 * sets before the classifier's guard (`classifierTokens` in `engine.ts`): every subject concept referable, +7 right answers,
 * +1 wrong answer and one more off-topic message suggested; these six, +13 right answers and no more wrong (README, round
 * twenty).
 */
export const REFERABLE: ReadonlySet<string> = new Set(['@wl', '@wfh', '@wg', '@helpline', '@pseb', '@data']);

/**
 * A pronoun that points back, anywhere in a clause: Roman Urdu (iske, iska, is ke, us mein, ye, wo…; not "is liye",
 * therefore, nor "is waqt", now, which are no "is" + postposition), Urdu (اس کے، اس کا، اسے، اس میں، یہ، وہ…; not "اس لیے",
 * therefore, nor "اس وقت", now) and English (it, this, that, these, those, them).
 */
export const REFERS_BACK = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:(?:is|us)\s+(?:ke|ka|ki|ko|kay|se|say|mein|me|main|par|pe|pr|bare|baare|hawale|silsile|maamle)|iske|iska|iski|isko|isse|ismein|isme|isi|uske|uska|uski|usko|usse|usmein|usme|usi|ye|yeh|yah|wo|woh|voh|it|its|this|that|these|those|them|یہ|وہ|اسے|اسی|(?:اس|اُس)(?!\s+(?:لیے|لئے|وقت|طرح|سال|ہفتے|مہینے|دن)(?=$|[^\p{L}])))(?=$|[^\p{L}])`,
  'iu',
);

/** The subjects a pronoun may stand for (`REFERABLE`) among a clause's tokens. */
function subjectsOf(tokens: readonly AnalyzedToken[]): AnalyzedToken[] {
  return tokens.filter((t) => REFERABLE.has(t.term));
}

/**
 * The clauses' tokens, each asking clause that points back (`REFERS_BACK`) and names no subject given the subjects of the
 * nearest clause before it that names one. `asks` says which clauses ask (only those are resolved: a scene clause's
 * pronoun changes nothing that is asked). Only when no asking clause names a subject: when one does ("Where do I apply for
 * WFH? Can I do it from my phone?"), that is the question, and a follow-up that points back at it stays a follow-up —
 * resolved, it became a second question of its own and cost right answers. The input is not changed.
 */
export function resolveReferences(
  clauses: readonly string[],
  clauseTokens: readonly (readonly AnalyzedToken[])[],
  asks: readonly boolean[],
): (readonly AnalyzedToken[])[] {
  if (clauseTokens.some((tokens, id) => asks[id] && subjectsOf(tokens).length > 0)) return [...clauseTokens];
  return clauseTokens.map((tokens, id) => {
    if (!asks[id] || !REFERS_BACK.test(clauses[id] ?? '')) return tokens;
    for (let before = id - 1; before >= 0; before -= 1) {
      const named = subjectsOf(clauseTokens[before] ?? []);
      if (named.length > 0) return [...tokens, ...named.map((t) => ({ ...t, referred: true as const }))];
    }
    return tokens;
  });
}
