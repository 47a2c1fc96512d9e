/** Requests as the intake files them (the stored draft of each kind, agents in their table), for console tests. */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../generated/prisma/client';
import { newReference } from '../../../bot/domain/reference';

/** A whitelisting request with every field, as WhitelistingDraft stores it. */
export async function seedWhitelisting(prisma: PrismaClient, owner: { channelId?: string; userId?: string; conversationId?: string } = {}) {
  return prisma.request.create({
    data: {
      reference: newReference('whitelisting'),
      kind: 'whitelisting',
      submitKey: randomUUID(),
      channelId: owner.channelId ?? 'webchat',
      userId: owner.userId ?? `user-${randomUUID()}`,
      conversationId: owner.conversationId ?? `conv-${randomUUID()}`,
      language: 'en',
      companyName: 'Indus Contact Solutions (Pvt) Ltd',
      fields: {
        companyName: 'Indus Contact Solutions (Pvt) Ltd',
        psebRegistrationNo: null,
        ntn: '1234567-8',
        contactName: 'Ayesha Malik',
        contactCnic: '42101-1234567-1',
        contactMobile: '0300-1234567',
        contactEmail: 'ayesha.malik@company.pk',
        city: { kind: 'named', id: 'karachi' },
        agentSeats: 120,
        ipAddresses: ['39.45.12.7', '39.45.13.0/28'],
      },
      events: { create: [{ fromStatus: null, toStatus: 'SUBMITTED', actorId: 'user', actorName: 'Ayesha Malik' }] },
    },
  });
}

/** A work-from-home request with two agents. */
export async function seedWfh(prisma: PrismaClient) {
  return prisma.request.create({
    data: {
      reference: newReference('wfh'),
      kind: 'wfh',
      submitKey: randomUUID(),
      channelId: 'msteams',
      userId: `user-${randomUUID()}`,
      conversationId: `conv-${randomUUID()}`,
      language: 'ur',
      companyName: 'Lahore Voice (Pvt) Ltd',
      fields: {
        companyName: 'Lahore Voice (Pvt) Ltd',
        ntn: '7654321-0',
        contactName: 'Bilal Qureshi',
        contactMobile: '+92 321 7654321',
        contactEmail: 'bilal@lahorevoice.pk',
        whitelistingReference: 'WL-7K3M9Q',
        startDate: '2026-12-02',
        endDate: '2026-12-31',
      },
      agents: {
        create: [
          { rowNo: 1, fullName: 'Sana Iqbal', cnic: '35202-7654321-3', city: 'Lahore', isp: 'PTCL', ipAddress: '39.32.10.4' },
          { rowNo: 2, fullName: 'Omar Farooq', cnic: '35202-1111111-5', city: 'Lahore', isp: 'Nayatel', ipAddress: 'dynamic' },
        ],
      },
      events: { create: [{ fromStatus: null, toStatus: 'SUBMITTED', actorId: 'user', actorName: 'Bilal Qureshi' }] },
    },
  });
}
