/** What the applicant types while an information request waits: yes / no, cancel, reply. */
import { createI18n } from '../../../bot/i18n';
import { isCancelAnswer, isReplyCommand, readYesNo } from '../../../bot/requests/infoReply';

const i18n = createI18n();

describe('reading yes or no', () => {
  it.each(['yes', 'Yes!', ' ok ', 'haan', 'ji haan', 'ہاں', 'جی ہاں'])('reads %j as yes', (text) => {
    expect(readYesNo(text)).toBe('yes');
  });

  it.each(['no', 'No.', 'nahi', 'نہیں', 'جی نہیں'])('reads %j as no', (text) => {
    expect(readYesNo(text)).toBe('no');
  });

  it.each(['yes, but the IP changed', 'Karachi', 'not sure', ''])('reads %j as neither', (text) => {
    expect(readYesNo(text)).toBeUndefined();
  });

  it('accepts the suggested-action labels of the language', () => {
    const ur = i18n.getFixedT('ur');
    expect(readYesNo(ur('decisions:user.yes'), ur)).toBe('yes');
    expect(readYesNo(ur('decisions:user.no'), ur)).toBe('no');
  });
});

describe('commands while answering', () => {
  it('recognises "reply" and the Reply label of every language (Skype sends the label as text)', () => {
    for (const text of ['reply', 'Reply', 'jawab', 'جواب', i18n.getFixedT('ur')('decisions:user.reply')])
      expect(isReplyCommand(text, i18n)).toBe(true);
    expect(isReplyCommand('reply to my question please', i18n)).toBe(false);
  });

  it('recognises cancel in English and Urdu, and nothing else', () => {
    expect(isCancelAnswer('Cancel')).toBe(true);
    expect(isCancelAnswer('منسوخ')).toBe(true);
    expect(isCancelAnswer('cancel my request WL-7K3M9Q')).toBe(false);
  });
});
