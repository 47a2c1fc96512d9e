/** The FAQ as the agent desk uses it: the top matches for a user's question, answers in the user's language. */
import type { AnswerSource, SuggestedAnswer } from '../handoff/handoffService';
import type { FaqService } from '../faq/faqService';
import { answerFor } from '../faq/engine';
import { FAQ_LANGUAGES, type FaqLanguage } from '../faq/types';

/** The FAQ language of a user language (anything unknown reads English). */
export function faqLanguageOf(language: string): FaqLanguage {
  return (FAQ_LANGUAGES as readonly string[]).includes(language) ? (language as FaqLanguage) : 'en';
}

/** Adapts FaqService: suggestions are titled by their English question (staff read English). */
export function faqAnswers(faq: FaqService): AnswerSource {
  const answer = (topicId: string, language: string) => {
    const topic = faq.topic(topicId);
    return topic ? answerFor(topic, faqLanguageOf(language)) : undefined;
  };
  return {
    answer,
    async suggest(text, language, count) {
      const { results } = await faq.search(text);
      return results.slice(0, count).flatMap((r): SuggestedAnswer[] => {
        const topic = faq.topic(r.id);
        if (!topic) return [];
        return [{ topicId: r.id, question: topic.questions.en[0] ?? r.question, answer: answerFor(topic, faqLanguageOf(language)) }];
      });
    },
  };
}
