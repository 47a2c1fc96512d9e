/**
 * The console page and its assets: our own files from console/, the teams-js and chart.js UMD bundles
 * straight from node_modules (never copied into the repo), and the console locale strings as JSON.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import { safe } from '../http/safe';
import { localesDir, isUiLanguage } from '../i18n';
import { fromRoot } from '../paths';

export const consoleDir = fromRoot('console');

/** Third-party browser bundles the page loads, by the name it asks for. */
export const vendorFiles = {
  'teams-js.js': path.join(path.dirname(require.resolve('@microsoft/teams-js')), 'MicrosoftTeams.min.js'),
  'chart.js': path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
} as const satisfies Record<string, string>;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Hosts that may frame the page (Teams web, desktop and the Microsoft 365 apps). */
const frameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
].join(' ');

export const pageSecurityPolicy = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors ${frameAncestors}; base-uri 'none'; form-action 'self'`;

/** Our asset names: plain lowercase file names, so a request can never walk out of console/. */
export function isAssetName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]*\.(js|css)$/.test(name);
}

async function sendFile(res: Response, file: string, cache: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    res.send(404, { error: 'not_found' });
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-security-policy': pageSecurityPolicy,
  });
  res.end(body);
}

/** Mounts the page, its assets, the vendor bundles and the locale strings. */
export function mountConsolePage(server: Server, logger: Logger): void {
  const page = (file: string) =>
    safe(logger, async (_req: Request, res: Response) => sendFile(res, path.join(consoleDir, file), 'no-cache'));
  server.get('/console', page('index.html'));
  server.get('/console/config', page('config.html'));
  server.get(
    '/console/assets/:file',
    safe(logger, async (req, res) => {
      const name = String((req.params as Record<string, unknown>).file ?? '');
      if (!isAssetName(name)) return void res.send(404, { error: 'not_found' });
      await sendFile(res, path.join(consoleDir, name), 'no-cache');
    }),
  );
  server.get(
    '/console/vendor/:file',
    safe(logger, async (req, res) => {
      const name = String((req.params as Record<string, unknown>).file ?? '');
      const file = Object.hasOwn(vendorFiles, name) ? vendorFiles[name as keyof typeof vendorFiles] : undefined;
      if (!file) return void res.send(404, { error: 'not_found' });
      await sendFile(res, file, 'public, max-age=86400');
    }),
  );
  server.get(
    '/console/locales/:file',
    safe(logger, async (req, res) => {
      const lang = String((req.params as Record<string, unknown>).file ?? '').replace(/\.json$/, '');
      if (!isUiLanguage(lang)) return void res.send(404, { error: 'not_found' });
      await sendFile(res, path.join(localesDir, lang, 'console.json'), 'no-cache');
    }),
  );
}
