/**
 * A running app with a loopback connector, a known support channel in Teams, staff agents posting in
 * hand-off threads, and users on Web Chat / Skype. Expected texts come from the locale files.
 */
import { randomUUID } from 'node:crypto';
import { ConversationState } from 'botbuilder';
import { startTestApp, TestUser, type Reply, type TestApp } from '../../helpers/app';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';
import { createI18n } from '../../../bot/i18n';
import { PrismaStorage } from '../../../bot/storage/prismaStorage';
import { MainDialog } from '../../../dialogs/mainDialog';
import { createHandoffFeature, type HandoffFeature } from '../../../bot/handoff/mount';
import type { Handoff } from '../../../generated/prisma/client';

export const teamId = '19:support-team@thread.tacv2';
export const channelId = '19:support-channel@thread.tacv2';
export const tenantId = 'tenant-1';
export const staff = [
  { aadObjectId: 'aad-ayesha', name: 'Ayesha Khan', teamsId: '29:ayesha' },
  { aadObjectId: 'aad-bilal', name: 'Bilal Ahmed', teamsId: '29:bilal' },
] as const;
export const outsider = { aadObjectId: 'aad-outsider', name: 'Not Staff', teamsId: '29:outsider' };

export const i18n = createI18n();
export const en = i18n.getFixedT('en');
export const ur = i18n.getFixedT('ur');

export interface AgentIdentity {
  aadObjectId: string;
  name: string;
  teamsId: string;
}

/** Someone in the support channel of Teams, writing in one thread (or the channel root). */
export class TeamsMember {
  constructor(
    private readonly baseUrl: string,
    private readonly serviceUrl: string,
    readonly who: AgentIdentity,
  ) {}

  /** Sends an activity into a conversation of the support channel. */
  send(conversationId: string, activity: Record<string, unknown>): Promise<Reply[]> {
    return new TestUser(this.baseUrl, 'msteams', this.who.teamsId, conversationId, this.serviceUrl).send({
      from: { id: this.who.teamsId, aadObjectId: this.who.aadObjectId, name: this.who.name },
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId },
      channelData: { team: { id: teamId }, channel: { id: channelId }, tenant: { id: tenantId } },
      ...activity,
    });
  }

  /** Writes in a thread, @mentioning the bot the way Teams does. */
  write(threadId: string, text: string): Promise<Reply[]> {
    const mention = '<at>PSEB Assist</at>';
    return this.send(threadId, {
      type: 'message',
      text: `${mention} ${text}`,
      entities: [{ type: 'mention', text: mention, mentioned: { id: 'pseb-bot', name: 'PSEB Assist' } }],
    });
  }

  /** Clicks a card button (Action.Submit). */
  click(threadId: string, value: Record<string, unknown>): Promise<Reply[]> {
    return this.send(threadId, { type: 'message', value });
  }
}

export interface Harness {
  test: TestApp;
  connector: ConnectorRecorder;
  member(who: AgentIdentity): TeamsMember;
  user(channel?: 'webchat' | 'skype', locale?: string): TestUser;
  /** The one open hand-off of a user conversation. */
  handoffOf(conversationId: string): Promise<Handoff>;
  /** A second feature instance over the same database, with its own clock (a second server). */
  featureWithClock(clock: () => Date): HandoffFeature;
  close(): Promise<void>;
}

/** Starts the app in business hours (`always`) unless env says otherwise, and installs the bot in the support channel. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const connector = await startConnector();
  const test = await startTestApp({
    STAFF_AAD_OBJECT_IDS: staff.map((s) => s.aadObjectId).join(','),
    SUPPORT_TEAM_ID: teamId,
    BUSINESS_HOURS: 'always',
    RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const member = (who: AgentIdentity) => new TeamsMember(test.baseUrl, connector.serviceUrl, who);
  // Installation in the team: the bot learns the channel from it.
  await member(staff[0]).send(channelId, { type: 'conversationUpdate', membersAdded: [{ id: 'pseb-bot' }] });
  return {
    test,
    connector,
    member,
    user: (channel = 'webchat', locale) =>
      new TestUser(test.baseUrl, channel, `user-${randomUUID()}`, undefined, connector.serviceUrl, locale),
    async handoffOf(conversationId) {
      return test.db.prisma.handoff.findFirstOrThrow({ where: { userConversationId: conversationId }, orderBy: { createdAt: 'desc' } });
    },
    featureWithClock(clock) {
      return createHandoffFeature({
        config: test.config,
        prisma: test.db.prisma,
        adapter: test.app.adapter,
        conversationState: new ConversationState(new PrismaStorage(test.db.prisma)),
        mainDialog: new MainDialog(),
        i18n,
        logger: test.app.logger,
        clock,
      });
    },
    async close() {
      await test.close();
      await connector.close();
    },
  };
}

/** Plain texts (activity.text) the bot sent to a conversation through the connector. */
export function plainTextsSentTo(connector: ConnectorRecorder, conversationId: string): string[] {
  return connector.sentTo(conversationId).map((a) => (typeof a.text === 'string' ? a.text : ''));
}
