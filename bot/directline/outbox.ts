/**
 * A turn's replies held back until the turn has saved its state. On /api/messages the replies of a
 * turn that loses an eTag race are thrown away with its expectReplies buffer; on Direct Line they would
 * already be in the page when the turn is re-run, and the user would read everything twice. So a
 * Direct Line turn sends into an outbox, and only the attempt that succeeds publishes it.
 */
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { newActivityId } from './activities';

/** Writes a turn's replies where clients read them, in order. */
export type Publish = (conversationId: string, activities: readonly Partial<Activity>[]) => Promise<void>;

/** The replies of one turn attempt. */
export class TurnOutbox {
  private readonly held: Partial<Activity>[] = [];

  constructor(private readonly conversationId: string) {}

  /**
   * Catches what the turn sends to its own conversation (and later updates or deletes of it). Replies get
   * their final ids now, so the bot may keep them for updates after the turn. Direct Line clients cannot
   * send invokes, so no turn here answers with an invokeResponse that would have to reach the adapter.
   */
  attach(context: TurnContext): void {
    context.onSendActivities(async (_context, activities): Promise<ResourceResponse[]> =>
      activities.map((activity) => {
        const id = newActivityId(this.conversationId);
        this.held.push({ ...activity, id });
        return { id };
      }),
    );
    context.onUpdateActivity(async (_context, activity, next) => {
      const index = this.indexOf(activity.id);
      if (index < 0) return next();
      this.held[index] = { ...activity, id: this.held[index].id };
    });
    context.onDeleteActivity(async (_context, reference, next) => {
      const index = this.indexOf(reference.activityId);
      if (index < 0) return next();
      this.held.splice(index, 1);
    });
  }

  /** What the turn sent, in order, with updates applied. */
  get activities(): readonly Partial<Activity>[] {
    return this.held;
  }

  private indexOf(id: string | undefined): number {
    return id === undefined ? -1 : this.held.findIndex((activity) => activity.id === id);
  }
}
