/**
 * Takes typed messages before the dialogs: everything in a hand-off's support thread, everything from a
 * user whose hand-off is open (so the bot stays silent), a pending callback note, a typed rating after a
 * chat, and asking for a person anywhere — even in the middle of a form, whose dialog is left untouched so
 * it can resume afterwards. Card submits never come here (bot/routing.ts dispatches them first and guards
 * the user's ones).
 */
import type { Interceptor, VerbHandler } from '../psebBot';
import { understand } from '../router/intent';
import { supportChannelOf, type SupportTarget } from '../support/supportChannel';
import type { HandoffService } from './handoffService';
import { openHandoffOf, type HandoffStore } from './handoffStore';

/** Builds the interceptor PsebBot runs before its dialogs. */
export function handoffInterceptor(service: HandoffService, store: HandoffStore, support: SupportTarget): Interceptor {
  return async (context, dc) => {
    const conversationId = context.activity.conversation.id;
    const fromSupport = supportChannelOf(context.activity, support) !== undefined;
    if (fromSupport || context.activity.conversation.isGroup) {
      const thread = await store.openForThread(conversationId);
      if (thread) {
        await service.onAgentMessage(context, thread);
        return true;
      }
    }
    if (fromSupport) {
      await context.sendActivity(service.noHandoffNotice());
      return true;
    }
    const open = await openHandoffOf(context, store);
    if (open) {
      await service.onUserMessage(context, dc, open);
      return true;
    }
    if (await service.onCallbackOffer(context, dc)) return true;
    if (await service.onRatingReply(context, dc)) return true;
    // Asking for a person anywhere in a message, even mid-form (the form stays and resumes afterwards).
    if (understand(context.activity.text ?? '').intent === 'agent') {
      await service.request(context);
      return true;
    }
    return false;
  };
}

/** Wraps a user-side verb handler: with a hand-off open, the click is answered as a message without text. */
export function guardUserAction(service: HandoffService, store: HandoffStore, handler: VerbHandler): VerbHandler {
  return async (dc, data) => {
    const open = await openHandoffOf(dc.context, store);
    if (open) await service.onUserMessage(dc.context, dc, open);
    else await handler(dc, data);
  };
}
