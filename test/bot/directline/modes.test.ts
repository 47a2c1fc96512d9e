/** Where the built-in Direct Line is served: always in local mode; in authenticated mode only with WEBCHAT_LOCAL. */
import { startTestApp, textOf, type TestApp } from '../../helpers/app';
import { createTestDb, type TestDb } from '../../helpers/db';
import enCommon from '../../../locales/en/common.json';
import { call, pollUntil, post, startSession } from './client';

const SECRET = 'test-directline-secret-0123456789abcdef';
const authenticated = {
  MicrosoftAppId: '00000000-0000-0000-0000-00000000b07e',
  MicrosoftAppPassword: 'not-a-real-password',
  DIRECTLINE_SECRET: SECRET,
};

// One database for the file: the wasm migration engine does not survive a second migration in one jest worker.
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('authenticated mode', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('serves no Direct Line routes (404) without WEBCHAT_LOCAL', async () => {
    const app = (t = await startTestApp(authenticated, {}, db));
    const statuses = await Promise.all([
      call(app.baseUrl, 'POST', '/api/webchat/token', undefined),
      call(app.baseUrl, 'POST', '/v3/directline/conversations', SECRET, {}),
      call(app.baseUrl, 'POST', '/v3/directline/tokens/generate', SECRET, {}),
      call(app.baseUrl, 'GET', '/v3/directline/conversations/x/activities', SECRET),
      call(app.baseUrl, 'POST', '/directline-connector/k/v3/conversations/x/activities', undefined, { type: 'message' }),
    ]).then((responses) => responses.map((r) => r.status));
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
  });

  it('serves them with WEBCHAT_LOCAL=true, and the bot answers without any channel token', async () => {
    const app = (t = await startTestApp({ ...authenticated, WEBCHAT_LOCAL: 'true' }, {}, db));
    const s = await startSession(app.baseUrl);
    await post(app.baseUrl, s, { type: 'message', text: 'hi' });
    const all = await pollUntil(app.baseUrl, s, (a) => a.some((x) => textOf(x).includes(enCommon.menu.title)));
    expect(all.find((a) => textOf(a).includes(enCommon.menu.title))?.from?.id).toBe(authenticated.MicrosoftAppId);
  });
});
