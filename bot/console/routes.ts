/** /api/console/*: the agent console's JSON API. Every route authenticates first; see README.md here. */
import type { Request, Response, Server } from 'restify';
import type { JWTVerifyGetKey } from 'jose';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { safe, sendError } from '../http/safe';
import { createConsoleAuth, type ConsoleActor } from './auth';
import { ConsoleError } from './errors';
import { ConsoleStaff } from './staff';
import { PrismaStaffDirectory, type StaffDirectory } from '../staff/staffDirectory';
import { claimFromConsole, closeTicket, conditionalClaim, loadQueue, type ClaimHandoff } from './queue';
import { addNote, readTranscript, recentConversations } from './transcripts';
import { transitionDecision, listRequests, requestDetail, requestsCsv, type DecideRequest, type DecisionNotifier } from './requests';
import { ConsoleFaq, listTopics, unansweredQuestions } from './faq';
import { loadDashboard } from './dashboard';
import { lowRatings, mountDeskRoutes, type ConsoleDesk } from './desk';
import { mountConsolePage } from './static';
import { mountAnnouncementRoutes, type AnnouncementsApi } from '../announcements/routes';
import {
  dashboardSchema,
  decisionSchema,
  faqQuestionSchema,
  faqTopicCreateSchema,
  faqTopicUpdateSchema,
  noteSchema,
  parseInput,
  requestFilterSchema,
  revealSchema,
  staffAddSchema,
} from './validation';

export interface ConsoleDeps {
  config: Config;
  prisma: PrismaClient;
  logger: Logger;
  now?: () => Date;
  /** bot/handoff's claim (updates the Teams card, tells the user); defaults to a bare conditional update. */
  claimHandoff?: ClaimHandoff;
  /** Replaces the whole decision (tests); by default bot/requests' transitions plus `requestNotifier`. */
  decideRequest?: DecideRequest;
  /** bot/requests' RequestNotifier: after a console decision the Teams card is updated and the applicant told. */
  requestNotifier?: DecisionNotifier;
  /** Makes the FAQ engine reload after a console edit; the lead wires bot/faq's reload here. */
  onFaqChanged?: () => Promise<void>;
  /** Who is staff; defaults to bot/staff's PrismaStaffDirectory over the same config and table. */
  staffDirectory?: StaffDirectory;
  /** bot/handoff's desk actions (reply, FAQ answer, saved reply, end, context); the lead wires HandoffService here. */
  desk?: ConsoleDesk;
  /** A local key set instead of the remote JWKS (tests of auth itself). */
  keys?: JWTVerifyGetKey;
  /** bot/announcements: compose and send announcements. */
  announcements?: AnnouncementsApi;
}

type ConsoleHandler = (req: Request, res: Response, actor: ConsoleActor) => Promise<void>;

const param = (req: Request, name: string): string => String((req.params as Record<string, unknown>)[name] ?? '');

/** Mounts the console page and API. */
export function mountConsole(server: Server, deps: ConsoleDeps): void {
  const { config, prisma, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const staff = new ConsoleStaff(prisma, config.STAFF_AAD_OBJECT_IDS);
  const directory = deps.staffDirectory ?? new PrismaStaffDirectory(prisma, config.STAFF_AAD_OBJECT_IDS);
  const authenticate = createConsoleAuth({ config, logger, keys: deps.keys, isStaff: (oid) => directory.isStaff(oid) });
  const claim = deps.claimHandoff ?? conditionalClaim(prisma, now);
  const decide = deps.decideRequest ?? transitionDecision(prisma, deps.requestNotifier, logger);
  const faq = new ConsoleFaq(
    prisma,
    async () => {
      try {
        await deps.onFaqChanged?.();
      } catch (err) {
        // The edit is saved; a failed reload only delays it until the next reload or restart.
        logger.error({ err }, 'FAQ reload after a console edit failed');
      }
    },
    now,
  );

  /** Authenticates, runs the handler, and answers ConsoleErrors from the catalog. */
  const guarded = (handler: ConsoleHandler) =>
    safe(logger, async (req, res) => {
      res.setHeader('cache-control', 'no-store');
      const auth = await authenticate(req.headers.authorization);
      if (!auth.ok) return sendError(res, auth.status, auth.code);
      try {
        await handler(req, res, auth.actor);
      } catch (err) {
        if (!(err instanceof ConsoleError)) throw err;
        res.send(err.status, { error: err.code, message: err.message, ...err.details });
      }
    });

  mountConsolePage(server, logger);
  if (deps.announcements) mountAnnouncementRoutes(server, guarded, deps.announcements);

  server.get(
    '/api/console/me',
    guarded(async (_req, res, actor) => void res.send(200, actor)),
  );

  server.get(
    '/api/console/queue',
    guarded(async (_req, res) => {
      const queue = await loadQueue(prisma, now());
      const handoffs = await Promise.all(queue.handoffs.map(async (h) => ({ ...h, context: (await deps.desk?.context(h.id)) ?? null })));
      res.send(200, { ...queue, handoffs, lowRatings: await lowRatings(prisma) });
    }),
  );
  server.post(
    '/api/console/handoffs/:id/claim',
    guarded(async (req, res, actor) => {
      await claimFromConsole(prisma, claim, param(req, 'id'), actor);
      res.send(200, { claimed: true, by: actor.name });
    }),
  );
  server.post(
    '/api/console/callbacks/:id/done',
    guarded(async (req, res, actor) => {
      await closeTicket(prisma, param(req, 'id'), actor, now());
      res.send(200, { done: true });
    }),
  );

  server.get(
    '/api/console/conversations',
    guarded(async (_req, res) => void res.send(200, { conversations: await recentConversations(prisma) })),
  );
  server.get(
    '/api/console/conversations/:id/transcript',
    guarded(async (req, res, actor) => {
      const { reveal } = parseInput(revealSchema, req.query);
      const messages = await readTranscript(prisma, param(req, 'id'), { reveal: reveal === '1', actor });
      res.send(200, { conversationId: param(req, 'id'), revealed: reveal === '1', messages });
    }),
  );
  server.post(
    '/api/console/conversations/:id/notes',
    guarded(async (req, res, actor) => {
      const { text } = parseInput(noteSchema, req.body);
      res.send(201, await addNote(prisma, param(req, 'id'), text, actor));
    }),
  );

  server.get(
    '/api/console/requests',
    guarded(async (req, res) => void res.send(200, { requests: await listRequests(prisma, parseInput(requestFilterSchema, req.query)) })),
  );
  server.get(
    '/api/console/requests.csv',
    guarded(async (req, res) => {
      const csv = await requestsCsv(prisma, parseInput(requestFilterSchema, req.query));
      const body = Buffer.from(csv, 'utf8');
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="pseb-requests-${now().toISOString().slice(0, 10)}.csv"`,
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
    }),
  );
  server.get(
    '/api/console/requests/:reference',
    guarded(async (req, res) => void res.send(200, await requestDetail(prisma, param(req, 'reference')))),
  );
  server.post(
    '/api/console/requests/:reference/decision',
    guarded(async (req, res, actor) => {
      const input = parseInput(decisionSchema, req.body);
      const outcome = await decide(param(req, 'reference'), input, actor);
      res.send(200, { reference: outcome.reference, fromStatus: outcome.fromStatus, status: outcome.toStatus, notified: outcome.notified });
    }),
  );

  server.get(
    '/api/console/faq/unanswered',
    guarded(async (_req, res) => void res.send(200, { questions: await unansweredQuestions(prisma) })),
  );
  server.get(
    '/api/console/faq/topics',
    guarded(async (_req, res) => void res.send(200, { topics: await listTopics(prisma) })),
  );
  server.post(
    '/api/console/faq/topics',
    guarded(async (req, res, actor) => {
      const input = parseInput(faqTopicCreateSchema, req.body);
      await faq.createTopic(input, actor);
      res.send(201, { id: input.id });
    }),
  );
  server.put(
    '/api/console/faq/topics/:id',
    guarded(async (req, res, actor) => {
      await faq.updateAnswers(param(req, 'id'), parseInput(faqTopicUpdateSchema, req.body), actor);
      res.send(200, { id: param(req, 'id') });
    }),
  );
  server.post(
    '/api/console/faq/topics/:id/questions',
    guarded(async (req, res, actor) => {
      res.send(201, await faq.addQuestion(param(req, 'id'), parseInput(faqQuestionSchema, req.body), actor));
    }),
  );

  mountDeskRoutes(server, guarded, { prisma, desk: deps.desk, now });

  server.get(
    '/api/console/dashboard',
    guarded(async (req, res) => void res.send(200, await loadDashboard(prisma, now(), parseInput(dashboardSchema, req.query).days))),
  );

  server.get(
    '/api/console/staff',
    guarded(async (_req, res) => void res.send(200, { staff: await staff.list() })),
  );
  server.post(
    '/api/console/staff',
    guarded(async (req, res, actor) => void res.send(201, await staff.add(parseInput(staffAddSchema, req.body), actor))),
  );
  server.del(
    '/api/console/staff/:id',
    guarded(async (req, res, actor) => {
      await staff.remove(param(req, 'id'), actor);
      res.send(204);
    }),
  );
}
