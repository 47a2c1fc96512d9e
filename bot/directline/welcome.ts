/**
 * The welcome of a Direct Line conversation, which nothing stores until the user's first activity.
 * It depends only on the conversation's locale and channel, so every instance computes the same
 * activities (same ids, positions 1…n): a client that polls or streams a conversation with nothing
 * stored is shown the welcome computed on the fly, and the first activity stores it at those same
 * positions, so the watermark the client holds stays right.
 */
import type { Activity } from 'botbuilder';
import { WEBCHAT_CHANNEL_ID } from './activities';
import type { ActivityPage, DirectLineStore, StoredActivity } from './store';
import { storableJson } from '../reliability/sanitize';

/** What the bot greets a new conversation with (its menu), from the locale and channel alone. */
export type WelcomeContent = (locale: string | undefined, channelId: string) => readonly Partial<Activity>[];

export interface WelcomeFor {
  conversationId: string;
  /** Unknown when the secret reads a conversation nobody has spoken in yet. */
  userId: string | undefined;
  locale: string | undefined;
}

/** Builds a conversation's welcome as stored activities. */
export class Greeter {
  constructor(
    private readonly content: WelcomeContent,
    private readonly bot: { id: string; name: string },
  ) {}

  /** The welcome, stamped for the conversation; `now` becomes its timestamp. */
  activities(who: WelcomeFor, now = new Date()): StoredActivity[] {
    return this.content(who.locale, WEBCHAT_CHANNEL_ID).map((activity, index) => ({
      ...(storableJson(JSON.parse(JSON.stringify(activity))) as Record<string, unknown>),
      type: activity.type ?? 'message',
      id: welcomeActivityId(who.conversationId, index),
      timestamp: now.toISOString(),
      channelId: WEBCHAT_CHANNEL_ID,
      conversation: { id: who.conversationId },
      from: { id: this.bot.id, name: this.bot.name, role: 'bot' },
      ...(who.userId ? { recipient: { id: who.userId, role: 'user' } } : {}),
      ...(who.locale ? { locale: who.locale } : {}),
    }));
  }
}

/** The fixed id of the welcome's n-th activity (0-based) in a conversation. */
export function welcomeActivityId(conversationId: string, index: number): string {
  return `${conversationId}|welcome-${index + 1}`;
}

/**
 * A page of the conversation after a watermark: what is stored, or — while nothing is — the welcome
 * computed on the fly. Past the welcome's positions nothing more is looked up than before.
 */
export async function readPage(
  store: Pick<DirectLineStore, 'list' | 'find'>,
  conversationId: string,
  after: number | undefined,
  limit: number,
  welcome: () => readonly StoredActivity[],
): Promise<ActivityPage> {
  const page = await store.list(conversationId, after, limit);
  if (page.activities.length > 0) return page;
  const shown = welcome();
  const from = after ?? 0;
  if (from >= shown.length || (await store.find(conversationId))) return page;
  const activities = shown.slice(from, from + limit);
  return { activities, watermark: from + activities.length };
}
