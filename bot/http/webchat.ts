/**
 * The Web Chat page: `GET /` (our html with the page strings of both languages inlined), `GET /webchat/*`
 * (our static files) and the official Web Chat bundle straight from the installed package — never
 * copied into the repository.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import { isRtl, readLocaleResources, toUiLanguage, type UiLanguage } from '../i18n';
import { safe, sendError } from './safe';
import { fromRoot } from '../paths';

export const WEBCHAT_DIR = fromRoot('webchat');
export const BUNDLE_PATH = '/webchat/vendor/webchat.js';

/** The installed Web Chat bundle (`require.resolve` finds the package wherever npm put it). */
export function webChatBundleFile(): string {
  return path.resolve(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Same-origin only. Web Chat styles itself with injected <style> elements (hence 'unsafe-inline' for
 * styles only); blob:/data: are the files a user picks for upload and inline attachments.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** A file name under WEBCHAT_DIR that may be served: one path segment, a known extension, no dotfiles. */
export function staticFileName(requested: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(requested) || requested.includes('..')) return undefined;
  return contentTypes[path.extname(requested)] ? requested : undefined;
}

/** The page strings for the browser: the `webchat` namespace of every language. */
export function pageStrings(): Record<string, unknown> {
  const resources = readLocaleResources();
  return Object.fromEntries(Object.entries(resources).map(([lang, namespaces]) => [lang, namespaces.webchat ?? {}]));
}

/** JSON that is safe inside a <script type="application/json"> element. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Renders the page template for a starting language. */
export function renderPage(template: string, strings: Record<string, unknown>, lang: UiLanguage): string {
  const forLang = (strings[lang] ?? {}) as { page?: { title?: string } };
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // Replacer functions, so a `$&` or `$'` inside a string is not read as a replacement pattern.
  return template
    .replace(/\{\{lang\}\}/g, () => lang)
    .replace(/\{\{dir\}\}/g, () => (isRtl(lang) ? 'rtl' : 'ltr'))
    .replace(/\{\{title\}\}/g, () => escape(forLang.page?.title ?? ''))
    .replace('{{strings}}', () => jsonForHtml(strings));
}

export interface WebChatDeps {
  logger: Logger;
}

/** Mounts the page, its static files and the Web Chat bundle. */
export function mountWebChat(server: Server, deps: WebChatDeps): void {
  const strings = pageStrings();
  const headers = (res: Response, type: string) => {
    res.setHeader('content-type', type);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
  };

  server.get(
    '/',
    safe(deps.logger, async (req, res) => {
      const template = await readFile(path.join(WEBCHAT_DIR, 'index.html'), 'utf8');
      const query = (req.query ?? {}) as Record<string, unknown>;
      const lang = toUiLanguage(typeof query.lang === 'string' ? query.lang : undefined) ?? 'en';
      headers(res, contentTypes['.html']);
      res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      res.setHeader('cache-control', 'no-cache');
      res.sendRaw(200, renderPage(template, strings, lang));
    }),
  );

  server.get(
    BUNDLE_PATH,
    safe(deps.logger, async (_req, res) => {
      const file = webChatBundleFile();
      const info = await stat(file);
      headers(res, contentTypes['.js']);
      res.setHeader('content-length', String(info.size));
      res.setHeader('cache-control', 'public, max-age=86400');
      res.writeHead(200);
      await pipe(file, res);
    }),
  );

  server.get(
    '/webchat/:file',
    safe(deps.logger, async (req, res) => serveStatic(req, res, headers)),
  );
}

async function serveStatic(req: Request, res: Response, headers: (res: Response, type: string) => void): Promise<void> {
  const name = staticFileName(String((req.params as Record<string, unknown>).file ?? ''));
  if (!name || name === 'index.html') return sendError(res, 404, 'not_found');
  const file = path.join(WEBCHAT_DIR, name);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return sendError(res, 404, 'not_found');
  }
  headers(res, contentTypes[path.extname(name)]);
  res.setHeader('cache-control', 'no-cache');
  res.sendRaw(200, body);
}

function pipe(file: string, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('finish', resolve);
    res.on('close', resolve);
    stream.pipe(res);
  });
}
