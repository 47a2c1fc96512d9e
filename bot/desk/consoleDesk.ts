/** The console's desk actions, carried out by the hand-off service for the signed-in staff member. */
import type { ConsoleDesk } from '../console/desk';
import type { HandoffService } from '../handoff/handoffService';
import type { HandoffStore } from '../handoff/handoffStore';

export function consoleDesk(service: HandoffService, store: HandoffStore): ConsoleDesk {
  const agent = (actor: { oid: string; name: string }) => ({ aadObjectId: actor.oid, name: actor.name });
  return {
    send: (id, actor, text) => service.sendFromConsole(id, agent(actor), text),
    sendAnswer: (id, actor, topicId) => service.sendAnswer(id, agent(actor), topicId, 'console'),
    sendSnippet: (id, actor, snippetId) => service.sendSnippet(id, agent(actor), snippetId, 'console'),
    end: (id, actor) => service.endFor(id, agent(actor)),
    async context(id) {
      const handoff = await store.byId(id);
      return handoff ? service.contextOf(handoff) : undefined;
    },
  };
}
