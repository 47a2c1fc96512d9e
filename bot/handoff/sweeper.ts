/**
 * The periodic check of waiting hand-offs: past HANDOFF_SLA_MINUTES the channel is reminded and the user
 * reassured; past HANDOFF_GIVEUP_MINUTES the hand-off closes and the user is offered a callback. Each row
 * is taken with a conditional update, so several instances sweeping at once handle it exactly once.
 * Hand-offs queued before the support channel was known get their card once it is.
 */
import type { Logger } from '../logger';
import type { HandoffService } from './handoffService';
import type { HandoffStore } from './handoffStore';

export interface SweepResult {
  reminded: number;
  gaveUp: number;
  /** Cards posted late, for hand-offs queued before the support channel was known. */
  posted: number;
}

export interface SweeperDeps {
  store: HandoffStore;
  service: HandoffService;
  logger: Logger;
  slaMinutes: number;
  giveUpMinutes: number;
  clock: () => Date;
}

const minute = 60_000;

export class HandoffSweeper {
  constructor(private readonly deps: SweeperDeps) {}

  /** One pass; give-up first, so a row overdue for both is not reminded and closed in one breath. */
  async sweep(now: Date = this.deps.clock()): Promise<SweepResult> {
    const { store, service } = this.deps;
    const gaveUp = await store.takeGiveUpDue(new Date(now.getTime() - this.deps.giveUpMinutes * minute), now);
    for (const handoff of gaveUp) await this.safely(handoff.id, () => service.giveUp(handoff));
    const reminded = await store.takeSlaDue(new Date(now.getTime() - this.deps.slaMinutes * minute), now);
    for (const handoff of reminded) await this.safely(handoff.id, () => service.remindWaiting(handoff));
    let posted = 0;
    if (await service.supportChannelKnown()) {
      for (const handoff of await store.takeUnposted()) {
        await this.safely(handoff.id, async () => {
          if (await service.postLateCard(handoff)) posted += 1;
          else await store.releaseUnposted(handoff.id);
        });
      }
    }
    return { reminded: reminded.length, gaveUp: gaveUp.length, posted };
  }

  /** Sweeps every `intervalMs` until the returned stop() is called; runs never overlap. */
  start(intervalMs: number): () => void {
    let running: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      if (running) return;
      running = this.sweep()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'hand-off sweep failed'))
        .finally(() => (running = undefined));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async safely(handoffId: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.deps.logger.error({ err, handoffId }, 'hand-off sweep step failed');
    }
  }
}
