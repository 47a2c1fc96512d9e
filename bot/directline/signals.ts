/**
 * "Something was stored in this conversation" signals. A stream on the instance that stored it is
 * woken in-process; with a bus (PostgreSQL LISTEN/NOTIFY) streams on the other instances are woken
 * too, so their database poll is only a safety net.
 */
import { randomUUID } from 'node:crypto';
import type { Notifications } from '../../prisma/notifications';

/** The notification channel Direct Line wake-ups travel on. */
export const DIRECTLINE_CHANNEL = 'directline';

export class ConversationSignals {
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Tags this instance's notifications: it woke its own streams already. */
  private readonly origin = randomUUID().slice(0, 8);

  constructor(private readonly bus?: Pick<Notifications, 'publish' | 'listen'>) {
    bus?.listen(DIRECTLINE_CHANNEL, (payload) => {
      const cut = payload.indexOf(':');
      if (cut > 0 && payload.slice(0, cut) !== this.origin) this.wake(payload.slice(cut + 1));
    });
  }

  /** Wakes every listener of the conversation, here and on the other instances. */
  notify(conversationId: string): void {
    this.wake(conversationId);
    this.bus?.publish(DIRECTLINE_CHANNEL, `${this.origin}:${conversationId}`);
  }

  /** Calls the listener on each change of the conversation until the returned function is called. */
  subscribe(conversationId: string, listener: () => void): () => void {
    const set = this.listeners.get(conversationId) ?? new Set<() => void>();
    set.add(listener);
    this.listeners.set(conversationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  /** How many conversations have listeners (for tests: unsubscribing must not leak). */
  get size(): number {
    return this.listeners.size;
  }

  private wake(conversationId: string): void {
    for (const listener of [...(this.listeners.get(conversationId) ?? [])]) listener();
  }
}
