import { DialogTurnStatus } from '../../../dialogs/sdk';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { WhitelistingDialog } from '../../../dialogs/intake/whitelistingDialog';
import { errorMessage, type IntakeErrorCode } from '../../../bot/domain/validators';
import { clientFor, FakeRequestStore, textOf, tFor, turn } from './helpers';

const TODAY = '2026-11-30';
const en = tFor('en');
const ur = tFor('ur');
const roman = tFor('ur-Latn');

function setup(locale = 'en-US', channelId = 'test', extra: { answerQuestion?: (c: unknown, text: string) => Promise<boolean> } = {}) {
  const store = new FakeRequestStore();
  const dialog = new WhitelistingDialog({ store, today: () => TODAY, ...extra });
  return { store, client: clientFor(dialog, { locale, channelId }) };
}

/** Answers and the prompt key expected after each (English). */
const englishRun: [answer: string, expectedKey: string][] = [
  ['start', 'intake:fields.companyName.prompt'],
  ['Indus Contact Solutions (Pvt) Ltd', 'intake:fields.psebRegistrationNo.prompt'],
  ['skip', 'intake:fields.ntn.prompt'],
  ['1234567-8', 'intake:fields.contactName.prompt'],
  ['Ayesha Malik', 'intake:fields.contactCnic.prompt'],
  ['42101-1234567-1', 'intake:fields.contactMobile.prompt'],
  ['0300-1234567', 'intake:fields.contactEmail.prompt'],
  ['ayesha.malik@company.pk', 'intake:fields.city.prompt'],
  ['1', 'intake:fields.agentSeats.prompt'],
  ['120', 'intake:fields.ipAddresses.prompt'],
  ['39.45.12.7, 39.45.13.0/28', 'intake:flow.summary.textOptions'],
];

/** The same form in Urdu: Urdu digits, an Urdu city name, Urdu skip. */
const urduRun: [answer: string, expectedKey: string][] = [
  ['شروع', 'intake:fields.companyName.prompt'],
  ['انڈس کانٹیکٹ سلوشنز', 'intake:fields.psebRegistrationNo.prompt'],
  ['چھوڑیں', 'intake:fields.ntn.prompt'],
  ['۱۲۳۴۵۶۷-۸', 'intake:fields.contactName.prompt'],
  ['عائشہ ملک', 'intake:fields.contactCnic.prompt'],
  ['۴۲۱۰۱-۱۲۳۴۵۶۷-۱', 'intake:fields.contactMobile.prompt'],
  ['۰۳۰۰-۱۲۳۴۵۶۷', 'intake:fields.contactEmail.prompt'],
  ['ayesha.malik@company.pk', 'intake:fields.city.prompt'],
  ['لاہور', 'intake:fields.agentSeats.prompt'],
  ['۱۲۰', 'intake:fields.ipAddresses.prompt'],
  ['39.45.12.7', 'intake:flow.summary.textOptions'],
];

/** The same form in Roman Urdu: "nahi" to skip, the city typed in lower case, the summary submitted with "theek hai" below. */
const romanRun: [answer: string, expectedKey: string][] = [
  ['shuru karo', 'intake:fields.companyName.prompt'],
  ['Indus Contact Solutions (Pvt) Ltd', 'intake:fields.psebRegistrationNo.prompt'],
  ['nahi', 'intake:fields.ntn.prompt'],
  ['1234567-8', 'intake:fields.contactName.prompt'],
  ['Ayesha Malik', 'intake:fields.contactCnic.prompt'],
  ['4210112345671', 'intake:fields.contactMobile.prompt'],
  ['0300 1234567', 'intake:fields.contactEmail.prompt'],
  ['ayesha.malik@company.pk', 'intake:fields.city.prompt'],
  ['karachi', 'intake:fields.agentSeats.prompt'],
  ['120', 'intake:fields.ipAddresses.prompt'],
  ['39.45.12.7', 'intake:flow.summary.textOptions'],
];

async function fillTo(client: ReturnType<typeof setup>['client'], run: [string, string][], upTo = run.length) {
  for (const [answer] of run.slice(0, upTo)) await turn(client, answer);
}

describe('WhitelistingDialog step by step', () => {
  it.each([
    ['English', 'en-US', en, englishRun],
    ['Urdu', 'ur-PK', ur, urduRun],
    ['Roman Urdu', 'ur-Latn-PK', roman, romanRun],
  ] as const)('asks every field in order and files the request (%s)', async (_name, locale, t, run) => {
    const { client, store } = setup(locale);
    for (const [answer, key] of run) expect(textOf(await turn(client, answer))).toContain(t(key));
    const submitted = textOf(await turn(client, t('intake:flow.summary.submit')));
    const reference = store.filed[0].summary.reference;
    expect(submitted).toBe(t('intake:flow.submitted', { title: t('requests:kinds.whitelisting'), reference }));
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(store.filed).toHaveLength(1);
    const draft = store.filed[0].draft;
    expect(draft).toMatchObject({
      ntn: '1234567-8',
      contactCnic: '42101-1234567-1',
      contactMobile: '+923001234567',
      agentSeats: 120,
      psebRegistrationNo: null,
    });
  });

  it('shows the normalised answers in the summary', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, englishRun.length - 1);
    const summary = textOf(await turn(client, englishRun[englishRun.length - 1][0]));
    expect(summary).toContain(`${en('intake:fields.city.label')}: ${en('intake:cities.karachi')}`);
    expect(summary).toContain(`${en('intake:fields.contactMobile.label')}: +923001234567`);
    expect(summary).toContain(`${en('intake:fields.psebRegistrationNo.label')}: ${en('intake:flow.summary.skipped')}`);
  });
});

describe('WhitelistingDialog refusals', () => {
  // Each bad answer at its field, the reason expected, then the field still waits for a good answer.
  const refusals: [field: number, bad: string, code: IntakeErrorCode, detail?: string][] = [
    [1, 'A', 'companyName.tooShort'],
    [1, 'x'.repeat(121), 'companyName.tooLong'],
    [2, 'Z#12345', 'psebRegistrationNo.format'],
    [2, 'Z1', 'psebRegistrationNo.length'],
    [3, 'abc', 'ntn.format'],
    [3, '123456', 'ntn.length'],
    [4, 'A', 'contactName.tooShort'],
    [5, '4210112345', 'cnic.length'],
    [5, 'CNIC 42101', 'cnic.format'],
    [6, '021-34567890', 'mobile.notMobile'],
    [6, '+44 7700 900123', 'mobile.notPakistani'],
    [6, 'call me', 'mobile.format'],
    [7, 'ayesha@', 'email.format'],
    [8, 'other', 'city.otherName'],
    [9, 'many', 'agentSeats.format'],
    [9, '20000', 'agentSeats.range'],
    [10, '192.168.1.10', 'ip.private', '192.168.1.10'],
    [10, '127.0.0.1', 'ip.loopback', '127.0.0.1'],
    [10, '39.45.12.0/16', 'ip.cidrTooBroad', '39.45.12.0/16'],
    [10, '2001:db8::1', 'ip.ipv6', '2001:db8::1'],
    [10, '999.1.1.1', 'ip.format', '999.1.1.1'],
  ];

  // Rows as objects: jest takes a callback with more parameters than a row has for one expecting done().
  it.each(refusals.map(([field, bad, code, detail]) => ({ field, bad, code, detail })))(
    'at field $field refuses "$bad" with $code and asks again',
    async ({ field, bad, code, detail }) => {
      const { client } = setup();
      await fillTo(client, englishRun, field);
      const reply = textOf(await turn(client, bad));
      expect(reply).toContain(errorMessage(en, { error: code, detail }));
      // The question stands: the good answer is taken and the next field is asked.
      expect(textOf(await turn(client, englishRun[field][0]))).toContain(en(englishRun[field][1]));
    },
  );
});

describe('WhitelistingDialog interruptions', () => {
  it('explains the current field on "help" and asks it again', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 3);
    const reply = textOf(await turn(client, 'help'));
    expect(reply).toContain(en('intake:fields.ntn.help'));
    expect(reply).toContain(en('intake:flow.example', { example: en('intake:fields.ntn.example') }));
    expect(reply).toContain(en('intake:fields.ntn.prompt'));
  });

  it('keeps the draft when the user decides not to cancel, then discards it on "yes"', async () => {
    const { client, store } = setup();
    await fillTo(client, englishRun, 4);
    expect(textOf(await turn(client, 'cancel'))).toContain(en('intake:flow.cancelConfirm'));
    const kept = textOf(await turn(client, 'no'));
    expect(kept).toContain(en('intake:flow.notCancelled'));
    expect(kept).toContain(en('intake:fields.contactName.prompt'));
    await turn(client, 'cancel');
    expect(textOf(await turn(client, 'yes'))).toBe(en('intake:flow.cancelled'));
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(store.filed).toHaveLength(0);
  });

  it.each(['ہاں', 'جی', 'haan', 'jee', 'جی ہاں'])('takes the Urdu "%s" as yes to cancelling', async (yes) => {
    const { client } = setup('ur-PK');
    await fillTo(client, urduRun, 2);
    expect(textOf(await turn(client, 'منسوخ'))).toContain(ur('intake:flow.cancelConfirm'));
    expect(textOf(await turn(client, yes))).toBe(ur('intake:flow.cancelled'));
  });

  it.each(['نہیں', 'nahi', 'جی نہیں'])('takes the Urdu "%s" as no and resumes at the same field', async (no) => {
    const { client } = setup('ur-PK');
    await fillTo(client, urduRun, 2);
    await turn(client, 'منسوخ');
    const reply = textOf(await turn(client, no));
    expect(reply).toContain(ur('intake:flow.notCancelled'));
    expect(reply).toContain(ur('intake:fields.psebRegistrationNo.prompt'));
  });

  it('asks again when the cancel confirmation is neither yes nor no', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 2);
    await turn(client, 'cancel');
    expect(textOf(await turn(client, 'maybe'))).toContain(en('intake:flow.yesNoRetry'));
  });

  it('answers a FAQ question mid-form and resumes at the same field without asking earlier ones again', async () => {
    const asked: string[] = [];
    const { client, store } = setup('en-US', 'test', {
      answerQuestion: async (_context, text) => {
        asked.push(text);
        return true;
      },
    });
    await fillTo(client, englishRun, 4);
    const reply = textOf(await turn(client, 'What documents do I need for whitelisting?'));
    expect(asked).toEqual(['What documents do I need for whitelisting?']);
    expect(reply).toContain(en('intake:flow.faqResume'));
    expect(reply).toContain(en('intake:fields.contactName.prompt'));
    for (const [answer, key] of englishRun.slice(4)) expect(textOf(await turn(client, answer))).toContain(en(key));
    await turn(client, '1');
    expect(store.filed[0].draft.companyName).toBe('Indus Contact Solutions (Pvt) Ltd');
  });

  it('shows the menu on "menu" and keeps the form at the same field', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 5);
    const reply = textOf(await turn(client, 'menu'));
    expect(reply).toContain(en('common:menu.title'));
    expect(reply).toContain(en('intake:flow.menuShown'));
    expect(reply).toContain(en('intake:fields.contactCnic.prompt'));
  });

  it('keeps the draft across a restart: a new dialog object continues from the stored state', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const store = new FakeRequestStore();
    const first = clientFor(new WhitelistingDialog({ store, today: () => TODAY }), { conversationState });
    await fillTo(first, englishRun, 6);
    const second = clientFor(new WhitelistingDialog({ store, today: () => TODAY }), { conversationState });
    expect(textOf(await turn(second, englishRun[6][0]))).toContain(en(englishRun[6][1]));
  });
});

describe('WhitelistingDialog summary', () => {
  it('edits one field and comes back to the summary with the new value', async () => {
    const { client, store } = setup();
    await fillTo(client, englishRun);
    expect(textOf(await turn(client, '2'))).toContain(en('intake:flow.summary.pickField'));
    expect(textOf(await turn(client, en('intake:fields.agentSeats.label')))).toContain(en('intake:fields.agentSeats.prompt'));
    const summary = textOf(await turn(client, '250'));
    expect(summary).toContain(`${en('intake:fields.agentSeats.label')}: 250`);
    expect(summary).toContain(en('intake:flow.summary.textOptions'));
    await turn(client, '1');
    expect(store.filed[0].draft).toMatchObject({ agentSeats: 250 });
  });

  it('asks again when the summary reply is not one of its options', async () => {
    const { client } = setup();
    await fillTo(client, englishRun);
    expect(textOf(await turn(client, 'perhaps later'))).toBe(en('intake:flow.summary.unclear'));
  });

  it('cancels from the summary after confirmation', async () => {
    const { client, store } = setup();
    await fillTo(client, englishRun);
    expect(textOf(await turn(client, '3'))).toContain(en('intake:flow.cancelConfirm'));
    expect(textOf(await turn(client, '1'))).toBe(en('intake:flow.cancelled'));
    expect(store.filed).toHaveLength(0);
  });
});
