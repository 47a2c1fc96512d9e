/** Training the conversation model from the shipped knowledge base, as `npm run faq:train` and its freshness test do. */
import { trainConversationModel, type ModelWeights } from '../conversationModel';
import { FaqEngine } from '../engine';
import { loadKb } from '../loadKb';
import { modelClasses, trainingExamples } from './corpus';

/** The weights training gives today, and the exact text `weights.json` holds for them. */
export function trainModelFile(): { weights: ModelWeights; text: string; examples: number; terms: number } {
  const topics = loadKb();
  // The rules alone read the messages: the analyser does not depend on the model it trains.
  const engine = new FaqEngine(topics, { model: null });
  const examples = trainingExamples(topics, (text) => engine.modelTerms(text));
  const weights = trainConversationModel(examples, modelClasses(topics));
  return { weights, text: `${JSON.stringify(weights)}\n`, examples: examples.length, terms: weights.terms.length };
}
