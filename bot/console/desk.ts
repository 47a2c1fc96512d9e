/**
 * The agent desk in the console: a claimed chat (context, reply, FAQ answer, saved reply, end), the saved
 * replies themselves, and follow-up of low ratings. The chat actions run through bot/handoff's service, so
 * the user gets them exactly as from Teams and the Teams thread sees them too.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client';
import type { DeskFailure, DeskOutcome, HandoffContext } from '../handoff/handoffService';
import { SnippetStore, snippetView } from '../desk/snippetStore';
import { RatingStore } from '../desk/ratingStore';
import { maskText } from '../privacy/mask';
import type { ConsoleActor } from './auth';
import { ConsoleError, type ConsoleErrorCode } from './errors';
import { parseInput, uuidSchema } from './validation';

/** bot/handoff's desk actions, for a console actor. */
export interface ConsoleDesk {
  send(handoffId: string, actor: ConsoleActor, text: string): Promise<DeskOutcome>;
  sendAnswer(handoffId: string, actor: ConsoleActor, topicId: string): Promise<DeskOutcome>;
  sendSnippet(handoffId: string, actor: ConsoleActor, snippetId: string): Promise<DeskOutcome>;
  end(handoffId: string, actor: ConsoleActor): Promise<DeskOutcome>;
  /** Context and suggested answers of a hand-off; undefined when there is none. */
  context(handoffId: string): Promise<HandoffContext | undefined>;
}

type Guard = (
  handler: (req: Request, res: Response, actor: ConsoleActor) => Promise<void>,
) => (req: Request, res: Response) => Promise<void>;

const messageSchema = z.object({ text: z.string().trim().min(1).max(4000) });
const answerSchema = z.object({ topicId: z.string().trim().min(1).max(80) });
const snippetUseSchema = z.object({ snippetId: uuidSchema });
const snippetText = z.string().trim().max(4000);
const snippetSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, 'letters, digits, space, . _ -'),
  en: snippetText.min(1),
  ur: snippetText.default(''),
  'ur-Latn': snippetText.default(''),
});

const failureCodes: Record<DeskFailure, ConsoleErrorCode> = {
  not_found: 'not_found',
  closed: 'handoff_closed',
  not_claimed: 'not_claimed',
  not_claimer: 'not_claimer',
  unknown_topic: 'not_found',
  unknown_snippet: 'not_found',
  undelivered: 'undelivered',
};

/** Throws the console error of a refused or failed desk action. */
function check(outcome: DeskOutcome): void {
  if (outcome.ok) return;
  const details: Record<string, unknown> = {};
  if (outcome.by) details.by = outcome.by;
  if (outcome.code) details.code = outcome.code;
  throw new ConsoleError(failureCodes[outcome.reason], outcome.reason, details);
}

const param = (req: Request, name: string): string => String((req.params as Record<string, unknown>)[name] ?? '');

/** A low rating waiting for follow-up, as the queue shows it. */
export interface LowRating {
  id: string;
  handoffId: string;
  conversationId: string;
  agentName: string | null;
  score: number;
  comment: string | null;
  ratedAt: string | null;
}

/** Ratings of 2 or less nobody has followed up yet (comments masked). */
export async function lowRatings(prisma: PrismaClient): Promise<LowRating[]> {
  const rows = await new RatingStore(prisma).lowUnfollowed();
  return rows.map((r) => ({
    id: r.id,
    handoffId: r.handoffId,
    conversationId: r.userConversationId,
    agentName: r.agentName,
    score: r.score ?? 0,
    comment: r.comment === null ? null : maskText(r.comment),
    ratedAt: r.ratedAt?.toISOString() ?? null,
  }));
}

/** Mounts the desk's routes behind the console's authentication. */
export function mountDeskRoutes(server: Server, guarded: Guard, deps: { prisma: PrismaClient; desk?: ConsoleDesk; now: () => Date }): void {
  const { prisma, now } = deps;
  const snippets = new SnippetStore(prisma);
  const ratings = new RatingStore(prisma);
  const desk = (): ConsoleDesk => {
    if (!deps.desk) throw new ConsoleError('not_found', 'the agent desk is not available');
    return deps.desk;
  };

  server.get(
    '/api/console/handoffs/:id',
    guarded(async (req, res, actor) => {
      const row = await prisma.handoff.findUnique({ where: { id: param(req, 'id') } });
      if (!row) throw new ConsoleError('not_found', 'no such hand-off');
      const context = deps.desk ? await deps.desk.context(row.id) : undefined;
      res.send(200, {
        id: row.id,
        status: row.status,
        userName: row.userName,
        channelId: row.channelId,
        language: row.language,
        conversationId: row.userConversationId,
        agentName: row.agentName,
        mine: row.status === 'ACTIVE' && row.agentAadId?.toLowerCase() === actor.oid.toLowerCase(),
        topic: row.topic === null ? null : maskText(row.topic),
        context: context ?? null,
      });
    }),
  );
  server.post(
    '/api/console/handoffs/:id/messages',
    guarded(async (req, res, actor) => {
      const { text } = parseInput(messageSchema, req.body);
      check(await desk().send(param(req, 'id'), actor, text));
      res.send(201, { sent: true });
    }),
  );
  server.post(
    '/api/console/handoffs/:id/answers',
    guarded(async (req, res, actor) => {
      const { topicId } = parseInput(answerSchema, req.body);
      check(await desk().sendAnswer(param(req, 'id'), actor, topicId));
      res.send(201, { sent: true });
    }),
  );
  server.post(
    '/api/console/handoffs/:id/snippets',
    guarded(async (req, res, actor) => {
      const { snippetId } = parseInput(snippetUseSchema, req.body);
      check(await desk().sendSnippet(param(req, 'id'), actor, snippetId));
      res.send(201, { sent: true });
    }),
  );
  server.post(
    '/api/console/handoffs/:id/end',
    guarded(async (req, res, actor) => {
      check(await desk().end(param(req, 'id'), actor));
      res.send(200, { ended: true });
    }),
  );

  server.get(
    '/api/console/snippets',
    guarded(async (_req, res) => void res.send(200, { snippets: (await snippets.list()).map(snippetView) })),
  );
  server.post(
    '/api/console/snippets',
    guarded(async (req, res, actor) => {
      const created = await snippets.create(parseInput(snippetSchema, req.body), actor.oid);
      if (!created) throw new ConsoleError('duplicate', 'a saved reply with this name exists');
      await prisma.auditLog.create({ data: { actorId: actor.oid, action: 'snippet.create', target: created.id } });
      res.send(201, snippetView(created));
    }),
  );
  server.put(
    '/api/console/snippets/:id',
    guarded(async (req, res, actor) => {
      const id = parseInput(uuidSchema, param(req, 'id'));
      const updated = await snippets.update(id, parseInput(snippetSchema, req.body));
      if (updated === 'missing') throw new ConsoleError('not_found', 'no such saved reply');
      if (updated === 'duplicate') throw new ConsoleError('duplicate', 'a saved reply with this name exists');
      await prisma.auditLog.create({ data: { actorId: actor.oid, action: 'snippet.update', target: id } });
      res.send(200, snippetView(updated));
    }),
  );
  server.del(
    '/api/console/snippets/:id',
    guarded(async (req, res, actor) => {
      const id = parseInput(uuidSchema, param(req, 'id'));
      if (!(await snippets.remove(id))) throw new ConsoleError('not_found', 'no such saved reply');
      await prisma.auditLog.create({ data: { actorId: actor.oid, action: 'snippet.delete', target: id } });
      res.send(204);
    }),
  );

  server.post(
    '/api/console/ratings/:id/follow-up',
    guarded(async (req, res, actor) => {
      const id = parseInput(uuidSchema, param(req, 'id'));
      if (!(await ratings.followUp(id, actor.name, now()))) throw new ConsoleError('not_found', 'no such rating');
      res.send(200, { followedUp: true });
    }),
  );
}
