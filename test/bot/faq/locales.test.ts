import en from '../../../locales/en/faq.json';
import ur from '../../../locales/ur/faq.json';

describe('faq locale files', () => {
  it('have the same keys in English and Urdu', () => {
    expect(Object.keys(ur).sort()).toEqual(Object.keys(en).sort());
  });

  it('write every Urdu string in Urdu script', () => {
    for (const value of Object.values(ur)) expect(value).toMatch(/[\u0600-\u06FF]/);
  });

  it('offer a person and the helpline when there is no answer', () => {
    for (const strings of [en, ur]) {
      expect(strings.noAnswer).toContain('0800 03030');
      expect(strings.noAnswer).toContain('"agent"');
    }
  });
});
