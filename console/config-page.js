// The team-tab configuration page: one Save that adds the console to a channel.
import { applyTheme, loadStrings, uiLanguage } from './host.js';

async function start() {
  const teams = window.microsoftTeams;
  let lang = uiLanguage(navigator.language);
  let inTeams = false;
  if (teams && window.parent !== window) {
    try {
      await teams.app.initialize();
      const context = await teams.app.getContext();
      lang = uiLanguage(context.app && context.app.locale);
      applyTheme(context.app && context.app.theme);
      teams.app.registerOnThemeChangeHandler(applyTheme);
      inTeams = true;
    } catch {
      inTeams = false;
    }
  }
  const t = await loadStrings(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ur' ? 'rtl' : 'ltr';
  document.getElementById('config-title').textContent = t('config.title');
  document.getElementById('config-intro').textContent = inTeams ? t('config.intro') : t('config.outsideTeams');
  if (!inTeams) return;
  teams.pages.config.registerOnSaveHandler((saveEvent) => {
    const url = `${location.origin}/console`;
    teams.pages.config
      .setConfig({ entityId: 'console', contentUrl: url, websiteUrl: url, suggestedDisplayName: 'PSEB Console' })
      .then(() => saveEvent.notifySuccess())
      .catch((err) => saveEvent.notifyFailure(String(err)));
  });
  teams.pages.config.setValidityState(true);
  teams.app.notifySuccess();
}

void start();
