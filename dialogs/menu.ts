/** The main menu, in the user's language and the channel's rendering. */
import type { Activity, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { buildChoices, type Choice } from '../cards/choices.card';
import { Verbs } from '../cards/verbs';
import { isRtl, type Translate, type UiLanguage } from '../bot/i18n';
import { turnInfo } from '../bot/turnInfo';
import { renderingFor, type Rendering } from '../bot/channels';
import { resolveLanguage, scriptDetector } from '../bot/language';

export const menuItems = ['whitelisting', 'wfh', 'status', 'faq', 'agent'] as const;
export type MenuItem = (typeof menuItems)[number];

/** The menu's choices in a language. */
export function menuChoices(t: Translate): Choice[] {
  return menuItems.map((id) => ({ id, title: t(`common:menu.items.${id}`) }));
}

/** Sends the menu; with `welcome`, the greeting first. */
export async function sendMenu(context: TurnContext, welcome = false): Promise<void> {
  const { t, lang, rendering } = turnInfo(context);
  await context.sendActivity(menuActivity(t, lang, rendering, welcome));
}

/**
 * What a new conversation is greeted with, from its locale and channel alone — the language rule of a
 * user the bot knows nothing of. Direct Line shows it before anything of the conversation is stored.
 */
export function welcomeMenu(i18next: i18n, locale: string | undefined, channelId: string): Partial<Activity> {
  const lang = resolveLanguage(undefined, {}, locale, scriptDetector);
  return menuActivity(i18next.getFixedT(lang), lang, renderingFor(channelId), true);
}

/** The menu message; with `welcome`, the greeting first. */
export function menuActivity(t: Translate, lang: UiLanguage, rendering: Rendering, welcome = false): Partial<Activity> {
  return buildChoices(
    {
      title: welcome ? t('common:welcome.title') : t('common:menu.title'),
      intro: welcome ? `${t('common:welcome.intro')}\n\n${t('common:menu.intro')}` : t('common:menu.intro'),
      numberHint: t('common:menu.numberHint'),
      verb: Verbs.menuSelect,
      choices: menuChoices(t),
      rtl: isRtl(lang),
    },
    rendering,
  );
}
