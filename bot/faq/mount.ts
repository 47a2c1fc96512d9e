/**
 * The FAQ in the bot and over HTTP: free text no dialog consumed is answered (card or text per channel,
 * in the user's language), "did you mean" offers up to three topics, and an honest "I don't know" offers
 * a person — proactively after two misses in a row. `GET /api/faq/search` exposes the same engine.
 */
import type { Server } from 'restify';
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Interceptor, VerbHandler } from '../psebBot';
import type { Route } from '../../dialogs/mainDialog';
import type { RequestKind } from '../domain/reference';
import { setTurnKind } from '../ops/turnMetrics';
import { deferWrite } from '../ops/turnWrites';
import type { Logger } from '../logger';
import { isRtl } from '../i18n';
import { turnInfo } from '../turnInfo';
import { safe, sendError } from '../http/safe';
import { Verbs } from '../../cards/verbs';
import { buildChoices, pickChoice } from '../../cards/choices.card';
import { buildFaqAnswer } from '../../cards/faqAnswer.card';
import { commandIntent } from '../intents';
import { menuChoices } from '../../dialogs/menu';
import { detectLanguage } from './detectLanguage';
import { answerFor } from './engine';
import { validateFaqQuery, MAX_FAQ_QUERY_LENGTH } from './validateQuery';
import type { FaqService } from './faqService';
import type { FaqLanguage, FaqSearchResponse } from './types';

/** The topic whose answer is "talk to a person": it starts the hand-off. */
export const HUMAN_TOPIC_ID = 'contact.human';
/** Unanswered questions in a row before the bot offers a person on its own. */
export const MISSES_BEFORE_OFFER = 2;

interface FaqConversation {
  misses?: number;
  /** Topic ids of the last "did you mean", so a typed number or title can pick one. */
  suggestions?: { id: string; title: string }[];
}

export interface FaqFeatureDeps {
  faq: FaqService;
  conversationState: ConversationState;
  logger: Logger;
  requestHandoff?: (context: TurnContext) => Promise<void>;
}

/** Answers a question in the current turn; false when the text is not worth searching (empty). */
export type AnswerQuestion = (context: TurnContext, text: string) => Promise<boolean>;

/** Options of one answer: a question about applying gets a button that starts that form. */
interface AnswerOptions {
  startForm?: RequestKind;
}

/** What the routing places: the `faq` route, the `faq.pick` verb, and the typed pick of a "did you mean". */
export interface FaqFeature {
  /** Answers a question; forms use it for questions asked mid-form. */
  answer: AnswerQuestion;
  route: Route;
  onPick: VerbHandler;
  pickInterceptor: Interceptor;
}

/** Builds the FAQ feature for bot/routing.ts. */
export function mountFaq(deps: FaqFeatureDeps): FaqFeature {
  const state = deps.conversationState.createProperty<FaqConversation>('faq');
  const answer = (context: TurnContext, text: string, options: AnswerOptions = {}) => answerQuestion(deps, state, context, text, options);

  const route: Route = async (dc, text, understood) => {
    const { t } = turnInfo(dc.context);
    const fromMenu = !text || commandIntent(text) === 'faq' || pickChoice(text, menuChoices(t))?.id === 'faq';
    if (fromMenu) await dc.context.sendActivity(t('common:faq.askQuestion'));
    else await answer(dc.context, text, understood.intent === 'howToApply' ? { startForm: understood.kind } : {});
  };

  const onPick: VerbHandler = async (dc, data) => {
    await state.set(dc.context, { ...(await state.get(dc.context, {})), suggestions: undefined });
    if (typeof data.choice !== 'string' || !(await sendTopic(deps, dc.context, data.choice))) {
      await dc.context.sendActivity(turnInfo(dc.context).t('common:errors.unknownAction'));
    }
  };

  // A typed pick of the last "did you mean" (text channels number the choices).
  const pickInterceptor: Interceptor = async (context, dc) => {
    if (dc.activeDialog) return false;
    const current = await state.get(context, {});
    if (!current.suggestions?.length) return false;
    const picked = pickChoice(context.activity.text ?? '', current.suggestions);
    await state.set(context, { ...current, suggestions: undefined });
    return picked ? sendTopic(deps, context, picked.id) : false;
  };
  return { answer: (context, text) => answer(context, text), route, onPick, pickInterceptor };
}

/** Mounts `GET /api/faq/search?q=…&lang=…`. */
export function mountFaqApi(server: Server, faq: FaqService, logger: Logger): void {
  server.get(
    '/api/faq/search',
    safe(logger, async (req, res) => {
      const query = (req.query ?? {}) as Record<string, unknown>;
      const check = validateFaqQuery(query.q, query.lang);
      if (!check.ok) {
        sendError(res, 400, check.error, check.error === 'queryTooLong' ? `q is limited to ${MAX_FAQ_QUERY_LENGTH} characters` : undefined);
        return;
      }
      const response = await faq.search(check.text, { lang: check.lang });
      res.send(200, { language: response.language, decision: response.decision, results: response.results.slice(0, 5) });
    }),
  );
}

async function answerQuestion(
  deps: FaqFeatureDeps,
  state: StatePropertyAccessor<FaqConversation>,
  context: TurnContext,
  text: string,
  options: AnswerOptions,
): Promise<boolean> {
  const { t, lang, rendering } = turnInfo(context);
  if (!text.trim()) return false;
  if (text.length > MAX_FAQ_QUERY_LENGTH) {
    await context.sendActivity(t('faq:tooLong'));
    return true;
  }
  const detected = detectLanguage(text, lang);
  // Reply in the turn's language (bot/language.ts decided it: a switch word, the form's language, or the
  // script the user writes); the detected language is what the log records.
  const replyLanguage: FaqLanguage = lang;
  const response = await deps.faq.search(text, { lang: replyLanguage });
  setTurnKind(context, 'faq');
  // Logged with the turn's other writes, at its end.
  await deferWrite(context, () =>
    deps.faq.record(text, { ...response, language: detected }).catch((err: unknown) => deps.logger.warn({ err }, 'faq log failed')),
  );
  const current = await state.get(context, {});

  if (response.decision === 'answer') {
    await state.set(context, { misses: 0 });
    const [top, ...rest] = response.results;
    await context.sendActivity(
      buildFaqAnswer(
        {
          question: top.question,
          answer: top.answer,
          relatedTitle: t('faq:related'),
          related: rest.slice(0, 3),
          rtl: isRtl(response.language),
          startForm: options.startForm ? startFormButton(t, options.startForm) : undefined,
        },
        rendering,
      ),
    );
    if (top.id === HUMAN_TOPIC_ID && deps.requestHandoff) await deps.requestHandoff(context);
    return true;
  }
  if (response.decision === 'suggest') {
    const suggestions = response.results.slice(0, 3).map((r) => ({ id: r.id, title: r.question }));
    await state.set(context, { misses: current.misses ?? 0, suggestions });
    await context.sendActivity(
      buildChoices(
        {
          title: t('faq:didYouMean'),
          numberHint: t('common:menu.numberHint'),
          verb: Verbs.faqPick,
          choices: suggestions,
          rtl: isRtl(lang),
        },
        rendering,
      ),
    );
    return true;
  }
  const misses = (current.misses ?? 0) + 1;
  await state.set(context, { misses });
  await context.sendActivity(t('faq:noAnswer'));
  if (misses >= MISSES_BEFORE_OFFER) {
    await context.sendActivity(
      buildChoices(
        {
          title: t('faq:offerPerson'),
          numberHint: t('common:menu.numberHint'),
          verb: Verbs.menuSelect,
          choices: [{ id: 'agent', title: t('faq:talkToPerson') }],
          rtl: isRtl(lang),
        },
        rendering,
      ),
    );
  }
  return true;
}

/** The start-form button of an answer about applying: its title, and the hint text channels show instead. */
function startFormButton(t: (key: string, options?: Record<string, unknown>) => string, kind: RequestKind) {
  const title = t('intake:flow.startButton', { title: t(`requests:kinds.${kind}`) });
  return { kind, title, hint: t('intake:flow.startHint', { title }) };
}

/** Sends one topic's answer in the user's language; false for an unknown topic id. */
async function sendTopic(deps: FaqFeatureDeps, context: TurnContext, id: string): Promise<boolean> {
  const topic = deps.faq.topic(id);
  if (!topic) return false;
  const { lang, t, rendering } = turnInfo(context);
  const question = topic.questions[lang]?.[0] ?? topic.questions.en[0] ?? id;
  await context.sendActivity(
    buildFaqAnswer({ question, answer: answerFor(topic, lang), relatedTitle: t('faq:related'), related: [], rtl: isRtl(lang) }, rendering),
  );
  if (id === HUMAN_TOPIC_ID && deps.requestHandoff) await deps.requestHandoff(context);
  return true;
}

export type { FaqSearchResponse };
