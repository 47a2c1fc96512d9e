/**
 * What a free-text message outside a form asks for. Baseline: today's whole-message commands and
 * "status <ref>"; free-text understanding follows.
 */
import { commandIntent } from '../intents';
import { statusQuery } from '../../dialogs/intake/statusText';
import type { RequestKind } from '../requests/reference';

export type Understanding =
  | { intent: 'apply'; kind: RequestKind }
  | { intent: 'howToApply'; kind: RequestKind }
  | { intent: 'status'; reference: string | null }
  | { intent: 'agent' }
  | { intent: 'myRequests' }
  | { intent: 'menu' }
  | { intent: 'faq' };

/** Reads what the message asks for. */
export function understand(text: string): Understanding {
  const reference = statusQuery(text);
  if (reference) return { intent: 'status', reference };
  const intent = commandIntent(text);
  switch (intent) {
    case 'whitelisting':
    case 'wfh':
      return { intent: 'apply', kind: intent };
    case 'status':
      return { intent: 'status', reference: null };
    case 'agent':
    case 'myRequests':
    case 'menu':
      return { intent };
    default:
      return { intent: 'faq' };
  }
}
