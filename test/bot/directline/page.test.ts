/** The page and its files over HTTP: strings inlined for both languages, the installed bundle, nothing else. */
import { readFileSync, statSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../helpers/app';
import { jsonForHtml, staticFileName, webChatBundleFile, CONTENT_SECURITY_POLICY } from '../../../bot/http/webchat';
import enPage from '../../../locales/en/webchat.json';
import urPage from '../../../locales/ur/webchat.json';
import romanPage from '../../../locales/ur-Latn/webchat.json';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DIRECTLINE_SECRET: 'page-test-directline-secret-0123456789ab' });
});
afterAll(async () => {
  await t?.close();
});

/** The JSON the page reads its strings from. */
function inlinedStrings(html: string): Record<string, unknown> {
  const match = /<script id="pseb-strings" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no strings block');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('GET /', () => {
  it("serves the page in English by default, with every language's strings inlined and a strict CSP", async () => {
    const res = await fetch(`${t.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await res.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain(`<title>${enPage.page.title}</title>`);
    expect(inlinedStrings(html)).toEqual({ en: enPage, ur: urPage, 'ur-Latn': romanPage });
    expect(html).toContain('src="/webchat/vendor/webchat.js"');
    expect(html).not.toMatch(/secret/i);
  });

  it('starts in Roman Urdu, left to right, with ?lang=ur-Latn', async () => {
    const html = await (await fetch(`${t.baseUrl}/?lang=ur-Latn`)).text();
    expect(html).toContain('<html lang="ur-Latn" dir="ltr">');
    expect(html).toContain(`<title>${romanPage.page.title}</title>`);
  });

  it('starts in Urdu, right to left, with ?lang=ur', async () => {
    const html = await (await fetch(`${t.baseUrl}/?lang=ur`)).text();
    expect(html).toContain('<html lang="ur" dir="rtl">');
    expect(html).toContain('id="pseb-page" class="page" dir="rtl"');
    expect(html).toContain(`<title>${urPage.page.title}</title>`);
  });
});

describe('GET /webchat/*', () => {
  it('serves the Web Chat bundle from the installed package', async () => {
    const res = await fetch(`${t.baseUrl}/webchat/vendor/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(statSync(webChatBundleFile()).size);
    expect(body.subarray(0, 200).equals(readFileSync(webChatBundleFile()).subarray(0, 200))).toBe(true);
  });

  it('serves the page script and styles, and 404s for anything outside the folder', async () => {
    expect((await fetch(`${t.baseUrl}/webchat/app.js`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/webchat/style.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    for (const path of [
      '/webchat/..%2Fpackage.json',
      '/webchat/%2E%2E%2Fbot%2Fconfig.ts',
      '/webchat/missing.js',
      '/webchat/index.html',
      '/webchat/.env',
    ]) {
      expect([path, (await fetch(`${t.baseUrl}${path}`)).status]).toEqual([path, 404]);
    }
  });
});

describe('helpers', () => {
  it('accepts only plain file names with a served extension', () => {
    expect(staticFileName('app.js')).toBe('app.js');
    expect(staticFileName('../app.js')).toBeUndefined();
    expect(staticFileName('a/b.js')).toBeUndefined();
    expect(staticFileName('.hidden.js')).toBeUndefined();
    expect(staticFileName('notes.md')).toBeUndefined();
  });

  it('inlines JSON that cannot close the script element', () => {
    const text = jsonForHtml({ evil: '</script><script>alert(1)</script>&' });
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual({ evil: '</script><script>alert(1)</script>&' });
  });
});

describe('renderPage', () => {
  it.each([
    ['en', 'ltr'],
    ['ur', 'rtl'],
    ['ur-Latn', 'ltr'],
  ] as const)('starts the page in %s laid out %s', async (lang, dir) => {
    const { renderPage } = await import('../../../bot/http/webchat');
    expect(renderPage('<html lang="{{lang}}" dir="{{dir}}">', {}, lang)).toBe(`<html lang="${lang}" dir="${dir}">`);
  });

  it('inserts strings literally, even ones that look like replacement patterns', async () => {
    const { renderPage } = await import('../../../bot/http/webchat');
    const html = renderPage(
      '<title>{{title}}</title><script>{{strings}}</script>',
      { en: { page: { title: "Cost: $& <b>$'</b>" } } },
      'en',
    );
    expect(html).toBe(
      `<title>Cost: $&amp; &lt;b&gt;$'&lt;/b&gt;</title><script>{"en":{"page":{"title":"Cost: $\\u0026 \\u003cb\\u003e$'\\u003c/b\\u003e"}}}</script>`,
    );
  });
});
