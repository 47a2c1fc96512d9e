/**
 * The Direct Line 3.0 subset Web Chat uses (polling, and a streamUrl for ./stream), plus `POST /api/webchat/token`
 * for our own page. Conversations and activities live in the database, so any instance answers. Starting a
 * conversation stores nothing: until the user's first activity its welcome is computed on the fly
 * (bot/directline/welcome.ts), and that first activity stores the conversation, the welcome and itself.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Activity } from 'botbuilder';
import type { Logger } from '../logger';
import { safe } from '../http/safe';
import { sendDirectLineError, type DirectLineErrorCode } from './errors';
import { uploadedParts } from '../http/body';
import {
  parseClientActivity,
  parseWatermark,
  stampUserActivity,
  WEBCHAT_CHANNEL_ID,
  type ClientActivity,
  type Participants,
} from './activities';
import { serviceUrlFor } from './connector';
import { streamUrlFor } from './stream';
import type { Deliver, DeliveryOptions } from './delivery';
import { TurnConflictError } from '../reliability/turnRetry';
import type { DirectLineKeys } from './secret';
import { UnknownConversationError, type DirectLineStore, type StoredActivity } from './store';
import { identifyWebchatUser, USER_TOKEN_LIFETIME_SECONDS, verifyUserToken, type WebchatUsers } from './userToken';
import {
  identifyCaller,
  issueToken,
  mayOpen,
  mayUseUnstored,
  newConversationId,
  TOKEN_LIFETIME_SECONDS,
  type Caller,
  type ConversationStart,
  type TokenClaims,
} from './tokens';
import { readPage, type Greeter } from './welcome';
import { MAX_UPLOAD_REQUEST_BYTES, readActivityPart, splitParts, toCsvAttachment } from './upload';

export const DIRECTLINE_PREFIX = '/v3/directline';
export const WEBCHAT_TOKEN_PATH = '/api/webchat/token';
/** The one route that takes multipart bodies. */
export const UPLOAD_ROUTE = `${DIRECTLINE_PREFIX}/conversations/:conversationId/upload`;
export const WEBCHAT_FORGET_PATH = '/api/webchat/forget';
/** Activities returned per poll; the client comes back for the rest at once. */
export const PAGE_SIZE = 100;

export interface RouteDeps {
  store: DirectLineStore;
  /** Web Chat users and their userToken versions. */
  users: WebchatUsers;
  keys: () => DirectLineKeys;
  deliver: Deliver;
  /** The welcome of a conversation nothing is stored in yet. */
  greeter: Greeter;
  bot: Participants['bot'];
  logger: Logger;
}

/** A new user id; the `dl_` prefix marks ids that only a token may carry (Web Chat enforces it). */
export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

/** A user id a secret holder passes for its user: 1–128 printable characters. */
export function isValidUserId(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value);
}

/** Mounts the Direct Line routes and the page's token endpoint. */
export function mountDirectLineRoutes(server: Server, deps: RouteDeps): void {
  const route = (handler: (req: Request, res: Response) => Promise<void>) => safe(deps.logger, handler);

  // Uploads must declare their length, so a too-big one is refused before any of it is read.
  server.pre((req, res, next) => {
    const problem = req.method === 'POST' && uploadPath.test(req.url ?? '') ? uploadSizeProblem(req.headers['content-length']) : undefined;
    if (!problem) return next();
    sendDirectLineError(res, problem);
    next(false);
  });

  server.post(
    WEBCHAT_TOKEN_PATH,
    route(async (req, res) => {
      const body = isRecord(req.body) ? req.body : {};
      const identity = await identifyWebchatUser(deps.keys(), deps.users, body.user, newUserId);
      // Only the same user's own conversation is resumed; anything else gets a new one.
      const asked =
        identity.returning && typeof body.conversationId === 'string' && body.conversationId.length <= 64 ? body.conversationId : undefined;
      const resumed = asked !== undefined && (await deps.store.find(asked))?.userId === identity.userId;
      const claims = { conversationId: resumed ? asked : newConversationId(deps.keys()), userId: identity.userId };
      const token = await issueToken(deps.keys(), claims);
      res.send(200, {
        token,
        conversationId: claims.conversationId,
        userId: claims.userId,
        expires_in: TOKEN_LIFETIME_SECONDS,
        userToken: identity.userToken,
        userTokenExpiresIn: USER_TOKEN_LIFETIME_SECONDS,
        resumed,
      });
    }),
  );

  server.post(
    WEBCHAT_FORGET_PATH,
    route(async (req, res) => {
      // "Forget me on this device": the page clears its copy; this makes any other copy useless too.
      const claims = await verifyUserToken(deps.keys(), isRecord(req.body) ? req.body.user : undefined);
      if (claims && (await deps.users.isCurrent(claims))) await deps.users.revoke(claims.userId);
      res.send(204);
    }),
  );

  server.post(
    `${DIRECTLINE_PREFIX}/tokens/generate`,
    route(async (req, res) => {
      const caller = await authorize(deps, req, res);
      if (!caller) return;
      if (caller.kind !== 'secret') return sendDirectLineError(res, 'secret_required');
      const requested: unknown = isRecord(req.body) && isRecord(req.body.user) ? req.body.user.id : undefined;
      if (requested !== undefined && !isValidUserId(requested)) return sendDirectLineError(res, 'invalid_user_id');
      const claims = { conversationId: newConversationId(deps.keys()), userId: isValidUserId(requested) ? requested : newUserId() };
      res.send(200, {
        conversationId: claims.conversationId,
        token: await issueToken(deps.keys(), claims),
        expires_in: TOKEN_LIFETIME_SECONDS,
      });
    }),
  );

  server.post(
    `${DIRECTLINE_PREFIX}/tokens/refresh`,
    route(async (req, res) => {
      const caller = await authorize(deps, req, res);
      if (!caller) return;
      if (caller.kind !== 'token') return sendDirectLineError(res, 'token_required');
      const claims = { conversationId: caller.conversationId, userId: caller.userId, start: caller.start };
      res.send(200, {
        conversationId: claims.conversationId,
        token: await issueToken(deps.keys(), claims),
        expires_in: TOKEN_LIFETIME_SECONDS,
      });
    }),
  );

  server.post(
    `${DIRECTLINE_PREFIX}/conversations`,
    route(async (req, res) => {
      const caller = await authorize(deps, req, res);
      if (!caller) return;
      const locale =
        isRecord(req.body) && typeof req.body.locale === 'string' && req.body.locale.length <= 32 ? req.body.locale : undefined;
      const named: unknown = isRecord(req.body) && isRecord(req.body.user) ? req.body.user.id : undefined;
      const start: ConversationStart = locale ? { locale } : {};
      // Nothing is stored: the token handed back proves the start (and keeps the first start's locale).
      const claims: TokenClaims =
        caller.kind === 'token'
          ? { conversationId: caller.conversationId, userId: caller.userId, start: caller.start ?? start }
          : { conversationId: newConversationId(deps.keys()), userId: isValidUserId(named) ? named : newUserId(), start };
      const isNew = caller.kind === 'secret' || (caller.start === undefined && !(await deps.store.find(claims.conversationId)));
      const token = await issueToken(deps.keys(), claims);
      const streamUrl = streamUrlFor(req, claims.conversationId, token);
      res.send(isNew ? 201 : 200, { conversationId: claims.conversationId, token, expires_in: TOKEN_LIFETIME_SECONDS, streamUrl });
    }),
  );

  server.get(
    `${DIRECTLINE_PREFIX}/conversations/:conversationId`,
    route(async (req, res) => {
      // A reconnecting stream names the watermark it has; its new streamUrl resumes from there.
      const watermark = parseWatermark((req.query as Record<string, unknown> | undefined)?.watermark);
      if (!watermark.ok) return sendDirectLineError(res, 'invalid_watermark');
      const opened = await openConversation(deps, req, res, 'read');
      if (!opened) return;
      const token = await issueToken(deps.keys(), { conversationId: opened.conversationId, userId: opened.userId, start: opened.start });
      const streamUrl = streamUrlFor(req, opened.conversationId, token, watermark.value === undefined ? '' : String(watermark.value));
      res.send(200, { conversationId: opened.conversationId, token, expires_in: TOKEN_LIFETIME_SECONDS, streamUrl });
    }),
  );

  server.get(
    `${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const watermark = parseWatermark((req.query as Record<string, unknown> | undefined)?.watermark);
      if (!watermark.ok) return sendDirectLineError(res, 'invalid_watermark');
      const opened = await openConversation(deps, req, res, 'read');
      if (!opened) return;
      const page = await readPage(deps.store, opened.conversationId, watermark.value, PAGE_SIZE, () => welcomeOf(deps, opened));
      res.send(200, { activities: page.activities, watermark: page.watermark === undefined ? '' : String(page.watermark) });
    }),
  );

  server.post(
    `${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const opened = await openConversation(deps, req, res, 'write');
      if (!opened) return;
      const parsed = parseClientActivity(req.body);
      if (!parsed.ok) return sendDirectLineError(res, 'invalid_activity', parsed.problems);
      await post(deps, req, res, opened, parsed.activity);
    }),
  );

  server.post(
    UPLOAD_ROUTE,
    route(async (req, res) => {
      const opened = await openConversation(deps, req, res, 'write');
      if (!opened) return;
      const { activity: activityPart, uploads } = splitParts(uploadedParts(req));
      const fieldActivity = isRecord(req.body) && typeof req.body.activity === 'string' ? safeJson(req.body.activity) : undefined;
      const parsed = parseClientActivity(fieldActivity ?? readActivityPart(activityPart));
      if (!parsed.ok) return sendDirectLineError(res, 'invalid_activity', parsed.problems);
      const attachment = toCsvAttachment(uploads);
      if (typeof attachment === 'string') return sendDirectLineError(res, attachment);
      await post(deps, req, res, opened, { ...parsed.activity, type: 'message', attachments: [attachment] });
    }),
  );
}

const uploadPath = /^\/v3\/directline\/conversations\/[^/]+\/upload(\?|$)/;

/** Why an upload must be refused before its body is read: no declared length, or too long. */
export function uploadSizeProblem(
  contentLength: string | undefined,
): Extract<DirectLineErrorCode, 'length_required' | 'too_large'> | undefined {
  const length = Number(contentLength);
  if (contentLength === undefined || !Number.isFinite(length)) return 'length_required';
  if (length > MAX_UPLOAD_REQUEST_BYTES) return 'too_large';
  return undefined;
}

/** Who is calling; answers 401/403 and returns undefined when nobody valid. */
async function authorize(deps: RouteDeps, req: Request, res: Response): Promise<Caller | undefined> {
  const header = req.headers.authorization;
  if (!header) {
    sendDirectLineError(res, 'unauthorized');
    return undefined;
  }
  const caller = await identifyCaller(deps.keys(), header);
  if (!caller) sendDirectLineError(res, 'forbidden');
  return caller;
}

interface Opened {
  conversationId: string;
  userId: string;
  /** True when the secret opened it: the caller names the speaking user itself. */
  bySecret: boolean;
  /** False while nothing is stored in the conversation (its welcome is computed on the fly). */
  stored: boolean;
  /** The start claims of the caller's token: their locale decides the welcome. */
  start: ConversationStart | undefined;
}

/**
 * Authorizes the caller for the path's conversation and loads it: 403 for another's, 404 for one that is
 * neither stored nor usable unstored (bot/directline/tokens.ts `mayUseUnstored`).
 */
async function openConversation(deps: RouteDeps, req: Request, res: Response, purpose: 'read' | 'write'): Promise<Opened | undefined> {
  const caller = await authorize(deps, req, res);
  if (!caller) return undefined;
  const conversationId = String((req.params as Record<string, unknown>).conversationId ?? '');
  if (!mayOpen(caller, conversationId)) {
    sendDirectLineError(res, 'forbidden');
    return undefined;
  }
  const row = await deps.store.find(conversationId);
  if (!row && !mayUseUnstored(deps.keys(), caller, conversationId, purpose)) {
    sendDirectLineError(res, 'unknown_conversation');
    return undefined;
  }
  const start = caller.kind === 'token' ? caller.start : {};
  const userId = caller.kind === 'token' ? caller.userId : (row?.userId ?? newUserId());
  return { conversationId, userId, bySecret: caller.kind === 'secret', stored: row !== null, start };
}

/** The welcome of an opened conversation (for the secret, without a user: it names its users per activity). */
function welcomeOf(deps: RouteDeps, opened: Opened, userId = opened.bySecret ? undefined : opened.userId, now?: Date): StoredActivity[] {
  return deps.greeter.activities({ conversationId: opened.conversationId, userId, locale: opened.start?.locale }, now);
}

/**
 * Stores the user's activity (it echoes back by polling) and runs the bot's turn. The first activity of
 * a conversation stores it, with the welcome just before the activity, and first lets the bot see the
 * conversation start (its greeting is the welcome already stored, so that turn's replies are dropped).
 */
async function post(deps: RouteDeps, req: Request, res: Response, opened: Opened, activity: ClientActivity): Promise<void> {
  const named = opened.bySecret && isValidUserId(activity.from?.id) ? activity.from.id : opened.userId;
  const now = new Date();
  const stored = stampUserActivity(activity, { conversationId: opened.conversationId, userId: named, bot: deps.bot }, now);
  const opening = opened.stored ? undefined : { userId: named, welcome: welcomeOf(deps, opened, named, new Date(now.getTime() - 1)) };
  let created: boolean;
  try {
    created = (await deps.store.append(opened.conversationId, stored, opening)).created;
  } catch (err) {
    if (err instanceof UnknownConversationError) return sendDirectLineError(res, 'unknown_conversation');
    throw err;
  }
  if (created) await runTurn(deps, req, joinActivity(deps, opened.conversationId, named, opened.start?.locale), { publish: false });
  const outcome = await runTurn(deps, req, stored);
  if (outcome === 'busy') {
    res.header('Retry-After', '1');
    return sendDirectLineError(res, 'busy');
  }
  if (outcome === 'failed') return sendDirectLineError(res, 'bot_error');
  res.send(200, { id: stored.id });
}

/** The conversation start as the bot sees it: the user and the bot join. */
function joinActivity(deps: RouteDeps, conversationId: string, userId: string, locale: string | undefined): StoredActivity {
  return {
    type: 'conversationUpdate',
    id: `${conversationId}|start`,
    timestamp: new Date().toISOString(),
    channelId: WEBCHAT_CHANNEL_ID,
    conversation: { id: conversationId },
    from: { id: userId, role: 'user' },
    recipient: { id: deps.bot.id, name: deps.bot.name, role: 'bot' },
    membersAdded: [{ id: deps.bot.id, name: deps.bot.name }, { id: userId }],
    ...(locale ? { locale } : {}),
  };
}

/** Runs the bot's turn for an activity; failures are logged, and told apart from lost state races. */
async function runTurn(
  deps: RouteDeps,
  req: Request,
  stored: StoredActivity,
  options?: DeliveryOptions,
): Promise<'ok' | 'busy' | 'failed'> {
  const conversationId = (stored.conversation as { id: string }).id;
  try {
    await deps.deliver({ ...stored, serviceUrl: serviceUrlFor(req, deps.keys(), conversationId) } as Partial<Activity>, options);
    return 'ok';
  } catch (err) {
    if (err instanceof TurnConflictError) {
      deps.logger.warn({ attempts: err.attempts, conversationId }, 'direct line turn abandoned after repeated state conflicts');
      return 'busy';
    }
    deps.logger.error({ err, conversationId, activityType: stored.type }, 'direct line turn failed');
    return 'failed';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
