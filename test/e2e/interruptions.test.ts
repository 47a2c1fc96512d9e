import { startTestApp, TestUser, textOfAll, type TestApp } from '../helpers/app';
import { createI18n } from '../../bot/i18n';
import { loadKb } from '../../bot/faq/loadKb';

const en = createI18n().getFixedT('en');
const ur = createI18n().getFixedT('ur');
const helpline = loadKb().find((t) => t.id === 'covid.helpline')!;

describe('a Roman Urdu question in the middle of a form, over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it("is answered from the FAQ, and the form asks the same field again, all in the form's language", async () => {
    // The language stays put inside a form (bot/language.ts): an English form goes on in English.
    const user = new TestUser(t.baseUrl, 'test');
    await user.say('whitelisting');
    for (const answer of ['Indus Calls Pvt Ltd', 'skip', '1234567-8', 'Ayesha Khan', '42101-1234567-1']) await user.say(answer);
    const replies = textOfAll(await user.say('helpline ka number kya hai'));
    expect(replies).toContain(helpline.answer.en);
    expect(replies).toContain(en('intake:flow.faqResume'));
    expect(replies).toContain(en('intake:fields.contactMobile.prompt'));
    // The form goes on from there.
    expect(textOfAll(await user.say('0300 1234567'))).toContain(en('intake:fields.contactEmail.prompt'));
  });

  it('is answered in Urdu script for a user who chose Urdu, and the form goes on in Urdu', async () => {
    const user = new TestUser(t.baseUrl, 'test');
    await user.say('اردو');
    await user.say('whitelisting');
    for (const answer of ['Indus Calls Pvt Ltd', 'skip', '1234567-8', 'Ayesha Khan', '42101-1234567-1']) await user.say(answer);
    const replies = textOfAll(await user.say('helpline ka number kya hai'));
    expect(replies).toContain(helpline.answer.ur);
    expect(replies).toContain(ur('intake:flow.faqResume'));
    expect(replies).toContain(ur('intake:fields.contactMobile.prompt'));
  });
});
