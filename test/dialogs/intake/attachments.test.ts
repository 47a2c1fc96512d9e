import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { csvAttachmentOf, isChannelAttachmentUrl, readCsvAttachment } from '../../../bot/requests/attachments';

describe('reading an attached CSV', () => {
  it('finds a CSV by content type or by file name', () => {
    expect(
      csvAttachmentOf([
        { contentType: 'image/png', contentUrl: 'x' },
        { contentType: 'application/octet-stream', name: 'Agents.CSV', contentUrl: 'y' },
      ])?.contentUrl,
    ).toBe('y');
    expect(csvAttachmentOf([{ contentType: 'image/png', contentUrl: 'x' }])).toBeUndefined();
  });

  it('decodes base64 and plain data: URLs and refuses ones over the cap', async () => {
    const text = 'a,b\n1,2\n';
    expect(
      await readCsvAttachment({ contentType: 'text/csv', contentUrl: `data:text/csv;base64,${Buffer.from(text).toString('base64')}` }),
    ).toEqual({ ok: true, text });
    expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `data:text/csv,${encodeURIComponent(text)}` })).toEqual({
      ok: true,
      text,
    });
    expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `data:text/csv,${'x'.repeat(200)}` }, { maxBytes: 100 })).toEqual(
      { ok: false, reason: 'tooLarge' },
    );
  });

  it('downloads over http with a size cap and a timeout', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/small') res.end('a,b\n');
      else if (req.url === '/big') res.end('x'.repeat(5000));
      // '/slow' never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const allowUrl = (url: URL) => url.origin === base;
    try {
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/small` }, { allowUrl })).toEqual({
        ok: true,
        text: 'a,b\n',
      });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/big` }, { maxBytes: 1000, allowUrl })).toEqual({
        ok: false,
        reason: 'tooLarge',
      });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/slow` }, { timeoutMs: 200, allowUrl })).toEqual({
        ok: false,
        reason: 'unreadable',
      });
      // By default a user-supplied URL to an internal address is never fetched.
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/small` })).toEqual({
        ok: false,
        reason: 'unreadable',
      });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: 'http://169.254.169.254/latest/meta-data.csv' })).toEqual({
        ok: false,
        reason: 'unreadable',
      });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: 'file:///etc/passwd' })).toEqual({
        ok: false,
        reason: 'unreadable',
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('a file sent in a Teams personal chat', () => {
  const teamsFile = (downloadUrl: string, fileType = 'csv', name = 'agents.csv') => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    contentUrl: 'https://contoso.sharepoint.com/personal/ayesha/Documents/Microsoft%20Teams%20Chat%20Files/agents.csv',
    content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType },
  });

  it('is a CSV by its file type or name, and is read from its downloadUrl', async () => {
    const file = teamsFile('https://contoso.sharepoint.com/_layouts/15/download.aspx?UniqueId=1&tempauth=x');
    expect(csvAttachmentOf([{ contentType: 'image/png', contentUrl: 'x' }, file])).toBe(file);
    expect(csvAttachmentOf([teamsFile('https://contoso.sharepoint.com/d', 'xlsx', 'agents.xlsx')])).toBeUndefined();
    const asked: string[] = [];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      return new Response('Bilal Ahmed,42101-1234567-1,Karachi,PTCL,39.45.12.7\n', { status: 200 });
    }) as unknown as typeof fetch;
    expect(await readCsvAttachment(file, { fetch: fakeFetch })).toEqual({
      ok: true,
      text: 'Bilal Ahmed,42101-1234567-1,Karachi,PTCL,39.45.12.7\n',
    });
    expect(asked).toEqual([file.content.downloadUrl]);
  });

  it('never follows a downloadUrl outside the allowed hosts, nor a data: URL posing as one', async () => {
    let fetched = 0;
    const fakeFetch = (async () => {
      fetched++;
      return new Response('x');
    }) as unknown as typeof fetch;
    for (const url of [
      'http://127.0.0.1:9/agents.csv',
      'https://attacker.example/agents.csv',
      'http://contoso.sharepoint.com/a.csv',
      `data:text/csv,${encodeURIComponent('a,b')}`,
    ]) {
      expect(await readCsvAttachment(teamsFile(url), { fetch: fakeFetch })).toEqual({ ok: false, reason: 'unreadable' });
    }
    expect(fetched).toBe(0);
  });
});

describe('isChannelAttachmentUrl', () => {
  it.each([
    ['https://directline.botframework.com/attachments/abc/original', true],
    ['https://webchat.botframework.com/attachments/x', true],
    ['http://directline.botframework.com/attachments/x', false],
    ['https://botframework.com.evil.example/x.csv', false],
    ['https://10.0.0.5/x.csv', false],
    ['https://contoso.sharepoint.com/personal/ayesha/_layouts/15/download.aspx?UniqueId=1', true],
    ['https://contoso-my.sharepoint.com/personal/a/download.aspx', true],
    ['http://contoso.sharepoint.com/x.csv', false],
    ['https://contoso.sharepoint.com:8443/x.csv', false],
    ['https://sharepoint.com.evil.example/x.csv', false],
    ['https://evilsharepoint.com/x.csv', false],
  ])('%s → %s', (url, allowed) => expect(isChannelAttachmentUrl(new URL(url))).toBe(allowed));
});
