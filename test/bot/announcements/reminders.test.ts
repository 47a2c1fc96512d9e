/**
 * Reminders with a clock the test moves: the applicant asked for information is reminded once after
 * INFO_REMINDER_HOURS, once more at three times that, then never; overdue SUBMITTED requests are
 * listed in the support channel once a day; two sweeps at the same moment act once.
 */
import { randomUUID } from 'node:crypto';
import { BotMessenger } from '../../../bot/proactive/messenger';
import { PrismaSupportChannelStore } from '../../../bot/support/supportChannel';
import { ReminderSweep } from '../../../bot/announcements/reminders';
import type { UiLanguage } from '../../../bot/i18n';
import type { TestUser } from '../../helpers/app';
import { i18n, startAnnouncementHarness, type AnnouncementHarness } from './harness';

let h: AnnouncementHarness;
let now: number;
const hour = 3_600_000;
const supportChannelId = '19:support-channel@thread.tacv2';

beforeAll(async () => {
  h = await startAnnouncementHarness();
  await new PrismaSupportChannelStore(h.app.db.prisma).remember({
    channelId: supportChannelId,
    teamId: '19:support-team@thread.tacv2',
    reference: {
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      bot: { id: 'pseb-bot', name: 'PSEB Assist' },
      conversation: { id: supportChannelId, isGroup: true } as never,
    },
  });
});
afterAll(async () => {
  await h?.close();
});

function sweeper(): ReminderSweep {
  return new ReminderSweep({
    prisma: h.app.db.prisma,
    messenger: new BotMessenger({ adapter: h.app.app.adapter, botAppId: '', logger: h.app.app.logger }),
    support: new PrismaSupportChannelStore(h.app.db.prisma),
    i18n,
    logger: h.app.app.logger,
    clock: () => new Date(now),
    infoReminderHours: 24,
    decisionSlaHours: 24,
    consoleUrl: 'https://pseb.example/console',
  });
}

async function fileRequest(
  user: TestUser,
  status: 'INFO_REQUESTED' | 'SUBMITTED',
  at: Date,
  language: UiLanguage,
  companyName = 'Indus Contact Solutions',
) {
  return h.app.db.prisma.request.create({
    data: {
      reference: `WL-${randomUUID().slice(0, 8)}`,
      kind: 'whitelisting',
      status,
      submitKey: randomUUID(),
      channelId: user.channelId,
      userId: user.userId,
      conversationId: user.conversationId,
      language,
      companyName,
      fields: {},
      createdAt: at,
      events: { create: [{ fromStatus: status === 'SUBMITTED' ? null : 'IN_REVIEW', toStatus: status, actorId: 'staff', createdAt: at }] },
    },
  });
}

it('reminds an applicant in their language after 24 hours and again after 72, then stops', async () => {
  const asked = new Date('2030-03-01T09:00:00Z').getTime();
  const user = await h.user('ur');
  const request = await fileRequest(user, 'INFO_REQUESTED', new Date(asked), 'ur');
  const ur = i18n.getFixedT('ur');
  const texts = () => h.connector.sentTo(user.conversationId).map((a) => a.text);

  now = asked + 23 * hour;
  await sweeper().sweep();
  expect(texts()).toEqual([]);

  now = asked + 25 * hour;
  const [a, b] = await Promise.all([sweeper().sweep(), sweeper().sweep()]);
  expect(a.reminded + b.reminded).toBe(1);
  expect(texts()).toEqual([ur('announcements:reminder.info', { reference: request.reference })]);

  now = asked + 50 * hour;
  await sweeper().sweep();
  expect(texts()).toHaveLength(1);

  now = asked + 73 * hour;
  await sweeper().sweep();
  now = asked + 200 * hour;
  await sweeper().sweep();
  expect(texts()).toEqual([
    ur('announcements:reminder.info', { reference: request.reference }),
    ur('announcements:reminder.infoSecond', { reference: request.reference }),
  ]);
});

it('lists requests waiting for a decision longer than the SLA once a day in the support channel', async () => {
  const day = new Date('2031-05-10T06:00:00Z').getTime();
  const user = await h.user('en');
  const overdue = await fileRequest(user, 'SUBMITTED', new Date(day - 30 * hour), 'en', 'Karachi *Voice* [Pvt]');
  const fresh = await fileRequest(user, 'SUBMITTED', new Date(day - 2 * hour), 'en');
  const threads = () => h.connector.created.filter((c) => JSON.stringify(c.body).includes(overdue.reference));

  now = day;
  const [a, b] = await Promise.all([sweeper().sweep(), sweeper().sweep()]);
  expect([a.digestPosted, b.digestPosted].filter(Boolean)).toHaveLength(1);
  expect(threads()).toHaveLength(1);
  const card = JSON.stringify(threads()[0].body);
  expect(card).toContain(`https://pseb.example/console#requests/${overdue.reference}`);
  expect(card).not.toContain(fresh.reference);
  expect(card).toContain('Karachi \\\\*Voice\\\\* \\\\[Pvt\\\\]');

  now = day + 10 * hour;
  await sweeper().sweep();
  expect(threads()).toHaveLength(1);
  now = day + 24 * hour;
  await sweeper().sweep();
  expect(threads()).toHaveLength(2);
});
