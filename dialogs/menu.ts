/** The main menu, in the user's language and the channel's rendering. */
import type { TurnContext } from 'botbuilder';
import { buildChoices, type Choice } from '../cards/choices.card';
import { Verbs } from '../cards/verbs';
import { isRtl, type Translate } from '../bot/i18n';
import { turnInfo } from '../bot/turnInfo';

export const menuItems = ['whitelisting', 'wfh', 'status', 'faq', 'agent'] as const;
export type MenuItem = (typeof menuItems)[number];

/** The menu's choices in a language. */
export function menuChoices(t: Translate): Choice[] {
  return menuItems.map((id) => ({ id, title: t(`common:menu.items.${id}`) }));
}

/** Sends the menu; with `welcome`, the greeting first. */
export async function sendMenu(context: TurnContext, welcome = false): Promise<void> {
  const { t, lang, rendering } = turnInfo(context);
  const menu = buildChoices(
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
  await context.sendActivity(menu);
}
