// Where the page runs: inside Teams (SDK, theme, locale, SSO) or in a plain browser (dev token, language toggle).

const devTokenKey = 'pseb.console.devToken';
const langKey = 'pseb.console.lang';

/** True when a Teams host could be around us: framed, or a Teams native client. */
function maybeInTeams() {
  return Boolean(window.microsoftTeams) && (window.parent !== window || Boolean(window.nativeInterface));
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

/** The UI language for a locale string ('ur-PK' → 'ur'). */
export function uiLanguage(locale) {
  return String(locale || '')
    .toLowerCase()
    .startsWith('ur')
    ? 'ur'
    : 'en';
}

/** Detects the host and returns what the app needs from it. */
export async function detectHost() {
  if (maybeInTeams()) {
    try {
      const teams = window.microsoftTeams;
      await withTimeout(teams.app.initialize(), 5000);
      const context = await teams.app.getContext();
      return {
        inTeams: true,
        lang: uiLanguage(context.app && context.app.locale),
        theme: (context.app && context.app.theme) || 'default',
        onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler(handler),
        getToken: () => teams.authentication.getAuthToken(),
        notifySuccess: () => teams.app.notifySuccess(),
      };
    } catch {
      // Framed by something that is not Teams (or Teams did not answer): behave as a plain browser.
    }
  }
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('devToken');
  if (fromUrl) {
    sessionStorage.setItem(devTokenKey, fromUrl);
    params.delete('devToken');
    // Keep the secret out of the address bar and history.
    history.replaceState(null, '', `${location.pathname}${params.toString() ? `?${params}` : ''}${location.hash}`);
  }
  const requested = params.get('lang') || sessionStorage.getItem(langKey) || navigator.language;
  return {
    inTeams: false,
    lang: uiLanguage(requested),
    theme: params.get('theme') || 'default',
    onThemeChange: () => undefined,
    getToken: async () => sessionStorage.getItem(devTokenKey) || '',
    setDevToken: (token) => (token ? sessionStorage.setItem(devTokenKey, token) : sessionStorage.removeItem(devTokenKey)),
    rememberLanguage: (lang) => sessionStorage.setItem(langKey, lang),
    notifySuccess: () => undefined,
  };
}

/** Applies a Teams theme name (default / dark / contrast) to the page. */
export function applyTheme(theme) {
  const name = ['dark', 'contrast'].includes(theme) ? theme : 'default';
  document.body.classList.remove('theme-default', 'theme-dark', 'theme-contrast');
  document.body.classList.add(`theme-${name}`);
  document.documentElement.style.colorScheme = name === 'default' ? 'light' : 'dark';
}

/** Loads the console strings of a language and returns t(key, vars). */
export async function loadStrings(lang) {
  const res = await fetch(`/console/locales/${lang}.json`);
  const strings = await res.json();
  return (key, vars = {}) => {
    const value = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), strings);
    if (typeof value !== 'string') return key;
    return value.replace(/\{\{(\w+)\}\}/g, (_, name) => (vars[name] === undefined ? '' : String(vars[name])));
  };
}
