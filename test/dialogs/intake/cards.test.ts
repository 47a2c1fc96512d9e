import { WhitelistingDialog } from '../../../dialogs/intake/whitelistingDialog';
import { formFields } from '../../../bot/domain/forms';
import { errorMessage } from '../../../bot/domain/validators';
import { Verbs } from '../../../cards/verbs';
import { actionData, adaptiveCards, cardElements, clientFor, FakeRequestStore, textOf, tFor, turn } from './helpers';

const TODAY = '2026-11-30';
const en = tFor('en');
const ur = tFor('ur');
const roman = tFor('ur-Latn');

function setup(channelId: string, locale = 'en-US') {
  const store = new FakeRequestStore();
  return { store, client: clientFor(new WhitelistingDialog({ store, today: () => TODAY }), { channelId, locale }) };
}

const goodForm = {
  companyName: 'Indus Contact Solutions',
  psebRegistrationNo: '',
  ntn: '1234567-8',
  contactName: 'Ayesha Malik',
  contactCnic: '42101-1234567-1',
  contactMobile: '0300-1234567',
  contactEmail: 'ayesha@company.pk',
  city: 'other',
  cityOther: 'Sialkot',
  agentSeats: '120',
  ipAddresses: '39.45.12.7',
};

describe('the one-card form on msteams', () => {
  it('offers the whole form as one card: an input per field, Cancel and step-by-step without inputs', async () => {
    const { client } = setup('msteams');
    const [card] = adaptiveCards(await turn(client, 'start'));
    const ids = cardElements(card)
      .filter((e) => typeof e.id === 'string')
      .map((e) => e.id);
    expect(ids).toEqual([
      ...formFields('whitelisting')
        .map((f) => f.name)
        .slice(0, 8),
      'cityOther',
      'agentSeats',
      'ipAddresses',
    ]);
    expect(actionData(card, 'form')).toMatchObject({ verb: Verbs.intakeSubmit, kind: 'whitelisting' });
    const actions = card.actions as Record<string, unknown>[];
    expect(actions.filter((a) => a.associatedInputs === 'none').map((a) => (a.data as Record<string, unknown>).action)).toEqual([
      'steps',
      'cancel',
    ]);
    expect(actionData(card, 'cancel').verb).toBe(Verbs.intakeCancel);
  });

  it('re-sends the card with each refused field marked in red and the typed values kept', async () => {
    const { client } = setup('msteams');
    const [card] = adaptiveCards(await turn(client, 'start'));
    const submit = { ...actionData(card, 'form'), ...goodForm, companyName: 'A', ntn: 'abc' };
    const [again] = adaptiveCards(await turn(client, { type: 'message', value: submit }));
    const red = cardElements(again)
      .filter((e) => e.type === 'TextBlock' && e.color === 'Attention')
      .map((e) => e.text);
    expect(red).toEqual([
      en('intake:flow.card.errors'),
      errorMessage(en, { error: 'companyName.tooShort' }),
      errorMessage(en, { error: 'ntn.format' }),
    ]);
    const inputs = cardElements(again).filter((e) => typeof e.id === 'string');
    expect(inputs.find((e) => e.id === 'contactName')?.value).toBe('Ayesha Malik');
  });

  it('goes from a valid card to the summary card, edits a field by button, and files on Submit', async () => {
    const { client, store } = setup('msteams');
    const [card] = adaptiveCards(await turn(client, 'start'));
    const [summary] = adaptiveCards(await turn(client, { type: 'message', value: { ...actionData(card, 'form'), ...goodForm } }));
    const facts = cardElements(summary).find((e) => e.type === 'FactSet')?.facts;
    expect(facts).toContainEqual({ title: en('intake:fields.city.label'), value: 'Sialkot' });

    const [pick] = adaptiveCards(await turn(client, { type: 'message', value: actionData(summary, 'edit') }));
    expect(textOf([{ attachments: [{ contentType: 'x', content: pick }] }])).toContain(en('intake:flow.summary.pickField'));
    expect(textOf(await turn(client, { type: 'message', value: { verb: Verbs.intakeSubmit, choice: 'agentSeats' } }))).toContain(
      en('intake:fields.agentSeats.prompt'),
    );
    const [summary2] = adaptiveCards(await turn(client, '300'));
    const submitted = textOf(await turn(client, { type: 'message', value: actionData(summary2, 'submit') }));
    expect(submitted).toContain(store.filed[0].summary.reference);
    expect(store.filed[0].draft).toMatchObject({ agentSeats: 300, city: { kind: 'other', name: 'Sialkot' } });
  });

  it('renders the card right-to-left with Urdu labels for an Urdu user', async () => {
    const { client } = setup('msteams', 'ur-PK');
    const [card] = adaptiveCards(await turn(client, 'شروع'));
    expect(card.rtl).toBe(true);
    const labels = cardElements(card).map((e) => e.label);
    expect(labels).toContain(ur('intake:fields.ntn.label'));
  });

  it('renders the card left-to-right with Roman Urdu labels for a Roman Urdu user, and its summary too', async () => {
    const { client } = setup('msteams', 'ur-Latn');
    const [card] = adaptiveCards(await turn(client, 'shuru'));
    expect(card.rtl).not.toBe(true);
    const labels = cardElements(card).map((e) => e.label);
    expect(labels).toContain(roman('intake:fields.ntn.label'));
    expect(labels).toContain(roman('intake:fields.companyName.label'));
  });

  it('lets the user answer step by step instead of using the card', async () => {
    const { client } = setup('msteams');
    const [card] = adaptiveCards(await turn(client, 'start'));
    expect(textOf(await turn(client, { type: 'message', value: actionData(card, 'steps') }))).toContain(
      en('intake:fields.companyName.prompt'),
    );
    expect(textOf(await turn(client, 'Indus Contact Solutions'))).toContain(en('intake:fields.psebRegistrationNo.prompt'));
  });

  it('asks to confirm when the card Cancel button is pressed', async () => {
    const { client } = setup('msteams');
    const [card] = adaptiveCards(await turn(client, 'start'));
    expect(textOf(await turn(client, { type: 'message', value: actionData(card, 'cancel') }))).toContain(en('intake:flow.cancelConfirm'));
    expect(textOf(await turn(client, { type: 'message', value: { verb: Verbs.intakeSubmit, choice: 'yes' } }))).toBe(
      en('intake:flow.cancelled'),
    );
  });
});

describe('skype', () => {
  it('runs the whole form with text and hero cards, never an Adaptive Card', async () => {
    const { client, store } = setup('skype');
    const answers = [
      'start',
      'Indus Contact Solutions',
      'skip',
      '1234567-8',
      'Ayesha Malik',
      '42101-1234567-1',
      '0300-1234567',
      'ayesha@company.pk',
      en('intake:cities.lahore'),
      '120',
      '39.45.12.7',
      '2',
      '1',
      'Indus Contact Solutions Ltd',
      en('intake:flow.summary.submit'),
    ];
    const replies = [];
    for (const answer of answers) replies.push(...(await turn(client, answer)));
    expect(adaptiveCards(replies)).toEqual([]);
    const heroes = replies.flatMap((r) => r.attachments ?? []).map((a) => a.contentType);
    expect(heroes.length).toBeGreaterThan(0);
    expect(new Set(heroes)).toEqual(new Set(['application/vnd.microsoft.card.hero']));
    expect(store.filed[0].draft).toMatchObject({ companyName: 'Indus Contact Solutions Ltd', city: { kind: 'named', id: 'lahore' } });
  });
});
