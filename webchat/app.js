// The PSEB Assist Web Chat page. It never holds a Direct Line secret: it asks our server for a user
// token, then talks to the server's own Direct Line endpoint over its WebSocket stream. The language
// toggle re-renders Web Chat with the chosen locale — English, Urdu script or Roman Urdu (Web Chat only
// flips Arabic and Hebrew to RTL by itself, so Urdu script sets dir="rtl" explicitly; Roman Urdu is
// left-to-right) — and tells the bot with a hidden post-back, exactly as if the user had typed it.
// The server's userToken is kept in localStorage: a reload while the conversation token still lives
// resumes that conversation (Web Chat reconnects by conversationId and replays it from the start); later,
// a new conversation opens as the same user. "Forget me on this device" drops it (and revokes it
// server-side).

const STRINGS = JSON.parse(document.getElementById('pseb-strings').textContent);
const WEB_CHAT_LOCALES = { en: 'en-US', ur: 'ur-PK', 'ur-Latn': 'ur-Latn-PK' };
const TOKEN_URL = '/api/webchat/token';
const FORGET_URL = '/api/webchat/forget';
const IDENTITY_KEY = 'pseb-assist.webchat';
const FORGOTTEN_KEY = 'pseb-assist.forgotten';
const DIRECT_LINE_DOMAIN = `${window.location.origin}/v3/directline`;

const page = document.getElementById('pseb-page');
const chat = document.getElementById('webchat');
const statusLine = document.getElementById('chat-status');

const startLang = document.documentElement.lang;
const session = { lang: WEB_CHAT_LOCALES[startLang] ? startLang : 'en', directLine: null, store: null };

const lookup = (lang, path) =>
  path.split('.').reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), STRINGS[lang]);

/** A page string in the current language, English when missing. */
function t(path) {
  const text = lookup(session.lang, path);
  return typeof text === 'string' ? text : lookup('en', path) || '';
}

const dir = () => (session.lang === 'ur' ? 'rtl' : 'ltr');

function applyPageStrings() {
  document.documentElement.lang = session.lang;
  document.documentElement.dir = dir();
  page.setAttribute('dir', dir());
  document.title = t('page.title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.getAttribute('data-i18n'));
  for (const button of document.querySelectorAll('.language-option')) {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === session.lang));
  }
}

function showStatus(key) {
  statusLine.hidden = !key;
  if (!key) return;
  statusLine.setAttribute('data-i18n', key);
  statusLine.textContent = t(key);
}

function renderChat() {
  window.WebChat.renderWebChat(
    {
      directLine: session.directLine,
      store: session.store,
      locale: WEB_CHAT_LOCALES[session.lang],
      dir: dir(),
      overrideLocalizedStrings: {
        TEXT_INPUT_PLACEHOLDER: t('ui.placeholder'),
        TEXT_INPUT_SEND_BUTTON_ALT: t('ui.send'),
        TEXT_INPUT_UPLOAD_BUTTON_ALT: t('ui.upload'),
      },
      styleOptions: {
        accent: '#0b6e4f',
        botAvatarInitials: t('ui.botInitials'),
        userAvatarInitials: t('ui.userInitials'),
        // The only file the bot takes is the call centre's agent list.
        uploadAccept: '.csv,text/csv',
        uploadMultiple: false,
        primaryFont: session.lang === 'ur' ? "'Noto Naskh Arabic', 'Noto Nastaliq Urdu', Tahoma, sans-serif" : undefined,
      },
    },
    chat,
  );
}

function setLanguage(lang) {
  if (lang === session.lang || !WEB_CHAT_LOCALES[lang]) return;
  session.lang = lang;
  applyPageStrings();
  if (!session.directLine) return;
  renderChat();
  // The toggle's label ("English" / "اردو" / "Roman Urdu") is also what the bot understands as a switch request.
  session.store.dispatch({ type: 'WEB_CHAT/SEND_POST_BACK', payload: { value: t(`toggle.${lang}`) } });
}

/** What this device remembers: { userToken, conversationId, conversationExpires } or null. */
function remembered() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(IDENTITY_KEY) || 'null');
    return saved && typeof saved.userToken === 'string' ? saved : null;
  } catch {
    return null;
  }
}

function remember(saved) {
  try {
    if (saved) window.localStorage.setItem(IDENTITY_KEY, JSON.stringify(saved));
    else window.localStorage.removeItem(IDENTITY_KEY);
  } catch {
    // Private mode without storage: the chat still works, it just forgets on reload.
  }
}

/** The conversation stays resumable while it is in use (Web Chat keeps refreshing its token meanwhile). */
function keepAlive(expiresInSeconds) {
  const saved = remembered();
  if (!saved) return;
  remember({ ...saved, conversationExpires: Date.now() + expiresInSeconds * 1000 });
}

function tokenRequest() {
  const saved = remembered();
  const body = {};
  if (saved) {
    body.user = saved.userToken;
    if (saved.conversationId && saved.conversationExpires > Date.now()) body.conversationId = saved.conversationId;
  }
  return fetch(TOKEN_URL, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** After "forget me", the fresh page says so once. */
function forgottenNote() {
  try {
    const forgotten = window.sessionStorage.getItem(FORGOTTEN_KEY) === '1';
    window.sessionStorage.removeItem(FORGOTTEN_KEY);
    return forgotten;
  } catch {
    return false;
  }
}

async function start() {
  const forgotten = forgottenNote();
  showStatus('status.connecting');
  try {
    const res = await tokenRequest();
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const body = await res.json();
    remember({ userToken: body.userToken, conversationId: body.conversationId, conversationExpires: Date.now() + body.expires_in * 1000 });
    const options = {
      token: body.token,
      domain: DIRECT_LINE_DOMAIN,
      webSocket: true,
      conversationStartProperties: { locale: WEB_CHAT_LOCALES[session.lang] },
    };
    // Resuming: Web Chat reconnects to the conversation and fetches it from the start.
    if (body.resumed) options.conversationId = body.conversationId;
    session.directLine = window.WebChat.createDirectLine(options);
    session.store = window.WebChat.createStore({}, () => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') keepAlive(body.expires_in);
      return next(action);
    });
    showStatus(forgotten ? 'identity.forgotten' : null);
    renderChat();
  } catch {
    showStatus('status.unavailable');
  }
}

/** Forgets this device's identity (server-side too) and starts over as a new user. */
async function forgetMe() {
  const saved = remembered();
  remember(null);
  session.directLine?.end();
  if (saved) {
    await fetch(FORGET_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: saved.userToken }),
    }).catch(() => undefined);
  }
  try {
    window.sessionStorage.setItem(FORGOTTEN_KEY, '1');
  } catch {
    // Without storage the page simply starts over without the note.
  }
  window.location.reload();
}

document.getElementById('forget-me').addEventListener('click', () => void forgetMe());
for (const button of document.querySelectorAll('.language-option')) {
  button.addEventListener('click', () => setLanguage(button.getAttribute('data-lang')));
}

applyPageStrings();
if (!window.WebChat) showStatus('status.unavailable');
else void start();
