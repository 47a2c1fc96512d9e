/**
 * The main menu's card action (`menu.select`): a pick starts that intent from the top, except "Talk to
 * a person", which starts the hand-off and leaves an open form where it is so it can resume afterwards.
 */
import type { TurnContext } from 'botbuilder';
import type { VerbHandler } from '../psebBot';
import { turnInfo } from '../turnInfo';
import { menuItems } from '../../dialogs/menu';
import { DialogIds } from '../../dialogs/dialogIds';

export interface MenuFeatureDeps {
  requestAgent: (context: TurnContext) => Promise<void>;
}

export interface MenuFeature {
  onSelect: VerbHandler;
}

/** Builds the menu feature for bot/routing.ts. */
export function mountMenu(deps: MenuFeatureDeps): MenuFeature {
  const onSelect: VerbHandler = async (dc, data) => {
    const intent = menuItems.find((item) => item === data.choice);
    if (!intent) {
      await dc.context.sendActivity(turnInfo(dc.context).t('common:errors.unknownAction'));
      return;
    }
    if (intent === 'agent') {
      await deps.requestAgent(dc.context);
      return;
    }
    await dc.cancelAllDialogs();
    await dc.beginDialog(DialogIds.main, { intent });
  };
  return { onSelect };
}
