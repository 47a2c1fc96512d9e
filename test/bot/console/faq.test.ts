/** Console FAQ edits tell the FAQ engine to reload, so the bot uses them without a restart. */
import { ConsoleFaq } from '../../../bot/console/faq';
import { ConsoleError } from '../../../bot/console/errors';
import { createTestDb, type TestDb } from '../../helpers/db';
import { seedTopic, seedUnanswered } from './seed';

const actor = { oid: 'staff-1', name: 'Hina' };
let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

const build = () => {
  const reloads: string[] = [];
  const faq = new ConsoleFaq(
    db.prisma,
    async () => void reloads.push('reload'),
    () => new Date('2020-04-01T10:00:00Z'),
  );
  return { faq, reloads };
};

it('reloads after adding a question, creating a topic and editing answers', async () => {
  const { faq, reloads } = build();
  const topic = await seedTopic(db.prisma);
  const unanswered = await seedUnanswered(db.prisma, 'Do home agents need a UPS?');
  await faq.addQuestion(topic.id, { language: 'en', text: unanswered.sample, unansweredId: unanswered.id }, actor);
  expect(reloads).toHaveLength(1);
  await faq.createTopic(
    { id: 'wfh.power', answerEn: 'Yes, a UPS is advised.', answerUr: 'جی ہاں، یو پی ایس رکھنے کا مشورہ دیا جاتا ہے۔', questions: [] },
    actor,
  );
  expect(reloads).toHaveLength(2);
  await faq.updateAnswers('wfh.power', { answerEn: 'A UPS is required.', answerUr: 'یو پی ایس ضروری ہے۔' }, actor);
  expect(reloads).toHaveLength(3);
  const edited = await db.prisma.faqTopic.findUniqueOrThrow({ where: { id: 'wfh.power' } });
  expect(edited.editedAt?.toISOString()).toBe('2020-04-01T10:00:00.000Z');
});

it('does not reload when nothing changed', async () => {
  const { faq, reloads } = build();
  await expect(faq.updateAnswers('no.such.topic', { answerEn: 'a', answerUr: 'b' }, actor)).rejects.toEqual(
    expect.objectContaining({ code: 'not_found' }),
  );
  await expect(faq.addQuestion('no.such.topic', { language: 'en', text: 'hello there' }, actor)).rejects.toBeInstanceOf(ConsoleError);
  expect(reloads).toEqual([]);
});
