/** The one command vocabulary: every command in three languages, one normaliser, context meanings explicit. */
import { commandKey, commands, commandsOf, isCommand, leavesQueue, VOCABULARY, yesOrNo, type Command } from '../../../bot/domain/commands';

describe('the command table', () => {
  const rows: [string, Command][] = [
    ['Cancel!', 'cancel'],
    ['mansookh', 'cancel'],
    ['منسوخ کریں', 'cancel'],
    ['band karo', 'cancel'],
    ['YES', 'yes'],
    ['ji haan', 'yes'],
    ['جی ہاں', 'yes'],
    ['theek hai', 'yes'],
    ['ٹهيک هے', 'yes'],
    ['no.', 'no'],
    ['nahin', 'no'],
    ['نہیں', 'no'],
    ['نهيں', 'no'],
    ['نہيں', 'no'],
    ['done', 'done'],
    ['bas', 'done'],
    ['بس', 'done'],
    ['ہو گیا', 'done'],
    ['clear', 'clear'],
    ['صاف کریں', 'clear'],
    ['Menu', 'menu'],
    ['مینو', 'menu'],
    ['menu dikhao', 'menu'],
    ['salam', 'greeting'],
    ['السلام علیکم', 'greeting'],
    ['hello', 'greeting'],
    ['help', 'help'],
    ['?', 'help'],
    ['؟', 'help'],
    ['madad', 'help'],
    ['مدد', 'help'],
    ['agent', 'agent'],
    ['insaan se baat', 'agent'],
    ['نمائندہ', 'agent'],
    ['status', 'status'],
    ['اسٹیٹس', 'status'],
    ['status batao', 'status'],
    ['my requests', 'myRequests'],
    ['meri requests', 'myRequests'],
    ['میری درخواستیں', 'myRequests'],
    ['meri darkhwastain', 'myRequests'],
    ['end chat', 'endChat'],
    ['بات ختم', 'endChat'],
    ['chat khatam', 'endChat'],
    ['leave the queue', 'leaveQueue'],
    ['بس', 'leaveQueue'],
    ['reply', 'reply'],
    ['جواب', 'reply'],
    ['jawab dein', 'reply'],
    ['attach', 'attach'],
    ['nothing', 'nothingToSend'],
    ['کچھ نہیں', 'nothingToSend'],
  ];
  it.each(rows)('reads %j as %s', (text, command) => {
    expect(isCommand(text, command)).toBe(true);
  });

  it.each(['cancel my request WL-7K3M9Q', 'no, the IP changed', 'Karachi', 'my bot question', 'help me with whitelisting please'])(
    'reads the sentence %j as no command at all',
    (text) => expect(commandsOf(text)).toEqual([]),
  );

  it('has words in English, Urdu script and Roman Urdu for every command', () => {
    for (const command of commands) {
      for (const lang of ['en', 'ur', 'ur-Latn'] as const)
        expect([command, lang, VOCABULARY[command][lang].length > 0]).toEqual([command, lang, true]);
    }
  });

  it('lists no word twice within one command (after normalising)', () => {
    for (const command of commands) {
      const keys = Object.values(VOCABULARY[command]).flat().map(commandKey);
      expect([command, keys.length]).toEqual([command, new Set(keys).size]);
    }
  });

  it('keeps "yes" and "no" apart: no word is both', () => {
    const yes = new Set(Object.values(VOCABULARY.yes).flat().map(commandKey));
    expect(
      Object.values(VOCABULARY.no)
        .flat()
        .map(commandKey)
        .filter((k) => yes.has(k)),
    ).toEqual([]);
  });

  it('states the words whose meaning depends on where the user is', () => {
    expect(commandsOf('بس')).toEqual(['done', 'leaveQueue']);
    expect(commandsOf('ختم')).toEqual(['done', 'endChat']);
    expect(commandsOf('help')).toEqual(['help']);
  });
});

describe('one normaliser', () => {
  it('folds Arabic-keyboard letters, diacritics, Urdu digits, case and punctuation', () => {
    expect(commandKey('نهيں')).toBe(commandKey('نہیں'));
    expect(commandKey('مَنسُوخ')).toBe(commandKey('منسوخ'));
    expect(commandKey('  Main   MENU! ')).toBe('main menu');
    expect(commandKey('۱۲')).toBe('12');
  });
});

describe('yes or no', () => {
  it.each([
    ['haan', true],
    ['نهيں', false],
    ['nope', false],
    ['ok', true],
    ['Karachi', undefined],
  ] as const)('%j → %s', (text, expected) => {
    expect(yesOrNo(text)).toBe(expected);
  });
});

describe('leaving the hand-off queue', () => {
  it.each(['cancel', 'mansookh', 'نهيں', 'nahi', 'منسوخ', 'بس', 'leave'])('%j leaves the queue', (text) =>
    expect(leavesQueue(text)).toBe(true),
  );
  it.each(['how do I cancel my request?', 'hello', 'yes'])('%j does not', (text) => expect(leavesQueue(text)).toBe(false));
});
