/**
 * DialogTestClient plumbing for the form dialogs: the turn info the bot would set (language from the
 * activity's locale, rendering from the channel), card submits handed over as the verb handler does,
 * an in-memory request store, and the replies of a turn as plain text.
 */
import { ConversationState, MemoryStorage, type Activity, type Middleware } from 'botbuilder';
import type { Dialog } from '../../../dialogs/sdk';
import { DialogTestClient } from 'botbuilder-testing';
import { createI18n, toUiLanguage, type Translate, type UiLanguage } from '../../../bot/i18n';
import { renderingFor } from '../../../bot/channels';
import { setTurnInfo } from '../../../bot/turnInfo';
import { setSubmission, toSubmission } from '../../../dialogs/intake/submission';
import { isRecord } from '../../../dialogs/intake/guards';
import {
  sameCompany,
  type CreateResult,
  type DuplicateQuery,
  type NewRequest,
  type RequestDetail,
  type RequestOwner,
  type RequestStore,
  type RequestSummary,
} from '../../../bot/requests/store';

const i18n = createI18n();

/** The fixed `t` of a language, as the bot gives it to handlers. */
export function tFor(lang: UiLanguage): Translate {
  return i18n.getFixedT(lang);
}

/** Sets turn info like PsebBot (language from the conversation's locale), and hands card submits over like the intake verb handler. */
function turnInfoMiddleware(locale: string): Middleware {
  return {
    async onTurn(context, next) {
      context.activity.locale = locale;
      const lang = toUiLanguage(locale) ?? 'en';
      setTurnInfo(context, { lang, t: i18n.getFixedT(lang), rendering: renderingFor(context.activity.channelId) });
      const value: unknown = context.activity.value;
      if (isRecord(value) && value.verb !== undefined) setSubmission(context, toSubmission(value));
      await next();
    },
  };
}

export interface ClientOptions {
  channelId?: string;
  locale?: string;
  /** Share one to continue a conversation with a new dialog object (a restart). */
  conversationState?: ConversationState;
}

/** A DialogTestClient for one conversation. */
export function clientFor(dialog: Dialog, options: ClientOptions = {}): DialogTestClient {
  const state = options.conversationState ?? new ConversationState(new MemoryStorage());
  return new DialogTestClient(options.channelId ?? 'test', dialog, undefined, [turnInfoMiddleware(options.locale ?? 'en-US')], state);
}

/** Sends one activity and returns every reply of the turn. */
export async function turn(client: DialogTestClient, activity: Partial<Activity> | string): Promise<Partial<Activity>[]> {
  const replies: Partial<Activity>[] = [];
  let reply: Partial<Activity> | undefined = await client.sendActivity(activity);
  while (reply) {
    replies.push(reply);
    reply = client.getNextReply();
  }
  return replies;
}

/** Visible text of replies: message text plus the texts, titles and labels inside cards. */
export function textOf(replies: readonly Partial<Activity>[]): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isRecord(node)) return;
    for (const key of ['text', 'title', 'subtitle', 'label', 'value']) {
      const value = node[key];
      if (typeof value === 'string') parts.push(value);
    }
    Object.values(node).forEach((v) => typeof v === 'object' && walk(v));
  };
  for (const reply of replies) {
    if (reply.text) parts.push(reply.text);
    for (const attachment of reply.attachments ?? []) walk(attachment.content);
  }
  return parts.join('\n');
}

/** Adaptive Card contents among the replies. */
export function adaptiveCards(replies: readonly Partial<Activity>[]): Record<string, unknown>[] {
  return replies
    .flatMap((r) => r.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => (isRecord(a.content) ? a.content : {}));
}

/** Every element of a card body (containers flattened). */
export function cardElements(card: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isRecord(item)) continue;
      out.push(item);
      walk(item.items);
    }
  };
  walk(card.body);
  return out;
}

/** The data of the card action for `action`. */
export function actionData(card: Record<string, unknown>, action: string): Record<string, unknown> {
  const actions = Array.isArray(card.actions) ? card.actions.filter(isRecord) : [];
  const found = actions.find((a) => isRecord(a.data) && a.data.action === action);
  if (!found || !isRecord(found.data)) throw new Error(`no action ${action}`);
  return found.data;
}

/** An in-memory RequestStore with the same once-per-draft rule. */
export class FakeRequestStore implements RequestStore {
  readonly filed: (NewRequest & { summary: RequestSummary })[] = [];

  async create(input: NewRequest): Promise<CreateResult> {
    const existing = await this.findByDraft(input.draftId);
    if (existing) return { request: existing, created: false };
    const prefix = input.kind === 'wfh' ? 'WFH' : 'WL';
    const now = new Date('2026-11-30T05:00:00Z');
    const summary: RequestSummary = {
      id: `req-${this.filed.length + 1}`,
      reference: `${prefix}-${String(this.filed.length + 1).padStart(6, '0')}`,
      kind: input.kind,
      status: 'SUBMITTED',
      companyName: input.draft.companyName,
      createdAt: now,
      updatedAt: now,
    };
    this.filed.push({ ...input, summary });
    return { request: summary, created: true };
  }

  async findByDraft(draftId: string): Promise<RequestSummary | null> {
    return this.filed.find((f) => f.draftId === draftId)?.summary ?? null;
  }

  async findForUser(reference: string, owner: RequestOwner): Promise<RequestDetail | null> {
    const found = this.filed.find(
      (f) => f.summary.reference === reference && f.owner.userId === owner.userId && f.owner.channelId === owner.channelId,
    );
    if (!found) return null;
    return {
      ...found.summary,
      events: [{ fromStatus: null, toStatus: 'SUBMITTED', actorName: null, note: null, createdAt: found.summary.createdAt }],
    };
  }

  async listForUser(owner: RequestOwner): Promise<RequestSummary[]> {
    return this.filed
      .filter((f) => f.owner.userId === owner.userId)
      .map((f) => f.summary)
      .reverse();
  }

  readonly cancelled = new Set<string>();

  async recordCancelled(draftId: string): Promise<void> {
    this.cancelled.add(draftId);
  }

  async isCancelled(draftId: string): Promise<boolean> {
    return this.cancelled.has(draftId);
  }

  async findOpenDuplicate(query: DuplicateQuery): Promise<RequestSummary | null> {
    const mine = this.filed
      .filter((f) => f.kind === query.kind && f.owner.userId === query.owner.userId && f.owner.channelId === query.owner.channelId)
      .reverse();
    const hit = mine.find((f) =>
      query.kind === 'wfh'
        ? f.kind === 'wfh' && f.draft.agents.some((a) => query.cnics.includes(a.cnic))
        : f.kind === 'whitelisting' && sameCompany(f.draft.companyName, query.companyName) && f.draft.ntn === query.ntn,
    );
    return hit?.summary ?? null;
  }
}
