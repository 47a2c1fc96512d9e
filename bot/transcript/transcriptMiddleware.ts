/**
 * Stores every inbound and outbound message (conversation, user, channel, direction, text, time) and the
 * conversation reference of every inbound one. The writes wait for the end of the turn (deferWrite), so
 * they join one group commit; each line keeps the time it happened. A failing store is logged, never
 * fails the turn.
 */
import { ActivityTypes, TurnContext, type Activity, type Middleware, type Attachment } from 'botbuilder';
import type { Logger } from '../logger';
import type { ConversationRefEntry, TranscriptEntry, TranscriptStore } from './transcriptStore';
import { deferWrite } from '../ops/turnWrites';
import { turnInfo } from '../turnInfo';

const privateIncomingKey = Symbol('transcriptPrivateIncoming');

/** The language the bot answered this turn in; undefined when the turn never got that far. */
function languageOf(context: TurnContext): string | undefined {
  try {
    return turnInfo(context).lang;
  } catch {
    return undefined;
  }
}

/** Marks the turn's incoming message private (an agent's /note): its transcript line is stored so. */
export function markIncomingPrivate(context: TurnContext): void {
  context.turnState.set(privateIncomingKey, true);
}

export class TranscriptMiddleware implements Middleware {
  constructor(
    private readonly store: TranscriptStore,
    private readonly logger: Logger,
  ) {}

  /** Records the incoming message, then every message sent during the turn. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const incoming = context.activity;
    // Times have millisecond precision; a reply is never stamped before (or with) the message it answers.
    let last = Date.now();
    const stamp = () => new Date((last = Math.max(Date.now(), last + 1)));
    if (incoming.type === ActivityTypes.Message && incoming.conversation?.id) {
      const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(incoming))) as Record<string, unknown>;
      const conversation: ConversationRefEntry = {
        conversationId: incoming.conversation.id,
        channelId: incoming.channelId,
        userId: incoming.from?.id ?? 'unknown',
        userName: incoming.from?.name,
        reference,
      };
      const at = new Date(last);
      // Independent statements, so both at once; each joins its own batch. The line and the reference are
      // built when written: by then the turn knows whether it was private and the user's language (which the
      // console and the dashboard show).
      await deferWrite(context, () =>
        this.safely(async () => {
          const line = { ...entryFor(incoming, 'incoming', at), ...(context.turnState.get(privateIncomingKey) ? { private: true } : {}) };
          const language = languageOf(context);
          await Promise.all([
            this.store.record([line]),
            this.store.rememberConversation(language ? { ...conversation, language } : conversation),
          ]);
        }),
      );
    }
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      const responses = await nextSend();
      const sent = activities
        .filter((a) => a.type === ActivityTypes.Message && a.conversation?.id)
        .map((a) => entryFor(a, 'outgoing', stamp()));
      if (sent.length) await deferWrite(context, () => this.safely(() => this.store.record(sent)));
      return responses;
    });
    await next();
  }

  private async safely(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.logger.warn({ err }, 'transcript write failed');
    }
  }
}

/** The user of an inbound line is its sender; of an outbound line, its recipient. */
function entryFor(activity: Partial<Activity>, direction: 'incoming' | 'outgoing', createdAt: Date): TranscriptEntry {
  const user = direction === 'incoming' ? activity.from : activity.recipient;
  return {
    conversationId: activity.conversation!.id,
    channelId: activity.channelId ?? 'unknown',
    userId: user?.id,
    userName: user?.name,
    direction,
    text: summarise(activity),
    activityId: activity.id,
    createdAt,
  };
}

/** Text of a message, or a readable digest of its cards / submitted values. */
export function summarise(activity: Partial<Activity>): string | null {
  if (activity.text) return activity.text;
  const parts = (activity.attachments ?? []).map(summariseAttachment).filter(Boolean);
  if (parts.length) return parts.join('\n');
  if (activity.value && typeof activity.value === 'object') {
    const verb = (activity.value as Record<string, unknown>).verb;
    return typeof verb === 'string' ? `[${verb}]` : '[card action]';
  }
  return null;
}

function summariseAttachment(attachment: Attachment): string {
  const content = attachment.content as Record<string, unknown> | undefined;
  if (!content) return attachment.name ? `[file: ${attachment.name}]` : '';
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (texts.length >= 8 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const obj = node as Record<string, unknown>;
    if (obj.type === 'TextBlock' && typeof obj.text === 'string') texts.push(obj.text);
    for (const key of ['title', 'subtitle', 'text'])
      if (obj.type === undefined && typeof obj[key] === 'string') texts.push(obj[key] as string);
    for (const key of ['body', 'items', 'columns', 'facts', 'buttons']) if (obj[key]) walk(obj[key]);
  };
  walk(content);
  return texts.join(' · ').slice(0, 500);
}
