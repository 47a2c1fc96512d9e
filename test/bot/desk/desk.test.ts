/** The agent desk's pure parts: typed ratings, /reply, texts by language, the unfinished form, CSAT by week and agent. */
import { parseRating, scoreOf } from '../../../bot/desk/rating';
import { parseAgentCommand } from '../../../bot/handoff/phrases';
import { textInLanguage } from '../../../bot/desk/languageText';
import { normalizeSnippetName } from '../../../bot/desk/snippetStore';
import { asFormInProgress, formInProgress } from '../../../bot/desk/form';
import { formFields } from '../../../bot/domain/forms';
import { csatReport } from '../../../bot/console/dashboard';
import { csatOf, weekKey } from '../../../bot/console/stats';
import { buildRatingPrompt } from '../../../cards/rating.card';
import { Verbs } from '../../../cards/verbs';
import { createI18n } from '../../../bot/i18n';

describe('typed ratings', () => {
  it.each([
    ['5', { score: 5 }],
    ['  3 ', { score: 3 }],
    ['4 very helpful', { score: 4, comment: 'very helpful' }],
    ['2 - too slow', { score: 2, comment: 'too slow' }],
    ['۵ بہت اچھا', { score: 5, comment: 'بہت اچھا' }],
    ['٤', { score: 4 }],
  ])('reads %j', (text, expected) => {
    expect(parseRating(text)).toEqual(expected);
  });

  it.each(['0', '6', '10', '45', 'five', 'menu', '', '1234567'])('does not take %j as a rating', (text) => {
    expect(parseRating(text)).toBeUndefined();
  });

  it('accepts only whole scores 1–5 from a card', () => {
    expect([scoreOf(1), scoreOf('5'), scoreOf(0), scoreOf(6), scoreOf(2.5), scoreOf('x'), scoreOf(undefined)]).toEqual([
      1,
      5,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('agent commands', () => {
  it('reads /reply with a saved reply name, and leaves a bare /reply as a message', () => {
    expect(parseAgentCommand('/reply documents')).toEqual({ kind: 'reply', name: 'documents' });
    expect(parseAgentCommand('/REPLY  office hours ')).toEqual({ kind: 'reply', name: 'office hours' });
    expect(parseAgentCommand('/reply')).toEqual({ kind: 'message', text: '/reply' });
  });

  it('matches saved reply names without case or spacing', () => {
    expect(normalizeSnippetName(' Office  Hours ')).toBe(normalizeSnippetName('office-hours'));
  });
});

describe('texts by language', () => {
  const texts = { en: 'Hello', ur: 'السلام علیکم', 'ur-Latn': '' };
  it('gives the user language, falling back to English when it is empty or unknown', () => {
    expect(textInLanguage(texts, 'ur')).toBe('السلام علیکم');
    expect(textInLanguage(texts, 'ur-Latn')).toBe('Hello');
    expect(textInLanguage(texts, 'fr')).toBe('Hello');
  });
});

describe('the form a user left', () => {
  it('finds an intake form inside the main dialog and counts its answers, never copying values', () => {
    const stack = [
      {
        id: 'main',
        state: {
          dialogs: {
            dialogStack: [
              { id: 'main.steps', state: {} },
              {
                id: 'intake.wfh',
                state: { kind: 'wfh', phase: 'field', field: 'contactCnic', values: { companyName: 'X', ntn: '1234567-8' } },
              },
            ],
          },
        },
      },
    ];
    const form = formInProgress(stack);
    expect(form).toEqual({ kind: 'wfh', field: 'contactCnic', answered: 2, total: formFields('wfh').length });
    expect(JSON.stringify(form)).not.toContain('1234567');
    expect(asFormInProgress(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it('finds nothing without a form, and reads junk in the column as no form', () => {
    expect(formInProgress([{ id: 'main', state: { dialogs: { dialogStack: [{ id: 'status', state: {} }] } } }])).toBeUndefined();
    expect(formInProgress(undefined)).toBeUndefined();
    expect(asFormInProgress({ kind: 'other', answered: 1, total: 2 })).toBeUndefined();
    expect(asFormInProgress(null)).toBeUndefined();
  });
});

describe('CSAT', () => {
  it('counts the share of 4s and 5s and the mean', () => {
    expect(csatOf([5, 4, 2, 1])).toEqual({ count: 4, average: 3, satisfied: 0.5 });
    expect(csatOf([])).toEqual({ count: 0, average: null, satisfied: null });
  });

  it('starts weeks on Monday in Pakistan time', () => {
    // Sunday 2026-11-29 20:00 UTC is Monday 01:00 in Karachi.
    expect(weekKey(new Date('2026-11-29T20:00:00Z'))).toBe('2026-11-30');
    expect(weekKey(new Date('2026-11-29T18:00:00Z'))).toBe('2026-11-23');
  });

  it('reports every week of the range and each agent', () => {
    const days = ['2026-11-22', '2026-11-23', '2026-11-30', '2026-12-01'];
    const report = csatReport(
      [
        { score: 5, ratedAt: new Date('2026-11-24T06:00:00Z'), agentName: 'Ayesha' },
        { score: 2, ratedAt: new Date('2026-12-01T06:00:00Z'), agentName: 'Ayesha' },
        { score: 4, ratedAt: new Date('2026-12-01T07:00:00Z'), agentName: 'Bilal' },
        { score: null, ratedAt: null, agentName: 'Bilal' },
      ],
      days,
    );
    expect(report.byWeek.map((w) => [w.week, w.count])).toEqual([
      ['2026-11-16', 0],
      ['2026-11-23', 1],
      ['2026-11-30', 2],
    ]);
    expect(report.byAgent).toEqual([
      { agent: 'Ayesha', count: 2, average: 3.5, satisfied: 0.5 },
      { agent: 'Bilal', count: 1, average: 4, satisfied: 1 },
    ]);
    expect(report.count).toBe(3);
  });
});

describe('rating prompt', () => {
  const i18n = createI18n();
  const en = i18n.getFixedT('en');
  const ur = i18n.getFixedT('ur');

  it('is a right-to-left card in Urdu with five score buttons and an optional comment', () => {
    const activity = buildRatingPrompt({ handoffId: 'h-9', rtl: true }, 'adaptive', ur);
    const card = activity.attachments?.[0].content as {
      rtl: boolean;
      body: { type: string; id?: string; text?: string }[];
      actions: { data: Record<string, unknown>; title: string }[];
    };
    expect(card.rtl).toBe(true);
    expect(card.body[0].text).toBe(ur('handoff:rating.askCard'));
    expect(card.body.some((b) => b.type === 'Input.Text' && b.id === 'comment')).toBe(true);
    expect(card.actions.map((a) => a.data)).toEqual([1, 2, 3, 4, 5].map((score) => ({ verb: Verbs.handoffRate, handoffId: 'h-9', score })));
    expect(card.actions[4].title).toBe(ur('handoff:rating.scores.5'));
  });

  it('asks for a number in text where cards do not work', () => {
    for (const rendering of ['hero', 'text'] as const) {
      const activity = buildRatingPrompt({ handoffId: 'h-9', rtl: false }, rendering, en);
      expect(activity.attachments ?? []).toEqual([]);
      expect(activity.text).toBe(en('handoff:rating.askText', { min: 1, max: 5 }));
    }
  });
});
