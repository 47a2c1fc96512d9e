/**
 * Web Chat identity across conversations: `POST /api/webchat/token` hands the page a `userToken` — an
 * HS256 JWT naming the user id and its token version, valid for USER_TOKEN_LIFETIME_SECONDS. Posted back
 * (`{"user": "<userToken>"}`) it gets a conversation token for the same user id; with `conversationId` of
 * that user's conversation it resumes it. A forged, expired or revoked userToken gets a brand-new user,
 * never anyone else's. Revoking = raising the user's `tokenVersion` (webchat_user row): every userToken
 * issued before stops working at once.
 */
import { hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { PrismaClient } from '../../generated/prisma/client';
import type { DirectLineKeys } from './secret';

/** How long a userToken names its user: 180 days, then the page starts as a new user. */
export const USER_TOKEN_LIFETIME_SECONDS = 180 * 24 * 3600;

const issuer = 'pseb-assist/webchat';
const audience = 'pseb-assist/webchat-user';

export interface UserTokenClaims {
  userId: string;
  version: number;
}

/** The userToken signing key: derived from the Direct Line secret for this purpose only. */
export function userTokenKey(keys: DirectLineKeys): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', keys.secret, 'pseb-assist/webchat', 'user-token', 32));
}

/** Signs a userToken. `now` is in milliseconds. */
export async function issueUserToken(keys: DirectLineKeys, claims: UserTokenClaims, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ ver: claims.version })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + USER_TOKEN_LIFETIME_SECONDS)
    .sign(userTokenKey(keys));
}

/** The claims of a well-signed, unexpired userToken; undefined otherwise (revocation is checked by the store). */
export async function verifyUserToken(keys: DirectLineKeys, token: unknown, now = Date.now()): Promise<UserTokenClaims | undefined> {
  if (typeof token !== 'string' || token.length > 2048) return undefined;
  try {
    const { payload } = await jwtVerify(token, userTokenKey(keys), {
      algorithms: ['HS256'],
      issuer,
      audience,
      currentDate: new Date(now),
      requiredClaims: ['exp', 'sub', 'ver'],
    });
    if (typeof payload.sub !== 'string' || !Number.isInteger(payload.ver)) return undefined;
    return { userId: payload.sub, version: payload.ver as number };
  } catch {
    return undefined;
  }
}

/** The webchat_user rows: who exists and which token version is current. */
export class WebchatUsers {
  constructor(private readonly prisma: PrismaClient) {}

  /** Records a new user with token version 1. */
  async create(userId: string): Promise<UserTokenClaims> {
    const row = await this.prisma.webchatUser.create({ data: { userId } });
    return { userId: row.userId, version: row.tokenVersion };
  }

  /** True when the claims name an existing user at their current version. */
  async isCurrent(claims: UserTokenClaims): Promise<boolean> {
    const row = await this.prisma.webchatUser.findUnique({ where: { userId: claims.userId }, select: { tokenVersion: true } });
    return row?.tokenVersion === claims.version;
  }

  /** Revokes every userToken of the user issued so far; false when there is no such user. */
  async revoke(userId: string, now = new Date()): Promise<boolean> {
    const { count } = await this.prisma.webchatUser.updateMany({
      where: { userId },
      data: { tokenVersion: { increment: 1 }, revokedAt: now },
    });
    return count > 0;
  }
}

export interface WebchatIdentity {
  userId: string;
  userToken: string;
  /** True when the posted userToken was honoured (same user as before). */
  returning: boolean;
}

/** The user a posted userToken names if it is valid and current; otherwise a new user made by `newUserId`. */
export async function identifyWebchatUser(
  keys: DirectLineKeys,
  users: WebchatUsers,
  posted: unknown,
  newUserId: () => string,
): Promise<WebchatIdentity> {
  const claims = await verifyUserToken(keys, posted);
  if (claims && (await users.isCurrent(claims))) {
    return { userId: claims.userId, userToken: await issueUserToken(keys, claims), returning: true };
  }
  const created = await users.create(newUserId());
  return { userId: created.userId, userToken: await issueUserToken(keys, created), returning: false };
}
