/**
 * Direct Line user tokens: HS256 JWTs bound to one conversation and one user, like Azure's (`conv`,
 * `user` claims — Web Chat reads `user` to know who "I" am). The secret itself is accepted as a bearer
 * by server-side callers only.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { DirectLineKeys } from './secret';

/** Seconds a token lives; Web Chat refreshes it well before (every 15 minutes). */
export const TOKEN_LIFETIME_SECONDS = 1800;

const issuer = 'pseb-assist/directline';
const audience = 'pseb-assist/directline';

export interface TokenClaims {
  conversationId: string;
  userId: string;
}

/** Who presented the Authorization header. */
export type Caller = { kind: 'secret' } | ({ kind: 'token' } & TokenClaims);

/** Signs a token for one conversation and user. `now` is in milliseconds. */
export async function issueToken(
  keys: DirectLineKeys,
  claims: TokenClaims,
  now = Date.now(),
  lifetimeSeconds = TOKEN_LIFETIME_SECONDS,
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ conv: claims.conversationId, user: claims.userId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeSeconds)
    .sign(keys.tokenKey);
}

/** The claims of a valid, unexpired token; undefined for anything else. */
export async function verifyToken(keys: DirectLineKeys, token: string, now = Date.now()): Promise<TokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, keys.tokenKey, {
      algorithms: ['HS256'],
      issuer,
      audience,
      currentDate: new Date(now),
      requiredClaims: ['exp', 'conv', 'user'],
    });
    if (typeof payload.conv !== 'string' || typeof payload.user !== 'string') return undefined;
    return { conversationId: payload.conv, userId: payload.user };
  } catch {
    return undefined;
  }
}

/** Constant-time comparison with the bearer secret. */
export function isSecret(keys: DirectLineKeys, bearer: string): boolean {
  const a = Buffer.from(bearer);
  const b = Buffer.from(keys.secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer value of an Authorization header, if it has the form `Bearer <value>`. */
export function bearerOf(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Identifies the caller: the secret, a valid token, or nobody (undefined). */
export async function identifyCaller(keys: DirectLineKeys, header: unknown, now = Date.now()): Promise<Caller | undefined> {
  const bearer = bearerOf(header);
  if (!bearer) return undefined;
  if (isSecret(keys, bearer)) return { kind: 'secret' };
  const claims = await verifyToken(keys, bearer, now);
  return claims ? { kind: 'token', ...claims } : undefined;
}

/** Whether a caller may use a conversation: the secret opens any, a token only its own. */
export function mayOpen(caller: Caller, conversationId: string): boolean {
  return caller.kind === 'secret' || caller.conversationId === conversationId;
}

/**
 * The capability in a conversation's serviceUrl: only the bot (which got the URL from us) can post into
 * the conversation through the connector routes.
 */
export function connectorKeyFor(keys: DirectLineKeys, conversationId: string): string {
  return createHmac('sha256', keys.connectorKey).update(conversationId).digest('base64url');
}

/** Constant-time check of a connector key against a conversation. */
export function isConnectorKeyFor(keys: DirectLineKeys, conversationId: string, key: string): boolean {
  const expected = Buffer.from(connectorKeyFor(keys, conversationId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
