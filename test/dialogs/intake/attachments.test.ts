import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { csvAttachmentOf, isChannelAttachmentUrl, readCsvAttachment } from '../../../bot/requests/attachments';

describe('reading an attached CSV', () => {
  it('finds a CSV by content type or by file name', () => {
    expect(csvAttachmentOf([{ contentType: 'image/png', contentUrl: 'x' }, { contentType: 'application/octet-stream', name: 'Agents.CSV', contentUrl: 'y' }])?.contentUrl).toBe('y');
    expect(csvAttachmentOf([{ contentType: 'image/png', contentUrl: 'x' }])).toBeUndefined();
  });

  it('decodes base64 and plain data: URLs and refuses ones over the cap', async () => {
    const text = 'a,b\n1,2\n';
    expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `data:text/csv;base64,${Buffer.from(text).toString('base64')}` })).toEqual({ ok: true, text });
    expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `data:text/csv,${encodeURIComponent(text)}` })).toEqual({ ok: true, text });
    expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `data:text/csv,${'x'.repeat(200)}` }, { maxBytes: 100 })).toEqual({ ok: false, reason: 'tooLarge' });
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
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/small` }, { allowUrl })).toEqual({ ok: true, text: 'a,b\n' });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/big` }, { maxBytes: 1000, allowUrl })).toEqual({ ok: false, reason: 'tooLarge' });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/slow` }, { timeoutMs: 200, allowUrl })).toEqual({ ok: false, reason: 'unreadable' });
      // By default a user-supplied URL to an internal address is never fetched.
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: `${base}/small` })).toEqual({ ok: false, reason: 'unreadable' });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: 'http://169.254.169.254/latest/meta-data.csv' })).toEqual({ ok: false, reason: 'unreadable' });
      expect(await readCsvAttachment({ contentType: 'text/csv', contentUrl: 'file:///etc/passwd' })).toEqual({ ok: false, reason: 'unreadable' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('isChannelAttachmentUrl', () => {
  it.each([
    ['https://directline.botframework.com/attachments/abc/original', true],
    ['https://webchat.botframework.com/attachments/x', true],
    ['http://directline.botframework.com/attachments/x', false],
    ['https://botframework.com.evil.example/x.csv', false],
    ['https://10.0.0.5/x.csv', false],
  ])('%s → %s', (url, allowed) => expect(isChannelAttachmentUrl(new URL(url))).toBe(allowed));
});
