import { maskCnic, maskPhone, maskText, maskDeep } from '../../../bot/privacy/mask';

describe('masking personal data', () => {
  it.each([
    ['12345-1234567-1', '12345-*******-1'],
    ['1234512345671', '12345-*******-1'],
    ['۱۲۳۴۵-۱۲۳۴۵۶۷-۱', '12345-*******-1'],
  ])('masks the CNIC %s', (cnic, masked) => expect(maskCnic(cnic)).toBe(masked));

  it.each([
    ['+923001234567', '+92 3** *****67'],
    ['0300-1234567', '+92 3** *****67'],
    ['92 300 1234567', '+92 3** *****67'],
  ])('masks the mobile %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('masks CNICs and phones inside free text and leaves other numbers alone', () => {
    const text = 'My CNIC is 35202-1234567-3, call 0321 7654321. We have 250 seats, NTN 1234567-8.';
    const masked = maskText(text);
    expect(masked).not.toContain('1234567-3');
    expect(masked).not.toContain('7654321');
    expect(masked).toContain('35202-*******-3');
    expect(masked).toContain('+92 3** *****21');
    expect(masked).toContain('250 seats');
    expect(masked).toContain('1234567-8');
  });

  it('masks strings deep inside log objects', () => {
    const masked = maskDeep({ a: { b: ['cnic 4210112345671'] } }) as { a: { b: string[] } };
    expect(masked.a.b[0]).toBe('cnic 42101-*******-1');
  });
});
