/**
 * In-process "something was stored in this conversation" signals, so a stream on the instance that
 * stored it pushes at once; streams still poll the database for what other instances store.
 */
export class ConversationSignals {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Wakes every listener of the conversation. */
  notify(conversationId: string): void {
    for (const listener of [...(this.listeners.get(conversationId) ?? [])]) listener();
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
}
