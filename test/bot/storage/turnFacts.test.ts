/**
 * The facts the turn's read answers for the features (bot/storage/turnFacts.ts) agree with what the
 * features' own stores answer: an open hand-off, a rating still waiting for its answer, a request waiting
 * for the applicant's information — for the conversation and user asked about, and nobody else's.
 */
import { randomUUID } from 'node:crypto';
import { createTestDb, type TestDb } from '../../helpers/db';
import { TurnStatements } from '../../../bot/storage/turnStatements';
import { factsSubject, type FactsSubject, type TurnFacts } from '../../../bot/storage/turnFacts';
import { HandoffStore } from '../../../bot/handoff/handoffStore';
import { RatingStore } from '../../../bot/desk/ratingStore';
import { ratingOpenSince, ratingTtlMs } from '../../../bot/desk/rating';

const none: TurnFacts = { openHandoff: false, ratingAskedAt: null, waitingRequest: false };

function subject(): FactsSubject {
  const id = randomUUID();
  return { conversationId: `conv-${id}`, channelId: 'webchat', userId: `user-${id}` };
}

describe('turn facts', () => {
  let db: TestDb;
  let statements: TurnStatements;
  let handoffs: HandoffStore;
  let ratings: RatingStore;
  beforeAll(async () => {
    db = await createTestDb();
    statements = new TurnStatements(db.sql);
    handoffs = new HandoffStore(db.prisma);
    ratings = new RatingStore(db.prisma);
  });
  afterAll(() => db.close());

  const openHandoff = (s: FactsSubject, status: 'WAITING' | 'ACTIVE' | 'CLOSED') =>
    db.prisma.handoff.create({ data: { userConversationId: s.conversationId, userId: s.userId, channelId: s.channelId, status } });
  const askRating = async (s: FactsSubject, askedAt: Date, status = 'asked') => {
    const handoff = await openHandoff(s, 'CLOSED');
    return db.prisma.handoffRating.create({ data: { handoffId: handoff.id, userConversationId: s.conversationId, askedAt, status } });
  };
  const fileRequest = (s: FactsSubject, status: 'SUBMITTED' | 'IN_REVIEW' | 'INFO_REQUESTED') => {
    const id = randomUUID();
    return db.prisma.request.create({
      data: {
        reference: `WL-${id.slice(0, 8)}`,
        kind: 'whitelisting',
        status,
        submitKey: id,
        channelId: s.channelId,
        userId: s.userId,
        conversationId: s.conversationId,
        companyName: 'Indus Contact Solutions',
        fields: {},
      },
    });
  };

  it('finds nothing for a conversation with no hand-off, rating or request', async () => {
    expect(await statements.readFacts(subject())).toEqual(none);
  });

  it.each(['WAITING', 'ACTIVE'] as const)('sees a %s hand-off, as the hand-off store does', async (status) => {
    const s = subject();
    await openHandoff(s, status);
    expect(await statements.readFacts(s)).toEqual({ ...none, openHandoff: true });
    expect(await handoffs.openForUser(s.conversationId)).not.toBeNull();
  });

  it('does not count a closed hand-off, or another conversation of the same user', async () => {
    const s = subject();
    await openHandoff(s, 'CLOSED');
    await openHandoff({ ...s, conversationId: `${s.conversationId}-other` }, 'ACTIVE');
    expect(await statements.readFacts(s)).toEqual(none);
    expect(await handoffs.openForUser(s.conversationId)).toBeNull();
  });

  it("gives the newest asked rating's time, which the rating store's age limit judges the same way", async () => {
    const s = subject();
    const now = new Date();
    await askRating(s, new Date(now.getTime() - 2 * ratingTtlMs));
    const newest = await askRating(s, new Date(now.getTime() - 60_000));
    await askRating(s, new Date(now.getTime() - 1000), 'rated');
    const facts = await statements.readFacts(s);
    expect(facts.ratingAskedAt?.toISOString()).toBe(newest.askedAt.toISOString());
    expect((await ratings.pendingFor(s.conversationId, now))?.id).toBe(newest.id);
    // A day later neither answers it any more.
    const later = new Date(now.getTime() + ratingTtlMs);
    expect(facts.ratingAskedAt! >= ratingOpenSince(later)).toBe(false);
    expect(await ratings.pendingFor(s.conversationId, later)).toBeNull();
  });

  it('does not count a rating already answered or skipped', async () => {
    const s = subject();
    await askRating(s, new Date(), 'rated');
    await askRating(s, new Date(), 'skipped');
    expect(await statements.readFacts(s)).toEqual(none);
    expect(await ratings.pendingFor(s.conversationId, new Date())).toBeNull();
  });

  it("sees a request waiting for the user's information on the channel, from any of their conversations", async () => {
    const s = subject();
    await fileRequest({ ...s, conversationId: 'an-earlier-conversation' }, 'INFO_REQUESTED');
    expect(await statements.readFacts(s)).toEqual({ ...none, waitingRequest: true });
  });

  it('does not count a request in review, nor one of the same user id on another channel', async () => {
    const s = subject();
    await fileRequest(s, 'IN_REVIEW');
    await fileRequest({ ...s, channelId: 'skype' }, 'INFO_REQUESTED');
    expect(await statements.readFacts(s)).toEqual(none);
  });

  it('answers the facts of concurrent turns, and their claims and state, in one statement', async () => {
    const [a, b] = [subject(), subject()];
    await openHandoff(a, 'ACTIVE');
    await fileRequest(b, 'INFO_REQUESTED');
    const sent: string[] = [];
    const shared = new TurnStatements((text, params) => (sent.push(text), db.sql(text, params)));
    const [factsA, factsB, factsA2, claimed] = await Promise.all([
      shared.readFacts(a),
      shared.readFacts(b),
      shared.readFacts(a),
      shared.claim(`facts-claim-${randomUUID()}`, new Date(Date.now() + 60_000)),
      shared.readState('facts/state'),
    ]);
    expect(sent).toHaveLength(1);
    expect([factsA, factsB, factsA2, claimed]).toEqual([
      { ...none, openHandoff: true },
      { ...none, waitingRequest: true },
      { ...none, openHandoff: true },
      true,
    ]);
    // Each turn gets its own object.
    expect(factsA2).not.toBe(factsA);
  });

  it('reads the subject from an activity the way the features do', () => {
    expect(factsSubject({ conversation: { id: 'c1' } as never, channelId: 'webchat', from: { id: 'u1', name: 'U' } })).toEqual({
      conversationId: 'c1',
      channelId: 'webchat',
      userId: 'u1',
    });
    expect(factsSubject({ conversation: { id: 'c1' } as never, channelId: 'webchat' }).userId).toBe('');
  });
});
