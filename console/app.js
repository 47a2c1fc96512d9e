// The console: host detection, strings, auth banner, and the view switcher.
import { h } from './dom.js';
import { createApi } from './api.js';
import { applyTheme, detectHost, loadStrings } from './host.js';
import { renderQueue } from './view-queue.js';
import { renderConversations } from './view-conversations.js';
import { renderRequests } from './view-requests.js';
import { renderFaq } from './view-faq.js';
import { renderDashboard } from './view-dashboard.js';
import { renderStaff } from './view-staff.js';
import { renderChat } from './view-chat.js';
import { renderSnippets } from './view-snippets.js';
import { renderAnnouncements } from './view-announcements.js';

const views = {
  queue: renderQueue,
  chat: renderChat,
  snippets: renderSnippets,
  conversations: renderConversations,
  requests: renderRequests,
  faq: renderFaq,
  dashboard: renderDashboard,
  staff: renderStaff,
  announcements: renderAnnouncements,
};

const $ = (id) => document.getElementById(id);

async function start() {
  const host = await detectHost();
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);
  const lang = host.lang;
  const t = await loadStrings(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ur' ? 'rtl' : 'ltr';
  document.title = t('title');
  $('title').textContent = t('title');

  const banner = $('auth-banner');
  const devForm = $('dev-token-form');
  const showAuthError = (status) => {
    banner.textContent = status === 403 ? t('auth.forbidden') : t('auth.unauthorized');
    banner.hidden = false;
    banner.dataset.status = String(status);
    if (!host.inTeams && status === 401) devForm.hidden = false;
  };

  const getToken = async () => {
    try {
      return await host.getToken();
    } catch {
      banner.textContent = t('auth.teamsFailed');
      banner.hidden = false;
      return '';
    }
  };
  const api = createApi(getToken, showAuthError);

  if (!host.inTeams) {
    const toggle = $('lang-toggle');
    toggle.hidden = false;
    toggle.textContent = t('language.toggle');
    toggle.setAttribute('aria-label', t('language.toggleLabel'));
    toggle.lang = lang === 'ur' ? 'en' : 'ur';
    toggle.addEventListener('click', () => {
      const next = lang === 'ur' ? 'en' : 'ur';
      host.rememberLanguage(next);
      const url = new URL(location.href);
      url.searchParams.set('lang', next);
      location.assign(url.toString());
    });
    $('dev-token-label').textContent = t('auth.devTokenLabel');
    $('dev-token-save').textContent = t('auth.devTokenSave');
    $('dev-token-clear').textContent = t('auth.devTokenClear');
    devForm.addEventListener('submit', (event) => {
      event.preventDefault();
      host.setDevToken(/** @type {HTMLInputElement} */ ($('dev-token-input')).value.trim());
      location.reload();
    });
    $('dev-token-clear').addEventListener('click', () => {
      host.setDevToken('');
      location.reload();
    });
  }

  const status = $('status');
  const notify = (message, kind = 'info') => {
    status.textContent = message;
    status.className = `status status-${kind}`;
  };

  const nav = $('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  let cleanup = () => undefined;
  const show = async (name) => {
    const render = views[name] ? name : 'queue';
    for (const button of nav.querySelectorAll('button')) {
      if (button.dataset.view === render) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    cleanup();
    cleanup = () => undefined;
    const main = $('view');
    main.replaceChildren(h('p', { className: 'muted' }, t('common.loading')));
    notify('');
    try {
      cleanup = (await views[render]({ api, t, lang, notify, go: navigate }, main)) || (() => undefined);
    } catch (err) {
      main.replaceChildren();
      if (!err || (err.status !== 401 && err.status !== 403)) notify(t('common.error'), 'error');
    }
  };
  const navigate = (name, params = '') => {
    const hash = `#${name}${params ? `/${params}` : ''}`;
    if (location.hash === hash) void show(name);
    else location.hash = hash;
  };
  for (const name of Object.keys(views)) {
    nav.append(h('button', { type: 'button', dataset: { view: name }, onclick: () => navigate(name) }, t(`nav.${name}`)));
  }
  window.addEventListener('hashchange', () => void show(location.hash.slice(1).split('/')[0]));

  try {
    const me = await api.get('/api/console/me');
    $('who').textContent = t('auth.signedInAs', { name: me.name });
  } catch {
    // The banner already says why; the views stay empty.
    return;
  }
  host.notifySuccess();
  await show(location.hash.slice(1).split('/')[0] || 'queue');
  document.body.dataset.ready = 'true';
}

void start();
