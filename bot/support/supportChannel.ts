/**
 * The support channel: the Teams channel of team SUPPORT_TEAM_ID (optionally SUPPORT_CHANNEL_ID) where
 * hand-off and request notifications go. Its conversation reference is learnt from any activity seen
 * there (installation included) and kept in BotSetting, so every instance can use it.
 */
import type { Activity, ConversationAccount, ConversationReference, Middleware, TurnContext } from 'botbuilder';
import type { PrismaClient, Prisma } from '../../generated/prisma/client';
import type { Logger } from '../logger';

export const supportChannelSettingKey = 'support.channel';

/** Where the bot posts in Teams: the channel id and a reference addressed to the channel itself. */
export interface SupportChannel {
  /** Teams channel id (`19:…@thread.tacv2`), the target of new threads. */
  channelId: string;
  teamId: string;
  tenantId?: string;
  reference: Partial<ConversationReference>;
}

export interface SupportTarget {
  teamId?: string;
  channelId?: string;
}

interface TeamsChannelData {
  team?: { id?: string };
  channel?: { id?: string };
  tenant?: { id?: string };
}

/** The support channel an activity comes from, if it comes from the configured team (and channel). */
export function supportChannelOf(activity: Partial<Activity>, target: SupportTarget): SupportChannel | undefined {
  if (!target.teamId || activity.channelId !== 'msteams' || !activity.serviceUrl) return undefined;
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  if (data.team?.id !== target.teamId) return undefined;
  // An installation event may carry no channel: it then happens in General, whose id is the team's.
  const channelId = data.channel?.id ?? data.team.id;
  if (target.channelId && channelId !== target.channelId) return undefined;
  const tenantId = data.tenant?.id ?? activity.conversation?.tenantId;
  return {
    channelId,
    teamId: data.team.id,
    tenantId,
    reference: {
      channelId: 'msteams',
      serviceUrl: activity.serviceUrl,
      bot: activity.recipient,
      conversation: channelConversation(channelId, tenantId),
    },
  };
}

/** A reference to one thread of the support channel. */
export function threadReference(channel: SupportChannel, threadConversationId: string): Partial<ConversationReference> {
  return {
    ...channel.reference,
    conversation: channelConversation(threadConversationId, channel.tenantId),
  };
}

function channelConversation(id: string, tenantId: string | undefined): ConversationAccount {
  return { id, isGroup: true, conversationType: 'channel', tenantId, name: '' };
}

export interface SupportChannelStore {
  /** The known support channel, or undefined until the bot has seen it. */
  get(): Promise<SupportChannel | undefined>;
  /** Stores the channel when it differs from the stored one. */
  remember(channel: SupportChannel): Promise<void>;
}

export class PrismaSupportChannelStore implements SupportChannelStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Reads the stored channel. */
  async get(): Promise<SupportChannel | undefined> {
    const row = await this.prisma.botSetting.findUnique({ where: { key: supportChannelSettingKey } });
    return row ? (row.value as unknown as SupportChannel) : undefined;
  }

  /** Writes only on change, since it is called for every activity from the channel. */
  async remember(channel: SupportChannel): Promise<void> {
    const current = await this.get();
    if (current && JSON.stringify(current) === JSON.stringify(channel)) return;
    const value = JSON.parse(JSON.stringify(channel)) as Prisma.InputJsonValue;
    await this.prisma.botSetting.upsert({
      where: { key: supportChannelSettingKey },
      create: { key: supportChannelSettingKey, value },
      update: { value },
    });
  }
}

/** Learns the support channel from every activity; a failing store is logged, never fails the turn. */
export class SupportChannelMiddleware implements Middleware {
  constructor(
    private readonly store: SupportChannelStore,
    private readonly target: SupportTarget,
    private readonly logger: Logger,
  ) {}

  /** Remembers, then continues the turn. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const channel = supportChannelOf(context.activity, this.target);
    if (channel) {
      try {
        await this.store.remember(channel);
      } catch (err) {
        this.logger.warn({ err }, 'could not store the support channel');
      }
    }
    await next();
  }
}
