/*
 * The PSEB Assist Web Chat page. It never holds a Direct Line secret: it asks our server for a user
 * token, then talks to the server's own Direct Line endpoint over its WebSocket stream. The language toggle re-renders
 * Web Chat with the chosen locale — English, Urdu script or Roman Urdu (Web Chat only flips Arabic and
 * Hebrew to RTL by itself, so Urdu script sets dir="rtl" explicitly; Roman Urdu is left-to-right) — and
 * tells the bot with a hidden post-back, exactly as if the user had typed it.
 * The server's userToken is kept in localStorage: a reload while the conversation token still lives resumes
 * that conversation (Web Chat reconnects by conversationId and replays it from the start); later, a new
 * conversation opens as the same user. "Forget me on this device" drops it (and revokes it server-side).
 */
(function () {
  'use strict';

  var STRINGS = JSON.parse(document.getElementById('pseb-strings').textContent);
  var WEB_CHAT_LOCALES = { en: 'en-US', ur: 'ur-PK', 'ur-Latn': 'ur-Latn-PK' };
  var TOKEN_URL = '/api/webchat/token';
  var FORGET_URL = '/api/webchat/forget';
  var IDENTITY_KEY = 'pseb-assist.webchat';
  var FORGOTTEN_KEY = 'pseb-assist.forgotten';
  var DIRECT_LINE_DOMAIN = window.location.origin + '/v3/directline';

  var page = document.getElementById('pseb-page');
  var chat = document.getElementById('webchat');
  var statusLine = document.getElementById('chat-status');

  var startLang = document.documentElement.lang;
  var session = { lang: WEB_CHAT_LOCALES[startLang] ? startLang : 'en', directLine: null, store: null };

  function lookup(lang, path) {
    return path.split('.').reduce(function (node, key) {
      return node && typeof node === 'object' ? node[key] : undefined;
    }, STRINGS[lang]);
  }

  function t(path) {
    var text = lookup(session.lang, path);
    return typeof text === 'string' ? text : lookup('en', path) || '';
  }

  function dir() {
    return session.lang === 'ur' ? 'rtl' : 'ltr';
  }

  function applyPageStrings() {
    document.documentElement.lang = session.lang;
    document.documentElement.dir = dir();
    page.setAttribute('dir', dir());
    document.title = t('page.title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('.language-option'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === session.lang));
    });
  }

  function showStatus(key) {
    statusLine.hidden = !key;
    if (key) statusLine.setAttribute('data-i18n', key);
    if (key) statusLine.textContent = t(key);
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
    session.store.dispatch({ type: 'WEB_CHAT/SEND_POST_BACK', payload: { value: t('toggle.' + lang) } });
  }

  /** What this device remembers: { userToken, conversationId, conversationExpires } or null. */
  function remembered() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(IDENTITY_KEY) || 'null');
      return saved && typeof saved.userToken === 'string' ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function remember(saved) {
    try {
      if (saved) window.localStorage.setItem(IDENTITY_KEY, JSON.stringify(saved));
      else window.localStorage.removeItem(IDENTITY_KEY);
    } catch (e) {
      // Private mode without storage: the chat still works, it just forgets on reload.
    }
  }

  /** The conversation stays resumable while it is in use (Web Chat keeps refreshing its token meanwhile). */
  function keepAlive(expiresInSeconds) {
    var saved = remembered();
    if (!saved) return;
    saved.conversationExpires = Date.now() + expiresInSeconds * 1000;
    remember(saved);
  }

  function tokenRequest() {
    var saved = remembered();
    var body = {};
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
      var forgotten = window.sessionStorage.getItem(FORGOTTEN_KEY) === '1';
      window.sessionStorage.removeItem(FORGOTTEN_KEY);
      return forgotten;
    } catch (e) {
      return false;
    }
  }

  function start() {
    var forgotten = forgottenNote();
    showStatus('status.connecting');
    return tokenRequest()
      .then(function (res) {
        if (!res.ok) throw new Error('token endpoint answered ' + res.status);
        return res.json();
      })
      .then(function (body) {
        remember({
          userToken: body.userToken,
          conversationId: body.conversationId,
          conversationExpires: Date.now() + body.expires_in * 1000,
        });
        var options = {
          token: body.token,
          domain: DIRECT_LINE_DOMAIN,
          webSocket: true,
          conversationStartProperties: { locale: WEB_CHAT_LOCALES[session.lang] },
        };
        // Resuming: Web Chat reconnects to the conversation and fetches it from the start.
        if (body.resumed) options.conversationId = body.conversationId;
        session.directLine = window.WebChat.createDirectLine(options);
        session.store = window.WebChat.createStore({}, function () {
          return function (next) {
            return function (action) {
              if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') keepAlive(body.expires_in);
              return next(action);
            };
          };
        });
        showStatus(forgotten ? 'identity.forgotten' : null);
        renderChat();
      })
      .catch(function () {
        showStatus('status.unavailable');
      });
  }

  /** Forgets this device's identity (server-side too) and starts over as a new user. */
  function forgetMe() {
    var saved = remembered();
    remember(null);
    if (session.directLine) session.directLine.end();
    var revoke = saved
      ? fetch(FORGET_URL, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: saved.userToken }),
        }).catch(function () {})
      : Promise.resolve();
    return revoke.then(function () {
      try {
        window.sessionStorage.setItem(FORGOTTEN_KEY, '1');
      } catch (e) {
        // Without storage the page simply starts over without the note.
      }
      window.location.reload();
    });
  }

  document.getElementById('forget-me').addEventListener('click', forgetMe);

  Array.prototype.forEach.call(document.querySelectorAll('.language-option'), function (button) {
    button.addEventListener('click', function () {
      setLanguage(button.getAttribute('data-lang'));
    });
  });

  applyPageStrings();
  if (!window.WebChat) showStatus('status.unavailable');
  else start();
})();
