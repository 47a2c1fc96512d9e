/**
 * Takes messages before the dialogs: everything in a hand-off's support thread, everything from a user
 * whose hand-off is open (so the bot stays silent), a pending callback note, a typed rating after a chat, and "agent" typed anywhere
 * — even in the middle of a form, whose dialog is left untouched so it can resume afterwards.
 */
import type { TurnContext } from 'botbuilder';
import type { Interceptor } from '../psebBot';
import { commandIntent } from '../intents';
import { Verbs } from '../../cards/verbs';
import { supportChannelOf, type SupportTarget } from '../support/supportChannel';
import type { HandoffService } from './handoffService';
import type { HandoffStore } from './handoffStore';

/** A card submit (Claim, End, a menu button): a message with a verb and no text. */
function isCardSubmit(context: TurnContext): boolean {
  const value = context.activity.value as { verb?: unknown } | undefined;
  return typeof value === 'object' && value !== null && value.verb !== undefined && !context.activity.text;
}

/** "agent" typed, or the menu's "Talk to a person" clicked — taken here so an open form is not cancelled. */
function asksForAgent(context: TurnContext): boolean {
  if (!isCardSubmit(context)) return commandIntent(context.activity.text ?? '') === 'agent';
  const value = context.activity.value as { verb?: unknown; choice?: unknown };
  return value.verb === Verbs.menuSelect && value.choice === 'agent';
}

/** Builds the interceptor PsebBot runs before its dialogs. */
export function handoffInterceptor(service: HandoffService, store: HandoffStore, support: SupportTarget): Interceptor {
  return async (context, dc) => {
    const conversationId = context.activity.conversation.id;
    const fromSupport = supportChannelOf(context.activity, support) !== undefined;
    if (fromSupport || context.activity.conversation.isGroup) {
      const thread = await store.openForThread(conversationId);
      if (thread) {
        if (!isCardSubmit(context)) await service.onAgentMessage(context, thread);
        return !isCardSubmit(context);
      }
    }
    if (fromSupport) {
      // Card buttons in old threads still reach their handlers, which answer "already closed".
      if (isCardSubmit(context)) return false;
      await context.sendActivity(service.noHandoffNotice());
      return true;
    }
    const open = await store.openForUser(conversationId);
    if (open) {
      await service.onUserMessage(context, dc, open);
      return true;
    }
    if (await service.onCallbackOffer(context, dc)) return true;
    if (!isCardSubmit(context) && (await service.onRatingReply(context, dc))) return true;
    if (asksForAgent(context)) {
      await service.request(context);
      return true;
    }
    return false;
  };
}
