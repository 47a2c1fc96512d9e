/** What the bench sends: each scenario turns a request number into an activity body. */
import { randomUUID } from 'node:crypto';

export interface Scenario {
  name: string;
  /** The body of request number n. */
  body(n: number): Record<string, unknown>;
}

const run = randomUUID().slice(0, 8);

function activity(conversation: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversation },
    from: { id: `user-${conversation}`, name: 'Bench' },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
    text,
  };
}

const questions = [
  'What documents do I need for whitelisting?',
  'How long does approval take?',
  'Can my agents work from home during the lockdown?',
  'Which ISPs are covered?',
];

/** A free-text question in a new conversation each time — stores a conversation per request. */
export const faqTurn: Scenario = {
  name: 'FAQ turn (free text)',
  body: (n) => activity(`bench-${run}-faq-${n}`, questions[n % questions.length]),
};

/** A language switch in one of 100 long-lived conversations: reads and writes user state and transcript. */
export const dialogTurn: Scenario = {
  name: 'dialog turn (state write)',
  body: (n) => activity(`bench-${run}-dlg-${n % 100}`, n % 2 ? 'Urdu' : 'English'),
};

/** The echo bot's turn: any text. */
export const echoTurn: Scenario = {
  name: 'echo',
  body: (n) => activity(`bench-${run}-echo-${n}`, questions[n % questions.length]),
};

/** Opening of a whitelisting request (the menu pick); the full intake form is measured once it is wired. */
export const whitelistingOpening: Scenario = {
  name: 'whitelisting: menu pick',
  body: (n) => ({ ...activity(`bench-${run}-wl-${n}`, ''), text: undefined, value: { verb: 'menu.select', choice: 'whitelisting' } }),
};
