/**
 * Direct Line streaming: `GET /v3/directline/conversations/:id/stream?t=<token>&watermark=` upgraded to
 * a WebSocket that pushes `{activities, watermark}` frames. Activities live in the database, so each
 * socket follows its conversation there — at once when any instance stored something (signals, across
 * instances by LISTEN/NOTIFY), with a slow poll as the safety net.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import { parseWatermark } from './activities';
import type { DirectLineKeys } from './secret';
import type { DirectLineStore, StoredActivity } from './store';
import { decodeJwt } from 'jose';
import { bearerOf, identifyCaller, mayOpen, mayUseUnstored } from './tokens';
import { readPage, type Greeter, type WelcomeFor } from './welcome';

/**
 * Milliseconds between two looks at the database for a socket's conversation when no signal came:
 * other instances wake streams through LISTEN/NOTIFY, so this is only the safety net for a lost
 * notification connection.
 */
export const STREAM_POLL_MS = 5_000;
/** Milliseconds of silence after which an empty frame is sent (DirectLineJS skips empty frames). */
export const STREAM_HEARTBEAT_MS = 20_000;
/** Activities per frame; a full frame is followed at once by the next. */
export const STREAM_PAGE_SIZE = 100;
/** Bytes queued on a socket beyond which we wait for a slow client before reading more. */
const MAX_BUFFERED_BYTES = 1_000_000;

/** Streams one conversation may have open at once on this instance (Web Chat needs one; a reload briefly two). */
export const MAX_STREAMS_PER_CONVERSATION = 4;

const streamPath = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,128})\/stream$/;

export interface StreamDeps {
  store: Pick<DirectLineStore, 'find' | 'list' | 'signals'>;
  /** The welcome of a conversation nothing is stored in yet. */
  greeter: Greeter;
  keys: () => DirectLineKeys;
  logger: Logger;
  pollMs?: number;
  heartbeatMs?: number;
}

export interface StreamRequest {
  conversationId: string;
  token: string | undefined;
  watermark: number | undefined;
}

/** Reads a stream URL (path and query); undefined when the path is not a stream, 'bad' for a bad watermark. */
export function parseStreamRequest(url: string): StreamRequest | 'bad' | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return undefined;
  }
  const match = streamPath.exec(parsed.pathname);
  if (!match) return undefined;
  const watermark = parseWatermark(parsed.searchParams.get('watermark') ?? undefined);
  if (!watermark.ok) return 'bad';
  return { conversationId: match[1], token: parsed.searchParams.get('t') ?? undefined, watermark: watermark.value };
}

/** Where a client opens its stream: same host as its request, `wss` behind TLS (or a TLS-terminating proxy). */
export function streamUrlFor(req: IncomingMessage, conversationId: string, token: string, watermark?: string): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : undefined;
  const secure = proto === 'https' || ('encrypted' in req.socket && req.socket.encrypted === true);
  const host = req.headers.host ?? `127.0.0.1:${req.socket.localPort}`;
  const query = new URLSearchParams({ t: token, watermark: watermark ?? '' });
  return `${secure ? 'wss' : 'ws'}://${host}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`;
}

export interface StreamHandle {
  /** Closes every open stream (the http server cannot finish closing while upgraded sockets live). */
  close(): void;
}

/** Serves stream upgrades on the http server under restify. */
export function mountStream(httpServer: HttpServer, deps: StreamDeps): StreamHandle {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const stops = new Set<() => void>();

  const perConversation = new Map<string, number>();
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Already answered by the upgrade guard (bot/http/upgrade.ts).
    if (socket.destroyed) return;
    const parsed = parseStreamRequest(req.url ?? '');
    if (parsed === undefined) {
      // Another feature may serve this path; answer only if nobody else listens.
      if (httpServer.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
      return;
    }
    if (parsed === 'bad') return refuse(socket, 400, 'Bad Request');
    authorizeStream(deps, parsed, req.headers.authorization).then(
      (verdict) => {
        if (verdict === 'unknown') return refuse(socket, 404, 'Not Found');
        if (verdict === 'forbidden') return refuse(socket, 403, 'Forbidden');
        const streams = perConversation.get(parsed.conversationId) ?? 0;
        if (streams >= MAX_STREAMS_PER_CONVERSATION) return refuse(socket, 429, 'Too Many Requests');
        perConversation.set(parsed.conversationId, streams + 1);
        socket.once('close', () => {
          const left = (perConversation.get(parsed.conversationId) ?? 1) - 1;
          if (left <= 0) perConversation.delete(parsed.conversationId);
          else perConversation.set(parsed.conversationId, left);
        });
        wss.handleUpgrade(req, socket, head, (ws) => stops.add(follow(ws, parsed, deps, stops, verdict)));
      },
      (err: unknown) => {
        deps.logger.error({ err, conversationId: parsed.conversationId }, 'direct line stream upgrade failed');
        refuse(socket, 500, 'Internal Server Error');
      },
    );
  });

  return {
    close() {
      for (const stop of [...stops]) stop();
      // No closing handshake on shutdown: a client that never answers would hold the server open.
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

interface StreamGrant {
  /** When the token expires (ms since the epoch); the secret's streams do not. */
  expiresAt: number | undefined;
  /** Whom the welcome is for while nothing is stored in the conversation. */
  welcomeFor: WelcomeFor;
}

/**
 * Whether the stream may open: a valid token (or the secret) for this conversation, which must be stored
 * or usable unstored (a started one shows its welcome). A token's stream lives until the token expires;
 * the client then reconnects with its refreshed token.
 */
async function authorizeStream(
  deps: StreamDeps,
  request: StreamRequest,
  header: string | undefined,
): Promise<StreamGrant | 'forbidden' | 'unknown'> {
  const bearer = request.token ? `Bearer ${request.token}` : header;
  const caller = await identifyCaller(deps.keys(), bearer);
  if (!caller || !mayOpen(caller, request.conversationId)) return 'forbidden';
  const usable =
    mayUseUnstored(deps.keys(), caller, request.conversationId, 'read') || (await deps.store.find(request.conversationId)) !== null;
  if (!usable) return 'unknown';
  const byToken = caller.kind === 'token' ? caller : undefined;
  return {
    expiresAt: byToken ? tokenExpiry(bearerOf(bearer)) : undefined,
    welcomeFor: { conversationId: request.conversationId, userId: byToken?.userId, locale: byToken?.start?.locale },
  };
}

/** Milliseconds since the epoch at which a (verified) token expires. */
function tokenExpiry(token: string | undefined): number | undefined {
  try {
    const { exp } = decodeJwt(token ?? '');
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Rejects an upgrade with a plain HTTP status. */
function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * Pushes the conversation's activities after the watermark until the socket closes; returns its stop.
 * One loop per socket, awaiting each send's turn, so frames go out in seq order and none twice.
 */
function follow(ws: WebSocket, request: StreamRequest, deps: StreamDeps, stops: Set<() => void>, grant: StreamGrant): () => void {
  const { expiresAt } = grant;
  const pollMs = deps.pollMs ?? STREAM_POLL_MS;
  const heartbeatMs = deps.heartbeatMs ?? STREAM_HEARTBEAT_MS;
  let open = true;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  // A signal that arrives while we read the database must not be lost: it makes the next pause end at once.
  let changed = false;
  const unsubscribe = deps.store.signals.subscribe(request.conversationId, () => {
    changed = true;
    wake?.();
  });
  const stop = () => {
    if (!open) return;
    open = false;
    stops.delete(stop);
    unsubscribe();
    if (timer) clearTimeout(timer);
    wake?.();
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1001);
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (changed || !open) return resolve();
      wake = resolve;
      timer = setTimeout(resolve, ms);
    }).finally(() => {
      if (timer) clearTimeout(timer);
      wake = undefined;
    });
  // Clients ping with empty frames; nothing they send means anything here.
  ws.on('message', () => undefined);
  ws.on('close', stop);
  ws.on('error', stop);
  // 4001: the token expired; Direct Line clients reconnect with their refreshed token.
  const expiry =
    expiresAt === undefined
      ? undefined
      : setTimeout(
          () => {
            if (ws.readyState === WebSocket.OPEN) ws.close(4001, 'token expired');
            stop();
          },
          Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)),
        );
  expiry?.unref();
  ws.once('close', () => clearTimeout(expiry));

  // Computed once per socket, so a welcome shown before anything is stored keeps its timestamp.
  let welcome: StoredActivity[] | undefined;
  const welcomeOnce = () => (welcome ??= deps.greeter.activities(grant.welcomeFor));
  const run = async () => {
    let watermark = request.watermark;
    let lastSent = Date.now();
    while (open) {
      changed = false;
      const page = await readPage(deps.store, request.conversationId, watermark, STREAM_PAGE_SIZE, welcomeOnce);
      if (!open) return;
      if (page.activities.length > 0) {
        ws.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
        watermark = page.watermark;
        lastSent = Date.now();
        if (page.activities.length === STREAM_PAGE_SIZE && ws.bufferedAmount < MAX_BUFFERED_BYTES) continue;
      } else if (Date.now() - lastSent >= heartbeatMs) {
        ws.send('');
        lastSent = Date.now();
      }
      await pause(pollMs);
    }
  };
  run().catch((err: unknown) => {
    if (open) deps.logger.error({ err, conversationId: request.conversationId }, 'direct line stream failed');
    if (ws.readyState === WebSocket.OPEN) ws.close(1011);
    stop();
  });
  return stop;
}
