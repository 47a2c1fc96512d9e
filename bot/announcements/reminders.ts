/**
 * Reminders, swept like the hand-off SLA (every instance sweeps; a claim decides who acts): a request
 * waiting on the applicant's information longer than INFO_REMINDER_HOURS gets one reminder in its
 * language, a second at three times that, then none; requests SUBMITTED longer than
 * DECISION_SLA_HOURS are listed once a day in the support channel. The claim is an insert into
 * reminder_log (`info:<eventId>:<n>`, `digest:<day>`): of several instances exactly one inserts it.
 */
import { MessageFactory } from 'botbuilder';
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../logger';
import type { Messenger } from '../proactive/messenger';
import type { SupportChannelStore } from '../support/supportChannel';
import { latestConversationOf } from '../proactive/latestConversation';
import { isUiLanguage } from '../i18n';
import { formatStaffTime } from '../requests/transitions';
import { staffLanguage } from '../handoff/handoffService';
import { buildDecisionDigestCard } from '../../cards/decisionDigest.card';

export interface ReminderDeps {
  prisma: PrismaClient;
  messenger: Messenger;
  support: SupportChannelStore;
  i18n: i18n;
  logger: Logger;
  clock: () => Date;
  infoReminderHours: number;
  decisionSlaHours: number;
  /** https://host/console, for the digest's links. */
  consoleUrl?: string;
}

export interface ReminderSweepResult {
  reminded: number;
  digestPosted: boolean;
}

const hour = 3_600_000;

export class ReminderSweep {
  constructor(private readonly deps: ReminderDeps) {}

  /** One pass. */
  async sweep(now: Date = this.deps.clock()): Promise<ReminderSweepResult> {
    const reminded = await this.remindInfoRequests(now);
    const digestPosted = await this.postDigest(now);
    return { reminded, digestPosted };
  }

  /** Sweeps every `intervalMs` until stop(), which waits for a running sweep; runs never overlap. */
  start(intervalMs: number): () => Promise<void> {
    let running: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      running ??= this.sweep()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'reminder sweep failed'))
        .finally(() => (running = undefined));
    }, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  private async remindInfoRequests(now: Date): Promise<number> {
    const { prisma, infoReminderHours } = this.deps;
    const waiting = await prisma.request.findMany({
      where: { status: 'INFO_REQUESTED' },
      include: { events: { where: { toStatus: 'INFO_REQUESTED' }, orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    let reminded = 0;
    for (const request of waiting) {
      const asked = request.events[0];
      if (!asked) continue;
      const waited = now.getTime() - asked.createdAt.getTime();
      const nth = waited >= 3 * infoReminderHours * hour ? 2 : waited >= infoReminderHours * hour ? 1 : 0;
      if (nth === 0 || !(await this.claim(`info:${asked.id}:${nth}`))) continue;
      try {
        const conversation = await latestConversationOf(prisma, { channelId: request.channelId, userId: request.userId });
        if (!conversation) continue;
        const t = this.deps.i18n.getFixedT(isUiLanguage(request.language) ? request.language : 'en');
        const text = t(nth === 1 ? 'announcements:reminder.info' : 'announcements:reminder.infoSecond', { reference: request.reference });
        const delivery = await this.deps.messenger.send(conversation.reference, text);
        if (delivery.ok) reminded += 1;
        else this.deps.logger.warn({ reference: request.reference, code: delivery.code }, 'information reminder not delivered');
      } catch (err) {
        this.deps.logger.error({ err, reference: request.reference }, 'information reminder failed');
      }
    }
    return reminded;
  }

  /** The day's digest, once, when anything is overdue and the support channel is known. */
  private async postDigest(now: Date): Promise<boolean> {
    const { prisma, decisionSlaHours } = this.deps;
    const overdue = await prisma.request.findMany({
      where: { status: 'SUBMITTED', createdAt: { lte: new Date(now.getTime() - decisionSlaHours * hour) } },
      orderBy: { createdAt: 'asc' },
      take: 50,
    });
    if (!overdue.length) return false;
    const channel = await this.deps.support.get();
    if (!channel) return false;
    const key = `digest:${now.toISOString().slice(0, 10)}`;
    if (!(await this.claim(key))) return false;
    const card = buildDecisionDigestCard(
      {
        hours: decisionSlaHours,
        consoleUrl: this.deps.consoleUrl,
        items: overdue.map((r) => ({
          reference: r.reference,
          kind: r.kind,
          companyName: r.companyName,
          submittedAt: formatStaffTime(r.createdAt),
        })),
      },
      this.deps.i18n.getFixedT(staffLanguage),
    );
    const thread = await this.deps.messenger.startThread(channel, MessageFactory.attachment(card));
    if (!thread.ok) {
      // Released, so the next sweep tries again today.
      await prisma.reminderLog.deleteMany({ where: { key } });
      this.deps.logger.warn({ code: thread.code }, 'decision digest not posted');
      return false;
    }
    return true;
  }

  /** True for the one caller whose insert of `key` succeeded. */
  private async claim(key: string): Promise<boolean> {
    const { count } = await this.deps.prisma.reminderLog.createMany({
      data: [{ key, createdAt: this.deps.clock() }],
      skipDuplicates: true,
    });
    return count === 1;
  }
}
