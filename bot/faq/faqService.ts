/**
 * The FAQ as the running bot uses it: the shipped knowledge base synced into the database at start, the
 * engine built from the database (so console edits count), kept fresh across instances by a cheap
 * "has anything changed?" check at most every few seconds, plus the dashboard and unanswered logs.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { detectLanguage } from './detectLanguage';
import { FaqEngine } from './engine';
import { loadKb } from './loadKb';
import { loadTopicsFromDb, syncKbToDb, unansweredRow } from './faqStore';
import { TurnStatements } from '../storage/turnStatements';
import { prismaRunner } from '../../prisma/sql';
import type { FaqLanguage, FaqSearchOptions, FaqSearchResponse, FaqTopic } from './types';

/** How stale another instance's console edit may be before this instance sees it. */
export const FAQ_REFRESH_MS = 5_000;

/** Where lookups are logged: the turn's shared write in the app (one round trip with the turn's other writes). */
export type FaqLog = Pick<TurnStatements, 'logFaq' | 'recordUnanswered'>;

export class FaqService {
  private lastCheck = 0;
  private version = '';
  /** The shipped topics still to be written to the database (it was unreachable at start). */
  private pendingSync: FaqTopic[] | undefined;
  private readonly observers: ((response: FaqSearchResponse) => void)[] = [];

  private constructor(
    private readonly prisma: PrismaClient,
    private readonly engine: FaqEngine,
    private readonly now: () => number,
    private readonly onError: (err: unknown) => void,
    private readonly log: FaqLog,
  ) {}

  /**
   * Syncs the shipped KB into the database and builds the engine from it. A database that is down or not
   * migrated yet does not stop the bot: the engine starts from the shipped files and syncs on a later search.
   */
  static async start(
    prisma: PrismaClient,
    onError: (err: unknown) => void = () => undefined,
    now: () => number = Date.now,
    log: FaqLog = new TurnStatements(prismaRunner(prisma)),
  ): Promise<FaqService> {
    const shipped = loadKb();
    try {
      await syncKbToDb(prisma, shipped);
      const service = new FaqService(prisma, new FaqEngine(await loadTopicsFromDb(prisma)), now, onError, log);
      service.version = await service.currentVersion();
      service.lastCheck = now();
      return service;
    } catch (err) {
      onError(err);
      const service = new FaqService(prisma, new FaqEngine(shipped), now, onError, log);
      service.pendingSync = shipped;
      return service;
    }
  }

  /** Searches, first picking up edits made anywhere (throttled). */
  async search(text: string, options: FaqSearchOptions = {}): Promise<FaqSearchResponse> {
    await this.refreshIfChanged();
    return this.engine.search(text, options);
  }

  /** The best `limit` topics with scores whatever the decision (suggested answers; weighing the FAQ against other intents). */
  async topMatches(text: string, limit = 3, options: FaqSearchOptions = {}): Promise<FaqSearchResponse> {
    await this.refreshIfChanged();
    return this.engine.topMatches(text, limit, options);
  }

  /** The language a message is written in (`en`, `ur`, `ur-Latn`), by the FAQ's rule; `previous` breaks ties. */
  detectLanguage(text: string, previous?: FaqLanguage): FaqLanguage {
    return detectLanguage(text, previous);
  }

  /** The topic with this id, for "did you mean" picks and related buttons. */
  topic(id: string): FaqTopic | undefined {
    return this.engine.topics().find((t) => t.id === id);
  }

  /** Rebuilds now (the console calls this after an edit on this instance). */
  async reload(): Promise<void> {
    this.engine.replaceTopics(await loadTopicsFromDb(this.prisma));
    this.version = await this.currentVersion();
    this.lastCheck = this.now();
  }

  /** Calls the observer with every recorded lookup (metrics count the decisions). */
  observe(observer: (response: FaqSearchResponse) => void): void {
    this.observers.push(observer);
  }

  /** Records the lookup for the dashboard, and the question when it went unanswered. */
  async record(text: string, response: FaqSearchResponse): Promise<void> {
    for (const observer of this.observers) observer(response);
    const unanswered = response.decision === 'none' ? unansweredRow(text, response.language) : undefined;
    // Together, so both join the same write.
    await Promise.all([
      this.log.logFaq({ language: response.language, decision: response.decision, topicId: response.results[0]?.id ?? null }),
      unanswered ? this.log.recordUnanswered(unanswered) : undefined,
    ]);
  }

  /** Never fails a search: with the database away, the engine answers from what it has. */
  private async refreshIfChanged(): Promise<void> {
    if (this.now() - this.lastCheck < FAQ_REFRESH_MS) return;
    this.lastCheck = this.now();
    try {
      if (this.pendingSync) {
        await syncKbToDb(this.prisma, this.pendingSync);
        this.pendingSync = undefined;
      }
      const version = await this.currentVersion();
      if (version !== this.version) await this.reload();
    } catch (err) {
      this.onError(err);
    }
  }

  /** Changes when a topic or question is added, removed or edited. */
  private async currentVersion(): Promise<string> {
    const [topics, questions, latest] = await Promise.all([
      this.prisma.faqTopic.count(),
      this.prisma.faqQuestion.count(),
      this.prisma.faqTopic.aggregate({ _max: { updatedAt: true } }),
    ]);
    return `${topics}/${questions}/${latest._max.updatedAt?.toISOString() ?? ''}`;
  }
}

export type { FaqLanguage };
