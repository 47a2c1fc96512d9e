/**
 * Requests for the decision tests: the hand-off harness (app, loopback connector, support channel,
 * staff), a second decisions feature over the same database for notifyRequestSubmitted (intake calls it
 * in the app), rows created with Prisma, and readers for what reached the channel and the applicant.
 */
import { randomUUID } from 'node:crypto';
import { ConversationState } from 'botbuilder';
import type { TestUser } from '../../helpers/app';
import { startHarness, i18n, type Harness } from '../handoff/harness';
import { PrismaStorage } from '../../../bot/storage/prismaStorage';
import { createDecisionsFeature, type DecisionsFeature } from '../../../bot/requests/mount';
import { newReference } from '../../../bot/domain/reference';
import type { Prisma, Request } from '../../../generated/prisma/client';
import type { UiLanguage } from '../../../bot/i18n';

export interface FileRequestOptions {
  kind?: 'whitelisting' | 'wfh';
  language?: UiLanguage;
  /** The form's fields; a filled form of the kind when absent. */
  fields?: { companyName: string } & Record<string, unknown>;
  /** A WFH request's agents; three when absent. */
  agents?: { fullName: string; cnic: string; city: string; isp: string; ipAddress: string }[];
}

export interface DecisionsHarness extends Harness {
  feature: DecisionsFeature;
  /** A request filed by this user in their conversation (they must have written once, so a reference is stored). */
  fileRequest(user: TestUser, options?: FileRequestOptions): Promise<Request>;
  /** Files a request and posts its card, as intake's onSubmitted does; returns the row with its thread. */
  submitted(
    user: TestUser,
    options?: { kind?: 'whitelisting' | 'wfh'; language?: UiLanguage },
  ): Promise<Request & { threadConversationId: string; threadActivityId: string }>;
  request(reference: string): Promise<Request>;
  events(requestId: string): Promise<{ fromStatus: string | null; toStatus: string; actorId: string; note: string | null }[]>;
  /** The latest version of a request card: created with the thread, then updated in place. */
  latestCard(request: { reference: string; threadConversationId: string; threadActivityId: string }): string;
}

const whitelistingFields = {
  companyName: 'Indus Contact Solutions',
  contactName: 'Ayesha Malik',
  contactCnic: '42101-1234567-1',
  contactMobile: '0300-1234567',
  contactEmail: 'ayesha.malik@indus.pk',
  city: 'Karachi',
  agentSeats: 120,
  ipAddresses: ['39.45.12.7'],
};

const wfhFields = {
  companyName: 'Lahore Voice (Pvt) Ltd',
  contactName: 'Bilal Qureshi',
  contactMobile: '+92 321 7654321',
  contactEmail: 'bilal@lahorevoice.pk',
  startDate: '2020-04-01',
  endDate: '2020-04-30',
};

const defaultAgents = [1, 2, 3].map((rowNo) => ({
  fullName: `Agent ${rowNo}`,
  cnic: `35202-123456${rowNo}-1`,
  city: 'Lahore',
  isp: 'PTCL',
  ipAddress: `39.45.12.${rowNo}`,
}));

/** Starts the app with a known support channel and staff. */
export async function startDecisionsHarness(env: Record<string, string> = {}): Promise<DecisionsHarness> {
  const h = await startHarness(env);
  const { prisma } = h.test.db;
  const feature = createDecisionsFeature({
    config: h.test.config,
    prisma,
    adapter: h.test.app.adapter,
    conversationState: new ConversationState(new PrismaStorage(prisma)),
    i18n,
    logger: h.test.app.logger,
  });
  const fileRequest: DecisionsHarness['fileRequest'] = async (user, options = {}) => {
    const kind = options.kind ?? 'whitelisting';
    const fields = options.fields ?? (kind === 'whitelisting' ? whitelistingFields : wfhFields);
    const request = await prisma.request.create({
      data: {
        reference: newReference(kind),
        kind,
        submitKey: randomUUID(),
        channelId: user.channelId,
        userId: user.userId,
        conversationId: user.conversationId,
        language: options.language ?? 'en',
        companyName: fields.companyName,
        fields: fields as Prisma.InputJsonValue,
      },
    });
    if (kind === 'wfh') {
      await prisma.requestAgent.createMany({
        data: (options.agents ?? defaultAgents).map((agent, i) => ({ requestId: request.id, rowNo: i + 1, ...agent })),
      });
    }
    return request;
  };
  return {
    ...h,
    feature,
    fileRequest,
    async submitted(user, options) {
      const filed = await fileRequest(user, options);
      await feature.notifyRequestSubmitted(filed);
      const row = await prisma.request.findUniqueOrThrow({ where: { id: filed.id } });
      if (!row.threadConversationId || !row.threadActivityId) throw new Error('no thread recorded for the request');
      return { ...row, threadConversationId: row.threadConversationId, threadActivityId: row.threadActivityId };
    },
    request: (reference) => prisma.request.findUniqueOrThrow({ where: { reference } }),
    events: (requestId) =>
      prisma.requestEvent.findMany({
        where: { requestId },
        orderBy: [{ createdAt: 'asc' }],
        select: { fromStatus: true, toStatus: true, actorId: true, note: true },
      }),
    latestCard({ reference, threadConversationId, threadActivityId }) {
      const updates = h.connector.calls.filter(
        (c) =>
          c.method === 'PUT' &&
          c.conversationId === threadConversationId &&
          c.activityId === threadActivityId &&
          c.body.failedWith === undefined,
      );
      if (updates.length) return JSON.stringify(updates[updates.length - 1].body);
      return JSON.stringify(
        h.connector.created.find((c) => c.body.failedWith === undefined && JSON.stringify(c.body).includes(reference))?.body ?? {},
      );
    },
  };
}
