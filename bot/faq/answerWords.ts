/**
 * Words a topic's ANSWER uses but no example question does (round fourteen). People ask about what the answer talks
 * about ("kitne din", "SECP certificate", "reference number") in words the example questions never use; to the
 * coverage score those are unknown words, the strongest sign of another subject. The answer, written in three
 * languages, is a second, weaker description of the topic: a word that only one topic's answer uses is weak evidence
 * for that topic. Words used by several answers ("PSEB", "team", "chat", "request") say nothing and are left out.
 */
import type { Analyzer } from './analyzer';
import { FAQ_LANGUAGES, type FaqTopic } from './types';

/** A word in the answers of more topics than this tells no topic apart. */
const MAX_ANSWER_TOPICS = 1;

/** Term → the one topic (by index) whose answer uses it, for words no example question uses. */
export type AnswerWords = ReadonlyMap<string, number>;

/**
 * The answer words of every topic: terms of a topic's answer text (any language) that no example question holds
 * (`isQuestionWord`: by term or by phonetic key) and that at most `MAX_ANSWER_TOPICS` topics' answers use. Concepts
 * and words of one or two letters are left out: the engine already weighs them as ordinary (`isOrdinaryUnknown`).
 */
export function answerWordsOf(
  topics: readonly FaqTopic[],
  analyzer: Analyzer,
  isQuestionWord: (term: string, phon: string) => boolean,
): AnswerWords {
  const topicsOf = new Map<string, Set<number>>();
  topics.forEach((topic, topicIndex) => {
    for (const language of FAQ_LANGUAGES) {
      const text = topic.answer[language];
      if (!text) continue;
      for (const token of analyzer.analyze(text)) {
        if (token.term.length <= 2 || token.term.startsWith('@') || isQuestionWord(token.term, token.phon)) continue;
        topicsOf.set(token.term, (topicsOf.get(token.term) ?? new Set<number>()).add(topicIndex));
      }
    }
  });
  const words = new Map<string, number>();
  for (const [term, held] of topicsOf) {
    const [only] = held;
    if (held.size <= MAX_ANSWER_TOPICS && only !== undefined) words.set(term, only);
  }
  return words;
}
