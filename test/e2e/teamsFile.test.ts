/**
 * Agent lists sent as a file in a Teams personal chat: the Teams file download info attachment is read
 * from its downloadUrl (here a loopback server standing in for SharePoint, the replies going to the
 * loopback connector), the prompt offers a file only where the channel can send one, and by default a
 * download link outside the Microsoft hosts is never fetched.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestUser, textOfAll, type TestApp } from '../helpers/app';
import { startConnector, type ConnectorRecorder } from '../helpers/connector';
import { createI18n } from '../../bot/i18n';
import { readCsvAttachment } from '../../bot/requests/attachments';
import { walkWfhToAgents } from './wfhWalk';

const t = createI18n().getFixedT('en');
const CSV =
  'name,cnic,city,isp,ip\nBilal Ahmed,42101-1234567-1,Karachi,PTCL,39.45.12.7\nSara Khan,42101-7654321-2,Lahore,Nayatel,dynamic\n';

let files: http.Server;
let filesBase: string;
let downloads: string[];
let connector: ConnectorRecorder;
let app: TestApp;
let strict: TestApp;

beforeAll(async () => {
  downloads = [];
  files = http.createServer((req, res) => {
    downloads.push(req.url ?? '');
    res.setHeader('content-type', 'application/octet-stream');
    res.end(CSV);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesBase = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  connector = await startConnector();
  // The "SharePoint" of this test is the loopback file server; everything else keeps the real allow-list.
  app = await startTestApp({}, { readCsv: (attachment) => readCsvAttachment(attachment, { allowUrl: (url) => url.origin === filesBase }) });
  strict = await startTestApp();
}, 180_000);
afterAll(async () => {
  await app?.close();
  await strict?.close();
  await connector?.close();
  files.closeAllConnections();
  files.close();
});

/** A Teams user in a personal (or another kind of) chat, replies also going to the loopback connector. */
function teamsUser(
  base: TestApp,
  conversationType = 'personal',
): { user: TestUser; say: (text: string) => Promise<string>; send: (a: Record<string, unknown>) => Promise<string> } {
  const user = new TestUser(base.baseUrl, 'msteams', undefined, undefined, connector.serviceUrl);
  const conversation = { id: user.conversationId, conversationType };
  const send = async (activity: Record<string, unknown>) => textOfAll(await user.send({ conversation, ...activity }));
  return { user, send, say: (text) => send({ type: 'message', text }) };
}

const teamsFile = (downloadUrl: string) => ({
  type: 'message',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: 'agents.csv',
      contentUrl: 'https://contoso.sharepoint.com/personal/ayesha/Documents/Microsoft%20Teams%20Chat%20Files/agents.csv',
      content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: 'csv' },
    },
  ],
});

describe('a CSV sent as a file in a Teams personal chat', () => {
  it('offers the file, reads it from the downloadUrl and adds its agents', async () => {
    const { say, send } = teamsUser(app);
    const question = await walkWfhToAgents(say);
    expect(question).toContain(t('intake:fields.agents.prompt'));
    expect(question).toContain(t('intake:flow.agents.attachHint'));
    const replies = await send(teamsFile(`${filesBase}/personal/ayesha/download.aspx?UniqueId=1150D938`));
    expect(replies).toContain(t('intake:flow.agents.added', { added: 2, total: 2 }));
    expect(downloads).toContain('/personal/ayesha/download.aspx?UniqueId=1150D938');
    expect(await say('done')).toContain(t('intake:flow.summary.title', { title: t('requests:kinds.wfh') }));
  });

  it('with the real allow-list, refuses a download link outside the Microsoft hosts without fetching it', async () => {
    const before = downloads.length;
    const { say, send } = teamsUser(strict);
    await walkWfhToAgents(say);
    expect(await send(teamsFile(`${filesBase}/agents.csv`))).toBe(t('intake:flow.agents.csvUnreadable'));
    expect(downloads.length).toBe(before);
  });

  it('does not offer a file where the channel cannot send one (a Teams channel thread, a text channel)', async () => {
    const inChannel = teamsUser(app, 'channel');
    expect(await walkWfhToAgents(inChannel.say)).not.toContain(t('intake:flow.agents.attachHint'));
    const sms = new TestUser(app.baseUrl, 'sms');
    const question = await walkWfhToAgents(async (text) => textOfAll(await sms.say(text)));
    expect(question).toContain(t('intake:fields.agents.prompt'));
    expect(question).not.toContain(t('intake:flow.agents.attachHint'));
    // Web Chat can upload: offered there.
    const web = new TestUser(app.baseUrl, 'webchat');
    expect(await walkWfhToAgents(async (text) => textOfAll(await web.say(text)))).toContain(t('intake:flow.agents.attachHint'));
  });
});
