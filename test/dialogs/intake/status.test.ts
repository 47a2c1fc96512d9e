import { randomUUID } from 'node:crypto';
import { DialogTurnStatus } from '../../../dialogs/sdk';
import { StatusDialog } from '../../../dialogs/intake/statusDialog';
import { clientFor, FakeRequestStore, textOf, tFor, turn } from './helpers';

const en = tFor('en');
const ur = tFor('ur');
const roman = tFor('ur-Latn');

async function storeWithRequest(userId: string) {
  const store = new FakeRequestStore();
  const { request } = await store.create({
    kind: 'whitelisting',
    draftId: randomUUID(),
    language: 'en',
    owner: { channelId: 'test', userId, conversationId: 'c' },
    draft: {
      companyName: 'Indus',
      psebRegistrationNo: null,
      ntn: '1234567-8',
      contactName: 'Ayesha',
      contactCnic: '42101-1234567-1',
      contactMobile: '+923001234567',
      contactEmail: 'a@b.pk',
      city: { kind: 'named', id: 'karachi' },
      agentSeats: 1,
      ipAddresses: ['39.45.12.7'],
    },
  });
  return { store, reference: request.reference };
}

describe('StatusDialog', () => {
  it('asks for the reference, re-asks an unreadable one, then shows the status', async () => {
    // TestAdapter's user id is "user1".
    const { store, reference } = await storeWithRequest('user1');
    const client = clientFor(new StatusDialog({ store }));
    expect(textOf(await turn(client, 'status'))).toBe(en('requests:status.ask'));
    expect(textOf(await turn(client, 'my number'))).toBe(en('requests:status.badReference'));
    const reply = textOf(await turn(client, reference.toLowerCase()));
    expect(reply).toContain(en('requests:status.current', { status: en('requests:statuses.SUBMITTED') }));
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("answers someone else's reference exactly as an unknown one", async () => {
    const { store, reference } = await storeWithRequest('another-user');
    const client = clientFor(new StatusDialog({ store }));
    await turn(client, 'status');
    expect(textOf(await turn(client, reference))).toBe(en('requests:status.notFound', { reference }));
  });

  it('answers in Roman Urdu and stops on "cancel karo"', async () => {
    const client = clientFor(new StatusDialog({ store: new FakeRequestStore() }), { locale: 'ur-Latn' });
    expect(textOf(await turn(client, 'status'))).toBe(roman('requests:status.ask'));
    expect(textOf(await turn(client, 'pata nahi'))).toBe(roman('requests:status.badReference'));
    expect(textOf(await turn(client, 'cancel karo'))).toBe(roman('requests:status.stopped'));
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('answers in Urdu and stops on "منسوخ"', async () => {
    const client = clientFor(new StatusDialog({ store: new FakeRequestStore() }), { locale: 'ur-PK' });
    expect(textOf(await turn(client, 'اسٹیٹس'))).toBe(ur('requests:status.ask'));
    expect(textOf(await turn(client, 'منسوخ'))).toBe(ur('requests:status.stopped'));
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });
});
