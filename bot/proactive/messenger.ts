/**
 * Talking to a conversation outside its own turn: send, update a card in place, start a thread in a
 * Teams channel, or run a whole proactive turn. Every send is retried with backoff (429 honours
 * Retry-After); a conversation the bot can no longer reach (403 / 404) is reported, never thrown.
 */
import type { Activity, ConversationParameters, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { PsebAdapter } from '../adapter';
import type { Logger } from '../logger';
import { classifyFailure, defaultRetryPolicy, retryDelay, type ChannelFailure, type RetryPolicy } from './failures';

export type Delivery = { ok: true; activityId?: string } | ({ ok: false } & ChannelFailure);

export type ThreadDelivery = { ok: true; conversationId: string; activityId?: string } | ({ ok: false } & ChannelFailure);

/** The Teams channel a new thread starts in. */
export interface ThreadTarget {
  channelId: string;
  tenantId?: string;
  /** Any reference in that team (the channel's own): gives serviceUrl and the bot account. */
  reference: Partial<ConversationReference>;
}

export interface Messenger {
  /** Sends one activity (or text) to a stored conversation. */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity> | string): Promise<Delivery>;
  /** Replaces a sent activity (a card) in place. */
  update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<Delivery>;
  /** Posts `activity` as the first message of a new thread in a Teams channel. */
  startThread(target: ThreadTarget, activity: Partial<Activity>): Promise<ThreadDelivery>;
  /** Runs `logic` in a proactive turn of the conversation; its sends are retried like send(). */
  continue(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<Delivery>;
}

export interface MessengerDeps {
  adapter: PsebAdapter;
  /** MicrosoftAppId; empty in local mode. */
  botAppId: string;
  logger: Logger;
  policy?: RetryPolicy;
  /** Tests shorten waits. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class BotMessenger implements Messenger {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: MessengerDeps) {
    this.policy = deps.policy ?? defaultRetryPolicy;
    this.sleep = deps.sleep ?? realSleep;
  }

  /** Sends one activity. */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity> | string): Promise<Delivery> {
    let sent: ResourceResponse | undefined;
    const result = await this.continue(reference, async (context) => {
      sent = await context.sendActivity(activity);
    });
    return result.ok ? { ok: true, activityId: sent?.id } : result;
  }

  /** Updates in place (Teams edits the message; Web Chat replaces it). */
  async update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<Delivery> {
    return this.continue(reference, async (context) => {
      await this.withRetry(() => context.updateActivity({ ...activity, id: activityId, conversation: context.activity.conversation }));
    });
  }

  /** Creates the thread with the card as its root message (its id is the card's activity id). */
  async startThread(target: ThreadTarget, activity: Partial<Activity>): Promise<ThreadDelivery> {
    let created: { id?: string; activityId?: string } = {};
    const parameters = {
      isGroup: true,
      bot: target.reference.bot,
      tenantId: target.tenantId,
      channelData: { channel: { id: target.channelId }, ...(target.tenantId ? { tenant: { id: target.tenantId } } : {}) },
      activity: { type: 'message', ...activity },
    } as ConversationParameters;
    const result = await this.continue(target.reference, async (context) => {
      const client = context.turnState.get<ConnectorClient>(this.deps.adapter.ConnectorClientKey);
      created = await this.withRetry(() => client.conversations.createConversation(parameters));
    });
    if (!result.ok) return result;
    if (!created.id) return { ok: false, kind: 'failed', code: 'NoConversationId' };
    return { ok: true, conversationId: created.id, activityId: created.activityId };
  }

  /** One proactive turn; failures come back as a Delivery and are logged without message text. */
  async continue(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<Delivery> {
    // Without a service URL there is nowhere to send: retrying "network errors" would only stall the caller.
    if (!reference.serviceUrl) return { ok: false, kind: 'unreachable', code: 'NoServiceUrl' };
    let failed: { err: unknown } | undefined;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
        // Registered last, so it wraps only the wire call: the transcript records a send once, after it succeeded.
        context.onSendActivities((_ctx, _activities, next) => this.withRetry(next));
        // Caught here: the adapter's onTurnError would apologise into the very conversation that failed.
        try {
          await logic(context);
        } catch (err) {
          failed = { err };
        }
      });
    } catch (err) {
      failed = { err };
    }
    if (failed) {
      const { err } = failed;
      const failure = classifyFailure(err);
      const level = failure.kind === 'unreachable' ? 'warn' : 'error';
      this.deps.logger[level](
        { conversationId: reference.conversation?.id, channelId: reference.channelId, status: failure.status, code: failure.code },
        'proactive delivery failed',
      );
      return { ok: false, ...failure, kind: failure.kind === 'retry' ? 'failed' : failure.kind };
    }
    return { ok: true };
  }

  private async withRetry<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const delay = retryDelay(classifyFailure(err), attempt, this.policy);
        if (delay === undefined) throw err;
        this.deps.logger.info({ attempt, delayMs: delay }, 'channel busy or failing; retrying');
        await this.sleep(delay);
      }
    }
  }
}
