/**
 * The bot's one command vocabulary: every word a user types to steer the bot rather than answer it,
 * in English, Urdu script and Roman Urdu, read through one normaliser (the FAQ's: Arabic-keyboard
 * letters, diacritics, Urdu digits, spelling-habit letters). Matching is whole-message, so an answer
 * that merely contains "cancel" is still an answer. Pure data and pure functions; no SDK.
 *
 * Some words mean different things in different places. They are listed under each meaning they
 * have, and each command says where it is read:
 *   - "بس" / "bas" is `done` in an agent list and `leaveQueue` while waiting for a person;
 *   - "ختم" is `done` in an agent list and `endChat` during a live chat;
 *   - "help" is `help` inside a form and shows the menu outside one (the router maps it).
 */
import { searchKey, tokenize } from '../faq/normalize';

export type CommandLanguage = 'en' | 'ur' | 'ur-Latn';

export const commands = [
  'cancel',
  'yes',
  'no',
  'done',
  'clear',
  'menu',
  'greeting',
  'help',
  'agent',
  'status',
  'myRequests',
  'endChat',
  'leaveQueue',
  'reply',
  'attach',
  'nothingToSend',
  'announcementsOff',
  'announcementsOn',
] as const;
export type Command = (typeof commands)[number];

type Vocabulary = Record<Command, Record<CommandLanguage, readonly string[]>>;

/** Where each command is read is documented in the module comment and at its call sites. */
export const VOCABULARY: Vocabulary = {
  /** Leave what is in progress: a form (asks to confirm), an answer to an information request, the queue. */
  cancel: {
    en: ['cancel', 'stop', 'quit', 'exit', 'abort', 'cancel it', 'cancel this', 'never mind', 'nevermind'],
    'ur-Latn': [
      'mansookh',
      'mansookh karo',
      'mansookh karein',
      'mansukh',
      'band karo',
      'khatam karo',
      'cancel karo',
      'cancel kar do',
      'rehne do',
      'rehnay do',
      'rahne do',
    ],
    // Not "chhoro" / "چھوڑیں": in a form they skip an optional field (bot/domain/validators/skip.ts).
    ur: [
      'منسوخ',
      'منسوخ کریں',
      'منسوخ کرو',
      'منسوخ کر دیں',
      'بند کریں',
      'بند کرو',
      'ختم کریں',
      'ختم کرو',
      'رک جائیں',
      'رہنے دیں',
      'رہنے دو',
    ],
  },
  yes: {
    en: ['yes', 'y', 'yeah', 'yep', 'yup', 'ok', 'okay', 'sure', 'yes please', 'correct', 'right'],
    'ur-Latn': [
      'haan',
      'han',
      'haa',
      'ha',
      'hanji',
      'haan ji',
      'han ji',
      'jee',
      'ji',
      'g',
      'jee haan',
      'ji haan',
      'ji han',
      'theek hai',
      'thik hai',
      'theek',
      'sahi hai',
      'bilkul',
      'zaroor',
    ],
    ur: ['ہاں', 'جی', 'جی ہاں', 'ہاں جی', 'ٹھیک ہے', 'بالکل', 'درست', 'صحیح', 'ضرور'],
  },
  no: {
    en: ['no', 'n', 'nope', 'no thanks', 'no thank you', 'nah'],
    'ur-Latn': ['nahi', 'nahin', 'nhi', 'nahi ji', 'na', 'jee nahi', 'ji nahi', 'jee nahin', 'ji nahin', 'nai', 'nahi shukriya'],
    ur: ['نہیں', 'جی نہیں', 'نا', 'نہ', 'مت کریں', 'نہیں شکریہ'],
  },
  /** The agent list is complete (work-from-home form). */
  done: {
    en: ['done', 'finished', 'finish', 'that is all', "that's all", 'thats all', 'no more', 'all done'],
    'ur-Latn': ['bas', 'ho gaya', 'ho gya', 'mukammal', 'khatam', 'bas itne'],
    ur: ['بس', 'ہو گیا', 'مکمل', 'ختم', 'بس اتنے'],
  },
  /** Start the agent list again (work-from-home form). */
  clear: {
    en: ['clear', 'start again', 'reset', 'clear list', 'clear the list'],
    'ur-Latn': ['saaf karo', 'saaf karein', 'dobara shuru'],
    ur: ['صاف کریں', 'صاف کرو', 'دوبارہ شروع'],
  },
  menu: {
    en: ['menu', 'main menu', 'options', 'start', 'show menu'],
    'ur-Latn': ['menu dikhao', 'menu dikhayein'],
    ur: ['مینو', 'مین مینو'],
  },
  /** A greeting outside a form shows the menu. */
  greeting: {
    en: ['hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening'],
    'ur-Latn': [
      'salam',
      'salaam',
      'assalam o alaikum',
      'assalamualaikum',
      'aoa',
      'aslam o alaikum',
      'asalam o alaikum',
      'assalam alaikum',
      'as salam o alaikum',
    ],
    ur: ['سلام', 'السلام علیکم', 'اسلام علیکم', 'آداب'],
  },
  /** Inside a form: explain the question. Outside: the menu. */
  help: {
    en: ['help', '?', 'help me', 'what is this', 'explain'],
    'ur-Latn': ['madad', 'madad karo', 'madad chahiye'],
    ur: ['مدد', 'وضاحت', 'مدد چاہیے'],
  },
  /** A person, as a whole message; sentences asking for one are the router's (bot/router). */
  agent: {
    en: ['agent', 'human', 'person', 'talk to a person', 'talk to a human', 'talk to an agent', 'representative', 'live agent', 'operator'],
    'ur-Latn': ['insaan se baat', 'insan se baat', 'banday se baat', 'bande se baat', 'numainda', 'agent se baat'],
    ur: ['نمائندہ', 'کسی نمائندے سے بات', 'انسان سے بات', 'نمائندے سے بات', 'ایجنٹ'],
  },
  status: {
    en: ['status', 'request status', 'check status', 'check my request', 'track request', 'track my request', 'status check'],
    'ur-Latn': ['status batao', 'darkhwast ka status', 'status check karo'],
    ur: ['صورتحال', 'اسٹیٹس', 'سٹیٹس', 'درخواست کی صورتحال'],
  },
  myRequests: {
    en: ['my requests', 'my request', 'my applications', 'my application', 'show my requests', 'list my requests'],
    'ur-Latn': [
      'meri darkhwast',
      'meri darkhwastain',
      'meri darkhwasten',
      'meri darkhwastein',
      'meri requests',
      'meri request',
      'meri applications',
      'mere requests',
    ],
    ur: ['میری درخواستیں', 'میری درخواست', 'میری ریکویسٹ', 'میری ریکویسٹس'],
  },
  /** During a live chat with a person: back to the bot. */
  endChat: {
    en: ['end chat', 'end the chat', 'end', 'bot', 'back to bot', 'back to the bot', 'talk to the bot', 'stop chat'],
    'ur-Latn': ['chat khatam', 'baat khatam', 'khatam'],
    ur: ['بات ختم', 'چیٹ ختم', 'بوٹ', 'بوٹ سے بات', 'ختم'],
  },
  /** While waiting for a person (besides cancel and no): leave the queue. */
  leaveQueue: {
    en: ['leave', 'leave queue', 'leave the queue'],
    'ur-Latn': ['bas'],
    ur: ['بس'],
  },
  /** Answer an information request. */
  reply: {
    en: ['reply', 'answer'],
    'ur-Latn': ['jawab', 'jawab dein', 'jawab do'],
    ur: ['جواب', 'جواب دیں'],
  },
  /** "Attach this to WL-…?" answered with the verb itself. */
  attach: {
    en: ['attach'],
    'ur-Latn': ['attach karo', 'laga do'],
    ur: ['منسلک کریں'],
  },
  /** After Reply to an information request (besides cancel): nothing to send after all. Not in forms, where it may be an answer. */
  nothingToSend: {
    en: ['nothing', 'nothing to send'],
    'ur-Latn': ['kuch nahi', 'kuch nahin'],
    ur: ['کچھ نہیں'],
  },
  /** Stop PSEB's announcements to this user (decision notices and replies still come). */
  announcementsOff: {
    en: ['stop announcements', 'unsubscribe announcements', 'no more announcements', 'announcements off'],
    'ur-Latn': ['announcements band karo', 'announcement band karo', 'elanat band karo', 'ailanat band karo', 'announcements band karein'],
    ur: ['اعلانات بند کریں', 'اعلانات بند کرو', 'اعلانات بند'],
  },
  /** Announcements back on. */
  announcementsOn: {
    en: ['start announcements', 'resume announcements', 'announcements on'],
    'ur-Latn': [
      'announcements chalu karo',
      'announcement chalu karo',
      'announcements shuru karo',
      'elanat chalu karo',
      'ailanat chalu karo',
    ],
    ur: ['اعلانات شروع کریں', 'اعلانات شروع کرو', 'اعلانات چالو کریں'],
  },
};

/**
 * The one comparison key for commands: the FAQ's search key (NFC, Arabic-keyboard letters folded,
 * diacritics and invisibles dropped, Urdu digits, lower case, spelling-habit letters folded), its words
 * joined by single spaces; a message of punctuation alone ("?") keeps its punctuation.
 */
export function commandKey(text: string): string {
  const key = searchKey(text);
  return tokenize(key).join(' ') || key.replace(/\s+/g, '');
}

const keyIndex: ReadonlyMap<Command, ReadonlySet<string>> = new Map(
  commands.map((command) => [command, new Set(Object.values(VOCABULARY[command]).flat().map(commandKey))]),
);

/** Whether the whole message is this command, in any language. */
export function isCommand(text: string, command: Command): boolean {
  return keyIndex.get(command)?.has(commandKey(text)) ?? false;
}

/** Every command the whole message is (a word may have several meanings; see the module comment). */
export function commandsOf(text: string): Command[] {
  const key = commandKey(text);
  return commands.filter((command) => keyIndex.get(command)?.has(key));
}

/** Yes, no, or undefined when the reply is neither. */
export function yesOrNo(text: string): boolean | undefined {
  if (isCommand(text, 'no')) return false;
  if (isCommand(text, 'yes')) return true;
  return undefined;
}

/** Waiting for a person: cancel, no or leave all leave the queue. */
export function leavesQueue(text: string): boolean {
  return isCommand(text, 'cancel') || isCommand(text, 'no') || isCommand(text, 'leaveQueue');
}
