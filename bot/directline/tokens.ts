/**
 * Direct Line user tokens: HS256 JWTs bound to one conversation and one user, like Azure's (`conv`,
 * `user` claims — Web Chat reads `user` to know who "I" am). The secret itself is accepted as a bearer
 * by server-side callers only.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { DirectLineKeys } from './secret';

/** Seconds a token lives; Web Chat refreshes it well before (every 15 minutes). */
export const TOKEN_LIFETIME_SECONDS = 1800;

const issuer = 'pseb-assist/directline';
const audience = 'pseb-assist/directline';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /**
   * Set on the tokens a conversation start hands out (and their refreshes): the proof that the
   * conversation was started, since a start stores nothing, and the locale its welcome is in.
   */
  start?: ConversationStart;
}

export interface ConversationStart {
  locale?: string;
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
  const start = claims.start ? { started: true, ...(claims.start.locale ? { locale: claims.start.locale } : {}) } : {};
  return new SignJWT({ conv: claims.conversationId, user: claims.userId, ...start })
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
    const claims: TokenClaims = { conversationId: payload.conv, userId: payload.user };
    if (payload.started === true) claims.start = typeof payload.locale === 'string' ? { locale: payload.locale } : {};
    return claims;
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
 * Whether a caller may use a conversation that nothing is stored in yet (a start stores nothing). The
 * secret may, for any conversation id issued here. A token may read its own — the welcome is computed on
 * the fly — but may store the first activity only if a start handed it out (or refreshed one that did).
 */
export function mayUseUnstored(keys: DirectLineKeys, caller: Caller, conversationId: string, purpose: 'read' | 'write'): boolean {
  if (caller.kind === 'secret') return isIssuedConversationId(keys, conversationId);
  return caller.conversationId === conversationId && (purpose === 'read' || caller.start !== undefined);
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

/** Random part and tag of a conversation id, in base64url characters. */
const ID_RANDOM_CHARS = 22;
const ID_TAG_BYTES = 12;

/**
 * A new conversation id (opaque and URL-safe, as Direct Line's are) that this deployment can later
 * recognise as its own without having stored it: random bytes and an HMAC tag over them.
 */
export function newConversationId(keys: DirectLineKeys): string {
  const random = randomBytes(16).toString('base64url');
  return random + conversationTag(keys, random);
}

/** Whether a conversation id was issued by newConversationId under these keys (constant time). */
export function isIssuedConversationId(keys: DirectLineKeys, conversationId: string): boolean {
  const random = conversationId.slice(0, ID_RANDOM_CHARS);
  const expected = Buffer.from(random + conversationTag(keys, random));
  const given = Buffer.from(conversationId);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function conversationTag(keys: DirectLineKeys, random: string): string {
  return createHmac('sha256', keys.conversationKey).update(random).digest().subarray(0, ID_TAG_BYTES).toString('base64url');
}
