/** The public verification page: a few lines in English and Urdu, readable on a phone, no external assets. */
import type { Translate } from '../i18n';
import { letterDate } from './letter';
import type { Verification } from './service';

const colors: Record<Verification['status'], string> = { valid: '#0a7a32', expired: '#9a6700', revoked: '#b3261e', not_found: '#555555' };

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function section(v: Verification, t: Translate, lang: 'en' | 'ur'): string {
  const rows: [string, string | null][] = [
    [t('letters:verify.company'), v.company],
    [t('letters:verify.city'), v.city],
    [t('letters:verify.validFrom'), v.validFrom && letterDate(new Date(v.validFrom))],
    [t('letters:verify.validUntil'), v.validUntil && letterDate(new Date(v.validUntil))],
    [t('letters:verify.agents'), v.agents === null ? null : String(v.agents)],
  ];
  const facts = rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd><bdi>${escapeHtml(value)}</bdi></dd>`)
    .join('');
  return `<section lang="${lang}" dir="${lang === 'ur' ? 'rtl' : 'ltr'}">
<h2 class="status">${escapeHtml(t(`letters:verify.status.${v.status}`))}</h2>
<p>${escapeHtml(t(`letters:verify.explain.${v.status}`))}</p>
${facts ? `<dl>${facts}</dl>` : ''}
</section>`;
}

/** The whole page for one verification. */
export function verifyPage(v: Verification, en: Translate, ur: Translate): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(en('letters:verify.title'))} · ${escapeHtml(ur('letters:verify.title'))}</title>
<style>
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6f5}
header{background:#01411c;color:#fff;padding:12px 16px}
header h1{font-size:1.05rem;margin:0}
header p{margin:0;font-size:.85rem;opacity:.9}
main{max-width:560px;margin:0 auto;padding:16px}
.badge{border-radius:10px;color:#fff;background:${colors[v.status]};padding:14px 16px;margin-bottom:16px}
.badge b{display:block;font-size:1.6rem}
.ref{font-family:ui-monospace,Menlo,Consolas,monospace}
section{background:#fff;border-radius:10px;padding:4px 16px 12px;margin-bottom:14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
section[dir=rtl]{line-height:1.9}
.status{color:${colors[v.status]};margin:.6em 0 .2em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
dt{color:#555}dd{margin:0;font-weight:600}
</style>
</head>
<body>
<header><h1>${escapeHtml(en('letters:pdf.board'))}</h1><p lang="ur" dir="rtl">${escapeHtml(ur('letters:pdf.board'))}</p></header>
<main>
<div class="badge" data-status="${v.status}"><b>${escapeHtml(en(`letters:verify.status.${v.status}`))} · <span lang="ur">${escapeHtml(ur(`letters:verify.status.${v.status}`))}</span></b><span class="ref">${escapeHtml(v.reference)}</span></div>
${section(v, en, 'en')}
${section(v, ur, 'ur')}
</main>
</body>
</html>
`;
}
