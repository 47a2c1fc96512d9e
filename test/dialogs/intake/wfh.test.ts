import { DialogTurnStatus } from '../../../dialogs/sdk';
import { WfhDialog } from '../../../dialogs/intake/wfhDialog';
import { formField } from '../../../bot/domain/forms';
import { errorMessage, agentRowMessages, parseAgentLines } from '../../../bot/domain/validators';
import { clientFor, FakeRequestStore, textOf, tFor, turn } from './helpers';

const TODAY = '2026-11-30';
const en = tFor('en');
const ur = tFor('ur');
const roman = tFor('ur-Latn');

function setup(locale = 'en-US') {
  const store = new FakeRequestStore();
  return { store, client: clientFor(new WfhDialog({ store, today: () => TODAY }), { locale }) };
}

const agentLine = (i: number) =>
  `Agent Number ${i}, 42101-${String(1000000 + i)}-1, Karachi, PTCL, 39.45.${Math.floor(i / 200)}.${(i % 200) + 1}`;

const englishRun: [answer: string, expectedKey: string][] = [
  ['start', 'intake:fields.companyName.prompt'],
  ['Indus Contact Solutions', 'intake:fields.ntn.prompt'],
  ['1234567-8', 'intake:fields.contactName.prompt'],
  ['Ayesha Malik', 'intake:fields.contactMobile.prompt'],
  ['+92 300 1234567', 'intake:fields.contactEmail.prompt'],
  ['ayesha@company.pk', 'intake:fields.whitelistingReference.prompt'],
  ['skip', 'intake:fields.startDate.prompt'],
  ['1 Dec', 'intake:fields.endDate.prompt'],
  ['1 Feb 2027', 'intake:fields.agents.prompt'],
  [`${agentLine(1)}\n${agentLine(2)}`, 'intake:flow.agents.more'],
  ['done', 'intake:flow.summary.textOptions'],
];

const urduRun: [answer: string, expectedKey: string][] = [
  ['شروع', 'intake:fields.companyName.prompt'],
  ['انڈس کانٹیکٹ سلوشنز', 'intake:fields.ntn.prompt'],
  ['۱۲۳۴۵۶۷-۸', 'intake:fields.contactName.prompt'],
  ['عائشہ ملک', 'intake:fields.contactMobile.prompt'],
  ['۰۳۰۰۱۲۳۴۵۶۷', 'intake:fields.contactEmail.prompt'],
  ['ayesha@company.pk', 'intake:fields.whitelistingReference.prompt'],
  ['نہیں', 'intake:fields.startDate.prompt'],
  ['۱ دسمبر', 'intake:fields.endDate.prompt'],
  ['۱۵ جنوری ۲۰۲۷', 'intake:fields.agents.prompt'],
  ['بلال احمد، 42101-1234567-1، کراچی، PTCL، ڈائنامک', 'intake:flow.agents.more'],
  ['بس', 'intake:flow.summary.textOptions'],
];

const romanRun: [answer: string, expectedKey: string][] = [
  ['shuru', 'intake:fields.companyName.prompt'],
  ['Indus Contact Solutions', 'intake:fields.ntn.prompt'],
  ['1234567-8', 'intake:fields.contactName.prompt'],
  ['Ayesha Malik', 'intake:fields.contactMobile.prompt'],
  ['03001234567', 'intake:fields.contactEmail.prompt'],
  ['ayesha@company.pk', 'intake:fields.whitelistingReference.prompt'],
  ['chhor do', 'intake:fields.startDate.prompt'],
  ['1 December 2026', 'intake:fields.endDate.prompt'],
  ['15/01/2027', 'intake:fields.agents.prompt'],
  ['Bilal Ahmed, 42101-1234567-1, Karachi, PTCL, dynamic', 'intake:flow.agents.more'],
  ['bas', 'intake:flow.summary.textOptions'],
];

async function fillTo(client: ReturnType<typeof setup>['client'], run: [string, string][], upTo = run.length) {
  for (const [answer] of run.slice(0, upTo)) await turn(client, answer);
}

describe('WfhDialog step by step', () => {
  it.each([
    ['English', 'en-US', en, englishRun],
    ['Urdu', 'ur-PK', ur, urduRun],
    ['Roman Urdu', 'ur-Latn-PK', roman, romanRun],
  ] as const)('asks every field in order and files the request with its agents (%s)', async (_name, locale, t, run) => {
    const { client, store } = setup(locale);
    for (const [answer, key] of run) expect(textOf(await turn(client, answer))).toContain(t(key));
    await turn(client, '1');
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const filed = store.filed[0];
    expect(filed.kind).toBe('wfh');
    expect(filed.draft).toMatchObject({ startDate: '2026-12-01', whitelistingReference: null });
    expect(filed.kind === 'wfh' && filed.draft.agents.length).toBe(locale === 'en-US' ? 2 : 1);
  });
});

describe('WfhDialog dates as people say them', () => {
  it('says "kal se" back as the full date and shows full dates in the summary', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 7);
    const confirmed = textOf(await turn(client, 'kal se'));
    expect(confirmed).toContain(
      en('intake:flow.dateConfirmed', { label: en('intake:fields.startDate.label'), date: 'Tuesday, 1 December 2026' }),
    );
    expect(confirmed).toContain(en('intake:fields.endDate.prompt'));
    expect(textOf(await turn(client, 'in 2 weeks'))).toContain('Monday, 14 December 2026');
    await turn(client, agentLine(1));
    expect(textOf(await turn(client, 'done'))).toContain('Tuesday, 1 December 2026');
  });

  it('asks back about 03/01/2027 as an end date, naming both readings', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 8);
    const reply = textOf(await turn(client, '03/01/2027'));
    expect(reply).toContain('Sunday, 3 January 2027');
    expect(reply).toContain('Monday, 1 March 2027');
    expect(reply).not.toContain(en('intake:fields.agents.prompt'));
  });
});

describe('WfhDialog refusals', () => {
  // [index of the field in the run, bad answer]; the expected text is the field validator's own failure.
  const refusals: { field: number; bad: string }[] = [
    { field: 6, bad: 'ABC' },
    { field: 6, bad: 'WFH-7K3M9Q' },
    { field: 7, bad: 'someday' },
    { field: 7, bad: '29/11/2026' },
    { field: 7, bad: '31/02/2027' },
    { field: 8, bad: '30/11/2026' },
    { field: 8, bad: '1 Jun 2027' },
  ];
  const names = [
    '',
    'companyName',
    'ntn',
    'contactName',
    'contactMobile',
    'contactEmail',
    'whitelistingReference',
    'startDate',
    'endDate',
  ] as const;

  it.each(refusals)('at field $field refuses "$bad" with the reason and asks again', async ({ field, bad }) => {
    const { client } = setup();
    await fillTo(client, englishRun, field);
    const name = names[field];
    if (name === '') throw new Error('bad table row');
    const failure = formField('wfh', name).validate(bad, { today: TODAY, startDate: '2026-12-01' });
    if (failure.ok) throw new Error(`"${bad}" should be refused at ${name}`);
    expect(textOf(await turn(client, bad))).toContain(errorMessage(en, failure));
    expect(textOf(await turn(client, englishRun[field][0]))).toContain(en(englishRun[field][1]));
  });

  it('refuses "done" with no agents yet', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 9);
    expect(textOf(await turn(client, 'done'))).toBe(errorMessage(en, { error: 'agents.empty' }));
  });
});

describe('WfhDialog agents', () => {
  it('reports 3 bad rows of 200 by number, keeps the 197 good ones, and takes only the fixed rows after', async () => {
    const { client, store } = setup();
    await fillTo(client, englishRun, 9);
    const lines = Array.from({ length: 200 }, (_, i) => agentLine(i + 1));
    lines[9] = 'Only Name, 42101-1000010-1';
    lines[99] = 'Bad Ip, 42101-1000100-1, Karachi, PTCL, 10.0.0.1';
    lines[149] = agentLine(1); // the same CNIC as row 1
    const pasted = lines.join('\n');
    const { errors } = parseAgentLines(pasted);
    expect(errors.map((e) => e.row)).toEqual([10, 100, 150]);

    const reply = textOf(await turn(client, pasted));
    for (const line of agentRowMessages(en, errors)) expect(reply).toContain(line);
    expect(reply).toContain(en('intake:flow.agents.kept', { added: 197, total: 197 }));

    const fixed = [agentLine(10), agentLine(100), agentLine(150)].join('\n');
    expect(textOf(await turn(client, fixed))).toContain(en('intake:flow.agents.added', { added: 3, total: 200 }));
    expect(textOf(await turn(client, 'done'))).toContain(en('intake:flow.summary.agentsCount', { count: 200 }));
    await turn(client, '1');
    expect(store.filed[0].kind === 'wfh' && store.filed[0].draft.agents).toHaveLength(200);
  });

  it('reads agents from an attached CSV file', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 9);
    const csv = `name,cnic,city,isp,ip\n"Ahmed, Bilal",42101-1234567-1,Karachi,PTCL,39.45.12.7\n`;
    const reply = await turn(client, {
      type: 'message',
      text: '',
      attachments: [
        { contentType: 'text/csv', name: 'agents.csv', contentUrl: `data:text/csv;base64,${Buffer.from(csv).toString('base64')}` },
      ],
    });
    expect(textOf(reply)).toContain(en('intake:flow.agents.added', { added: 1, total: 1 }));
    expect(textOf(await turn(client, 'done'))).toContain(en('intake:flow.summary.agentsCount', { count: 1 }));
  });

  it('refuses a list that would pass 500 agents', async () => {
    const { client } = setup();
    await fillTo(client, englishRun, 9);
    const lines = Array.from({ length: 501 }, (_, i) => agentLine(i + 1)).join('\n');
    expect(textOf(await turn(client, lines))).toBe(errorMessage(en, { error: 'agents.tooMany', detail: '501' }));
  });

  it('asks the end date again when an edited start date puts it out of range', async () => {
    const { client } = setup();
    await fillTo(client, englishRun);
    await turn(client, '2');
    expect(textOf(await turn(client, en('intake:fields.startDate.label')))).toContain(en('intake:fields.startDate.prompt'));
    expect(textOf(await turn(client, '2027-03-01'))).toContain(en('intake:fields.endDate.prompt'));
    expect(textOf(await turn(client, '2027-03-10'))).toContain(en('intake:flow.summary.textOptions'));
  });
});
