/** A minimal Direct Line 3.0 client for the HTTP tests: what Web Chat's DirectLineJS does, by hand. */
import type { Reply } from '../../helpers/app';
import { eventually } from '../../helpers/eventually';

export interface DlActivity extends Reply {
  id: string;
  from?: { id: string; name?: string; role?: string };
  timestamp?: string;
  channelId?: string;
}

export interface Session {
  token: string;
  conversationId: string;
  userId: string;
}

/** POST /api/webchat/token, as the page does. */
export async function pageToken(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/webchat/token`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`token: ${res.status}`);
  return (await res.json()) as Session;
}

/**
 * A token plus a started conversation. Like DirectLineJS, it goes on with the token the start hands
 * back: that one proves the start (which stores nothing) and carries the conversation's locale.
 */
export async function startSession(baseUrl: string, locale = 'en-US'): Promise<Session> {
  const session = await pageToken(baseUrl);
  const res = await call(baseUrl, 'POST', '/v3/directline/conversations', session.token, { locale });
  if (res.status !== 201) throw new Error(`start: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return { ...session, token };
}

/** An HTTP call with a bearer. */
export function call(baseUrl: string, method: string, path: string, bearer: string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Posts an activity; returns its id. */
export async function post(baseUrl: string, s: Session, activity: Record<string, unknown>): Promise<string> {
  const res = await call(baseUrl, 'POST', `/v3/directline/conversations/${s.conversationId}/activities`, s.token, activity);
  if (res.status !== 200) throw new Error(`post: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** One poll. */
export async function poll(baseUrl: string, s: Session, watermark = ''): Promise<{ activities: DlActivity[]; watermark: string }> {
  const res = await call(baseUrl, 'GET', `/v3/directline/conversations/${s.conversationId}/activities?watermark=${watermark}`, s.token);
  if (res.status !== 200) throw new Error(`poll: ${res.status}`);
  return (await res.json()) as { activities: DlActivity[]; watermark: string };
}

/** Everything in the conversation, following watermarks until a poll brings nothing new. */
export async function pollAll(baseUrl: string, s: Session): Promise<DlActivity[]> {
  const all: DlActivity[] = [];
  let watermark = '';
  for (;;) {
    const page = await poll(baseUrl, s, watermark);
    all.push(...page.activities);
    if (page.activities.length === 0) return all;
    watermark = page.watermark;
  }
}

/** Polls until the predicate holds for the activities so far. */
export async function pollUntil(
  baseUrl: string,
  s: Session,
  done: (all: DlActivity[]) => boolean,
  timeoutMs = 10_000,
): Promise<DlActivity[]> {
  const all: DlActivity[] = [];
  let watermark = '';
  return eventually(
    'Direct Line activities',
    async () => {
      const page = await poll(baseUrl, s, watermark);
      all.push(...page.activities);
      watermark = page.watermark;
      return done(all) ? all : undefined;
    },
    { timeoutMs, intervalMs: 50, observed: () => `${all.length} activities so far` },
  );
}

/** Bot-sent activities. */
export const fromBot = (activities: DlActivity[]): DlActivity[] => activities.filter((a) => a.from?.role !== 'user');
