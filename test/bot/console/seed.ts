/** Seed rows and token minting shared by the console's API and browser tests. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import type { PrismaClient } from '../../../generated/prisma/client';

export const tenantId = '8f3c2a1e-5b6d-4c7e-9f80-112233445566';
export const appId = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
export const publicHost = 'bot.pseb.example';

export interface Jwks {
  url: string;
  /** Signs a token with the served key; claims and options override the valid defaults. */
  mint(
    claims?: Record<string, unknown>,
    options?: { audience?: string; issuer?: string; expiresIn?: string | number; key?: KeyLike; kid?: string },
  ): Promise<string>;
  close(): Promise<void>;
}

/** A loopback JWKS endpoint serving one fresh RSA key, like login.microsoftonline.com's discovery keys. */
export async function startJwks(): Promise<Jwks> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = `kid-${randomUUID()}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    async mint(claims = {}, options = {}) {
      return new SignJWT({ tid: tenantId, name: 'Test Agent', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? kid })
        .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setAudience(options.audience ?? `api://${publicHost}/${appId}`)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Env for an app that validates Teams SSO tokens against the loopback JWKS. */
export function ssoEnv(jwksUrl: string, staffOids: string[]): Record<string, string> {
  return {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: 'not-used-in-these-tests',
    BOT_PUBLIC_HOST: publicHost,
    CONSOLE_JWKS_URL: jwksUrl,
    STAFF_AAD_OBJECT_IDS: staffOids.join(','),
    CONSOLE_DEV_TOKEN: 'dev-token-that-must-be-refused',
  };
}

const nextRef = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

/** A hand-off waiting for an agent since `minutesAgo`. */
export async function seedHandoff(
  prisma: PrismaClient,
  data: {
    minutesAgo?: number;
    userName?: string;
    topic?: string;
    status?: 'WAITING' | 'ACTIVE' | 'CLOSED';
    claimedAfterSeconds?: number;
    serviceUrl?: string;
    language?: string;
  } = {},
) {
  const createdAt = new Date(Date.now() - (data.minutesAgo ?? 3) * 60_000);
  const conversationId = `conv-${randomUUID()}`;
  const userId = `user-${randomUUID()}`;
  await prisma.conversationRef.create({
    data: {
      conversationId,
      channelId: 'webchat',
      userId,
      userName: data.userName ?? 'Ayesha',
      language: data.language ?? 'en',
      reference: {
        channelId: 'webchat',
        serviceUrl: data.serviceUrl ?? null,
        conversation: { id: conversationId },
        user: { id: userId },
        bot: { id: 'pseb-bot' },
      },
    },
  });
  return prisma.handoff.create({
    data: {
      status: data.status ?? 'WAITING',
      userConversationId: conversationId,
      userId,
      userName: data.userName ?? 'Ayesha',
      channelId: 'webchat',
      language: data.language ?? 'en',
      topic: data.topic ?? 'My WFH request is stuck',
      createdAt,
      claimedAt: data.claimedAfterSeconds === undefined ? null : new Date(createdAt.getTime() + data.claimedAfterSeconds * 1000),
      agentName: data.claimedAfterSeconds === undefined ? null : 'Earlier Agent',
    },
  });
}

/** A request in the given state (SUBMITTED by default). */
export async function seedRequest(
  prisma: PrismaClient,
  data: {
    companyName?: string;
    kind?: 'whitelisting' | 'wfh';
    status?: 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED' | 'REJECTED' | 'INFO_REQUESTED';
    language?: string;
    createdAt?: Date;
    cnic?: string;
  } = {},
) {
  const reference = nextRef(data.kind === 'wfh' ? 'WFH' : 'WL');
  return prisma.request.create({
    data: {
      reference,
      kind: data.kind ?? 'whitelisting',
      status: data.status ?? 'SUBMITTED',
      submitKey: randomUUID(),
      channelId: 'webchat',
      userId: `user-${randomUUID()}`,
      conversationId: `conv-${randomUUID()}`,
      language: data.language ?? 'en',
      companyName: data.companyName ?? 'Karachi Contact Centre (Pvt) Ltd',
      fields: { contactName: 'Bilal', contactPhone: '0300-1234567', seats: 40 },
      createdAt: data.createdAt,
      agents: data.cnic
        ? { create: [{ rowNo: 1, fullName: 'Sana Iqbal', cnic: data.cnic, city: 'Lahore', isp: 'PTCL', ipAddress: '39.32.10.4' }] }
        : undefined,
      events: { create: [{ fromStatus: null, toStatus: 'SUBMITTED', actorId: 'user', actorName: 'Bilal' }] },
    },
  });
}

/** An FAQ topic with one example question. */
export async function seedTopic(prisma: PrismaClient, id = `wfh.internet-${randomUUID().slice(0, 8)}`) {
  return prisma.faqTopic.create({
    data: {
      id,
      answerEn: 'Agents working from home need a stable broadband connection.',
      answerUr: 'گھر سے کام کرنے والے ایجنٹس کے لیے مستحکم براڈ بینڈ کنکشن ضروری ہے۔',
      questions: { create: [{ language: 'en', text: 'What internet do home agents need?' }] },
    },
  });
}

/** An open unanswered question asked `count` times. */
export async function seedUnanswered(prisma: PrismaClient, sample = 'Can agents use mobile data from home?', count = 4) {
  return prisma.unansweredQuestion.create({ data: { normalized: sample.toLowerCase(), language: 'en', sample, count } });
}
