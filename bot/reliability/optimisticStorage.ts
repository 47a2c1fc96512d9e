/**
 * botbuilder's BotState.saveChanges stamps every write with eTag "*" (last writer wins), so the
 * storage's eTag check would never fire and two instances would silently overwrite each other's
 * dialog state. This wrapper puts back the eTag each state object was read with — recognised by the
 * object itself, which BotState hands back unchanged — so a stale write raises ETagConflictError and
 * the turn is re-run on fresh state. A key that was absent when read may only be created, not replaced.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';

/** An eTag no stored row has: the inner storage then creates the row or reports a conflict. */
function createOnlyETag(): string {
  return `absent:${randomUUID()}`;
}

export class OptimisticStorage implements Storage {
  /** The eTag each handed-out state object was read with; weak, so finished turns leave nothing behind. */
  private readonly readETags = new WeakMap<object, string>();

  constructor(private readonly inner: Storage) {}

  /** Reads keys; a missing key comes back as an empty object remembered as "must not exist yet". */
  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const key of keys) {
      const item = (items[key] ?? {}) as Record<string, unknown>;
      this.readETags.set(item, typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : createOnlyETag());
      items[key] = item;
    }
    return items;
  }

  /** Writes with the eTag the object was read with when the caller sent "*". */
  async write(changes: StoreItems): Promise<void> {
    const guarded: StoreItems = {};
    const written: object[] = [];
    for (const [key, item] of Object.entries(changes) as [string, unknown][]) {
      const readETag = isObject(item) ? this.readETags.get(item) : undefined;
      if (isObject(item) && readETag && (item.eTag === '*' || item.eTag === undefined)) {
        guarded[key] = { ...item, eTag: readETag };
        written.push(item);
      } else {
        guarded[key] = item;
      }
    }
    await this.inner.write(guarded);
    // The new eTag is the inner storage's; a second save of the same object in one turn falls back to "*".
    for (const item of written) this.readETags.delete(item);
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
