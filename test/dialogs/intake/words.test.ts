import { interruptionOf, isDone, looksLikeQuestion, recognizeYesNo } from '../../../dialogs/intake/words';
import { statusQuery, statusText, karachiTime } from '../../../dialogs/intake/statusText';
import { tFor } from './helpers';

describe('interruptions and yes/no', () => {
  it.each([
    ['help', 'help'],
    ['مدد', 'help'],
    ['Cancel', 'cancel'],
    ['منسوخ کریں', 'cancel'],
    ['band karo', 'cancel'],
    ['menu', 'menu'],
    ['مینو', 'menu'],
    ['talk to a person', 'agent'],
    ['Indus Contact Solutions', undefined],
    ['help desk ltd', undefined],
  ])('reads "%s" as %s', (text, expected) => {
    expect(interruptionOf(text)).toBe(expected);
  });

  it.each([
    ['ہاں', true],
    ['جی', true],
    ['haan', true],
    ['jee', true],
    ['Yes', true],
    ['نہیں', false],
    ['جی نہیں', false],
    ['nahi', false],
    ['later', undefined],
  ])('reads "%s" as %s', (text, expected) => {
    expect(recognizeYesNo(text)).toBe(expected);
  });

  it('recognises "done" in English and Urdu only as the whole message', () => {
    expect([isDone('done'), isDone('بس'), isDone('done with Karachi')]).toEqual([true, true, false]);
  });

  it('tells a question from an answer', () => {
    expect(looksLikeQuestion('What documents do I need?')).toBe(true);
    expect(looksLikeQuestion('کیا مجھے این ٹی این چاہیے؟')).toBe(true);
    expect(looksLikeQuestion('Indus Contact Solutions')).toBe(false);
    expect(looksLikeQuestion('Karachi?')).toBe(false);
  });

  it('hears Urdu and Roman Urdu questions whose question word comes late and that have no "?"', () => {
    expect(looksLikeQuestion('helpline ka number kya hai')).toBe(true);
    expect(looksLikeQuestion('ہیلپ لائن نمبر کیا ہے')).toBe(true);
    expect(looksLikeQuestion('agents ki details kaise bhejun')).toBe(true);
    expect(looksLikeQuestion('Ayesha Kiyani')).toBe(false);
    expect(looksLikeQuestion('0300 1234567')).toBe(false);
    expect(looksLikeQuestion('39.45.12.7, 39.45.13.0/28')).toBe(false);
  });
});

describe('status lookups', () => {
  it.each([
    ['status WL-7K3M9Q', 'WL-7K3M9Q'],
    ['wl-7k3m9q', 'WL-7K3M9Q'],
    ['Status: wfh 7k3m9q', 'WFH-7K3M9Q'],
    ['اسٹیٹس WL-7K3M9Q', 'WL-7K3M9Q'],
    ['my reference is WL-7K3M9Q please', null],
    ['status', null],
    ['hello', null],
  ])('reads "%s" as a lookup of %s', (text, expected) => {
    expect(statusQuery(text)).toBe(expected);
  });

  it('shows the history in Pakistan time with notes', () => {
    const t = tFor('en');
    const at = new Date('2026-11-30T19:30:00Z'); // 00:30 on 1 Dec in Karachi
    const text = statusText(
      {
        id: '1',
        reference: 'WL-7K3M9Q',
        kind: 'whitelisting',
        status: 'INFO_REQUESTED',
        companyName: 'Indus',
        createdAt: at,
        updatedAt: at,
        events: [
          { fromStatus: null, toStatus: 'SUBMITTED', actorName: null, note: null, createdAt: at },
          { fromStatus: 'SUBMITTED', toStatus: 'INFO_REQUESTED', actorName: 'Officer', note: 'Send the NTN certificate', createdAt: at },
        ],
      },
      t,
      'en',
    );
    expect(karachiTime(at, 'en')).toContain('1 Dec 2026');
    expect(text).toContain(t('requests:status.current', { status: t('requests:statuses.INFO_REQUESTED') }));
    expect(text).toContain(
      t('requests:status.eventWithNote', {
        time: karachiTime(at, 'en'),
        status: t('requests:statuses.INFO_REQUESTED'),
        note: 'Send the NTN certificate',
      }),
    );
  });
});
