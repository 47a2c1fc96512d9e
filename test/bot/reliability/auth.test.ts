/**
 * Authenticated mode: all seven channel endpoint settings point at a loopback OpenID stub. Only a
 * correctly signed, endorsed, unexpired channel token for this bot and this serviceUrl gets in; every
 * other request is a 401, never a 500, and the bot's own calls to the channel carry a bearer token.
 */
import { startTestApp, TestUser, textOfAll, type TestApp } from '../../helpers/app';
import { startConnector, type ConnectorRecorder } from '../../helpers/connector';
import { startOpenIdStub, LocalCredentialsFactory, clearTokenCache, type OpenIdStub, type MintOptions } from '../../helpers/openid';
import { channelEndpointKeys } from '../../../bot/config';
import { gzipSync } from 'node:zlib';

const appId = '00000000-0000-4000-8000-00000000b07a';
const channel = 'msteams';

let stub: OpenIdStub;
let connector: ConnectorRecorder;
let credentials: LocalCredentialsFactory;
let t: TestApp;

beforeAll(async () => {
  stub = await startOpenIdStub([channel, 'webchat', 'directline']);
  connector = await startConnector();
  credentials = new LocalCredentialsFactory(appId);
  t = await startTestApp(
    { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-by-the-local-factory', ...stub.channelEndpoints },
    { credentialsFactory: credentials },
  );
});
afterAll(async () => {
  await t.close();
  await connector.close();
  await stub.close();
});
afterEach(() => {
  clearTokenCache();
  connector.reset();
});

function user(): TestUser {
  return new TestUser(t.baseUrl, channel, undefined, undefined, connector.serviceUrl);
}

async function postWith(u: TestUser, token: string | undefined, activity: Record<string, unknown> = { type: 'message', text: 'menu' }) {
  return u.post(activity, token === undefined ? {} : { authorization: `Bearer ${token}` });
}

it('runs with every channel endpoint setting pointing at the stub', () => {
  for (const key of channelEndpointKeys) expect(t.config[key]).toBe(stub.channelEndpoints[key]);
  expect(t.config.localMode).toBe(false);
});

it('accepts a valid channel token and answers the turn', async () => {
  const u = user();
  const res = await postWith(u, await stub.mintChannelToken(appId, { serviceUrl: connector.serviceUrl }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities: { text?: string }[] };
  expect(body.activities.length).toBeGreaterThan(0);
});

it('sends its replies to the channel with a bearer token from the credentials factory', async () => {
  const u = user();
  const res = await postWith(u, await stub.mintChannelToken(appId, { serviceUrl: connector.serviceUrl }), {
    type: 'message',
    text: 'menu',
    deliveryMode: 'normal',
  });
  expect(res.status).toBe(200);
  const [call] = await connector.waitFor((c) => c.conversationId === u.conversationId);
  expect(call.authorization).toBe(`Bearer ${credentials.token}`);
  expect(textOfAll([call.body as { type: string; text?: string }])).not.toBe('');
});

const rejected: [string, () => Promise<string | undefined>][] = [
  ['no token at all', async () => undefined],
  ['a token that is not a JWT', async () => 'not-a-jwt'],
  ['a token for another bot (wrong audience)', () => stub.mintChannelToken('another-bot-app-id', { serviceUrl: connector.serviceUrl })],
  [
    'a token from another issuer',
    () => stub.mintChannelToken(appId, { issuer: 'https://evil.example/issuer', serviceUrl: connector.serviceUrl }),
  ],
  [
    'an expired token (beyond the 5-minute clock skew)',
    () => stub.mintChannelToken(appId, { expiresIn: -15 * 60, serviceUrl: connector.serviceUrl }),
  ],
  ['a key not endorsed for this channel', () => stub.mintChannelToken(appId, { key: 'unendorsed', serviceUrl: connector.serviceUrl })],
  ['a key the metadata does not list', () => stub.mintChannelToken(appId, { key: 'unknown', serviceUrl: connector.serviceUrl })],
  ['a serviceurl claim for another service', () => stub.mintChannelToken(appId, { serviceUrl: 'https://evil.example/' })],
  ['no serviceurl claim', () => stub.mintChannelToken(appId, {} as MintOptions)],
];

it.each(rejected)('answers 401 to %s, without running the bot', async (_name, makeToken) => {
  const u = user();
  const res = await postWith(u, await makeToken());
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ error: 'unauthorized' });
  const stored = await t.db.prisma.transcriptMessage.count({ where: { conversationId: u.conversationId } });
  expect(stored).toBe(0);
});

it('answers 401 to a Basic authorization header', async () => {
  const res = await user().post({ type: 'message', text: 'menu' }, { authorization: 'Basic dXNlcjpwYXNz' });
  expect(res.status).toBe(401);
});

it('answers 401 to a valid token presented for an activity of another channel the key is not endorsed for', async () => {
  const u = new TestUser(t.baseUrl, 'telegram', undefined, undefined, connector.serviceUrl);
  const res = await postWith(u, await stub.mintChannelToken(appId, { serviceUrl: connector.serviceUrl }));
  expect(res.status).toBe(401);
});

describe('before the body is read (issue 12)', () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    fetch(`${t.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const deep = `{"type":"message","x":${'['.repeat(3000)}${']'.repeat(3000)}}`;

  it('answers 401 to a gzip bomb or 3,000-deep JSON without a valid token: the body is never inflated or parsed', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x30));
    expect((await post(new Blob([new Uint8Array(bomb)]), { 'content-encoding': 'gzip' })).status).toBe(401);
    expect((await post(deep, {})).status).toBe(401);
    expect((await post(deep, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
  });

  it('reads the body once the token is valid: 413 for the bomb, 400 for the depth', async () => {
    const authorization = `Bearer ${await stub.mintChannelToken(appId, { serviceUrl: connector.serviceUrl })}`;
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x30));
    expect((await post(new Blob([new Uint8Array(bomb)]), { 'content-encoding': 'gzip', authorization })).status).toBe(413);
    expect((await post(deep, { authorization })).status).toBe(400);
  });
});
