/*
 * The PSEB Assist Web Chat page. It never holds a Direct Line secret: it asks our server for a user
 * token, then talks to the server's own Direct Line endpoint over its WebSocket stream. The language toggle re-renders
 * Web Chat with the chosen locale — English, Urdu script or Roman Urdu (Web Chat only flips Arabic and
 * Hebrew to RTL by itself, so Urdu script sets dir="rtl" explicitly; Roman Urdu is left-to-right) — and
 * tells the bot with a hidden post-back, exactly as if the user had typed it.
 */
(function () {
  'use strict';

  var STRINGS = JSON.parse(document.getElementById('pseb-strings').textContent);
  var WEB_CHAT_LOCALES = { en: 'en-US', ur: 'ur-PK', 'ur-Latn': 'ur-Latn-PK' };
  var TOKEN_URL = '/api/webchat/token';
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

  function start() {
    showStatus('status.connecting');
    return fetch(TOKEN_URL, { method: 'POST', headers: { accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('token endpoint answered ' + res.status);
        return res.json();
      })
      .then(function (body) {
        session.directLine = window.WebChat.createDirectLine({
          token: body.token,
          domain: DIRECT_LINE_DOMAIN,
          webSocket: true,
          conversationStartProperties: { locale: WEB_CHAT_LOCALES[session.lang] },
        });
        session.store = window.WebChat.createStore();
        showStatus(null);
        renderChat();
      })
      .catch(function () {
        showStatus('status.unavailable');
      });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.language-option'), function (button) {
    button.addEventListener('click', function () {
      setLanguage(button.getAttribute('data-lang'));
    });
  });

  applyPageStrings();
  if (!window.WebChat) showStatus('status.unavailable');
  else start();
})();
