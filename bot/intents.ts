/**
 * Top-level commands typed outside a form. Only whole-message commands start a flow ("whitelisting",
 * "menu", "status WL-…"); a sentence ("how do I apply for whitelisting?") is a question for the FAQ.
 * Asking for a person is recognised inside a sentence too, because missing it strands the user.
 */

import { commandKey, isCommand, VOCABULARY, type Command } from './domain/commands';

export type Intent = 'menu' | 'whitelisting' | 'wfh' | 'status' | 'myRequests' | 'faq' | 'agent';

const exact = new Map<string, Intent>();
const add = (intent: Intent, ...phrases: string[]) => phrases.forEach((p) => exact.set(commandKey(p), intent));
const addCommand = (intent: Intent, command: Command) => add(intent, ...Object.values(VOCABULARY[command]).flat());

// Outside a form, a greeting and "help" show the menu.
addCommand('menu', 'menu');
addCommand('menu', 'greeting');
addCommand('menu', 'help');
add(
  'whitelisting',
  'whitelisting',
  'whitelist',
  'white listing',
  'whitelisting request',
  'new whitelisting request',
  'apply for whitelisting',
  'whitelisting application',
  'وائٹ لسٹنگ',
  'وائٹ لسٹ',
  'وائٹ لسٹنگ کی درخواست',
);
add(
  'wfh',
  'wfh',
  'work from home',
  'wfh request',
  'work from home request',
  'new wfh request',
  'ghar se kaam',
  'گھر سے کام',
  'ورک فرام ہوم',
  'گھر سے کام کی درخواست',
);
addCommand('status', 'status');
addCommand('myRequests', 'myRequests');
add('faq', 'ask a question', 'question', 'faq', 'سوال', 'سوال پوچھیں');
addCommand('agent', 'agent');

const agentInSentence = [
  /\b(talk|speak|chat)\s+(to|with)\s+(a|an|the)?\s*(person|human|agent|representative|someone|officer)\b/i,
  /\b(insaan|insan|banday|bande|numainda|numaindey|agent)\s+(se|say)\s+(baat|bat)\b/i,
  /(کسی\s+)?(نمائندے|انسان|بندے)\s+سے\s+بات/u,
];

/** The command a whole message is, if any. */
export function commandIntent(text: string): Intent | undefined {
  const intent = exact.get(commandKey(text));
  if (intent) return intent;
  if (isCommand(text, 'agent') || agentInSentence.some((re) => re.test(text))) return 'agent';
  return undefined;
}
