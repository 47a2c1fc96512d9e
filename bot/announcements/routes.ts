/** /api/console/announcements: compose, count, send and follow announcements (staff only, via the console's guard). */
import type { Request, Response, Server } from 'restify';
import type { ConsoleActor } from '../console/auth';
import { ConsoleError } from '../console/errors';
import { parseInput } from '../console/validation';
import { audienceSchema } from './audience';
import type { UiLanguage } from '../i18n';
import { newAnnouncementSchema, type AnnouncementStore } from './store';

type Guarded = (
  handler: (req: Request, res: Response, actor: ConsoleActor) => Promise<void>,
) => (req: Request, res: Response) => Promise<void>;

/** What the console routes need from the feature. */
export interface AnnouncementsApi {
  store: AnnouncementStore;
  /** Called after an announcement is opened for sending, so the worker starts without waiting for its timer. */
  onSend(): void;
  /** The heading each language's message starts with, for the console's preview. */
  headings: Record<UiLanguage, string>;
}

const idOf = (req: Request): string => String((req.params as Record<string, unknown>).id ?? '');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounts the routes behind the console's `guarded` (authentication and the error catalog). */
export function mountAnnouncementRoutes(server: Server, guarded: Guarded, api: AnnouncementsApi): void {
  const { store } = api;
  const find = async (req: Request) => {
    const id = idOf(req);
    const found = uuid.test(id) ? await store.get(id) : null;
    if (!found) throw new ConsoleError('not_found', 'no such announcement');
    return found;
  };

  server.get(
    '/api/console/announcements/headings',
    guarded(async (_req, res) => void res.send(200, api.headings)),
  );
  server.get(
    '/api/console/announcements',
    guarded(async (_req, res) => void res.send(200, { announcements: await store.list() })),
  );
  server.post(
    '/api/console/announcements/count',
    guarded(async (req, res) => {
      const audience = parseInput(audienceSchema, (req.body as { audience?: unknown } | undefined)?.audience);
      res.send(200, { recipients: await store.count(audience) });
    }),
  );
  server.post(
    '/api/console/announcements',
    guarded(async (req, res, actor) => {
      const input = parseInput(newAnnouncementSchema, req.body);
      res.send(201, await store.create(input, { id: actor.oid, name: actor.name }));
    }),
  );
  server.get(
    '/api/console/announcements/:id',
    guarded(async (req, res) => {
      const { id, status, total, sent, failed, pending, optedOut, text, audience, createdBy, createdAt, sentAt } = await find(req);
      res.send(200, { id, status, total, sent, failed, pending, optedOut, text, audience, createdBy, createdAt, sentAt });
    }),
  );
  server.post(
    '/api/console/announcements/:id/send',
    guarded(async (req, res) => {
      const { id } = await find(req);
      const outcome = await store.startSending(id);
      if (!outcome.ok)
        throw new ConsoleError(outcome.reason === 'notFound' ? 'not_found' : 'illegal_transition', 'this announcement was already sent');
      api.onSend();
      res.send(202, { id, status: 'sending' });
    }),
  );
}
