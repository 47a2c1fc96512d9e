import { splitIpList, validateIpAddresses, validatePublicIpv4OrBlock, type IntakeErrorCode } from '../../../../bot/domain/validators';

describe('validatePublicIpv4OrBlock', () => {
  test.each([
    { name: 'a public address', raw: '39.45.12.7', value: '39.45.12.7' },
    { name: 'a public /28 block', raw: '39.45.12.0/28', value: '39.45.12.0/28' },
    { name: 'a /24 block, the widest allowed', raw: '39.45.12.0/24', value: '39.45.12.0/24' },
    { name: 'a /32 block, stored as the bare address', raw: '39.45.12.7/32', value: '39.45.12.7' },
    { name: 'an address in Urdu digits', raw: '۳۹.۴۵.۱۲.۷', value: '39.45.12.7' },
    { name: 'the address just below the private 172.16/12 range', raw: '172.15.255.255', value: '172.15.255.255' },
    { name: 'the address just above the CGNAT 100.64/10 range', raw: '100.128.0.1', value: '100.128.0.1' },
  ])('accepts $name', ({ raw, value }) => {
    expect(validatePublicIpv4OrBlock(raw)).toEqual({ ok: true, value });
  });

  const refused: { name: string; raw: string; error: IntakeErrorCode }[] = [
    { name: 'a 10/8 private address', raw: '10.1.2.3', error: 'ip.private' },
    { name: 'a 172.16/12 private address', raw: '172.20.0.1', error: 'ip.private' },
    { name: 'a 192.168/16 private address', raw: '192.168.1.10', error: 'ip.private' },
    { name: 'a private block', raw: '192.168.1.0/24', error: 'ip.private' },
    { name: 'loopback', raw: '127.0.0.1', error: 'ip.loopback' },
    { name: 'link-local', raw: '169.254.10.20', error: 'ip.linkLocal' },
    { name: 'multicast', raw: '224.0.0.251', error: 'ip.multicast' },
    { name: 'CGNAT', raw: '100.64.1.1', error: 'ip.carrierGradeNat' },
    { name: 'the unspecified 0.0.0.0', raw: '0.0.0.0', error: 'ip.unspecified' },
    { name: 'broadcast', raw: '255.255.255.255', error: 'ip.broadcast' },
    { name: 'the TEST-NET-3 documentation range', raw: '203.0.113.9', error: 'ip.reserved' },
    { name: 'the benchmarking range', raw: '198.18.0.1', error: 'ip.reserved' },
    { name: 'the 240/4 future-use range', raw: '240.0.0.1', error: 'ip.reserved' },
    { name: 'the AS112 range', raw: '192.175.48.1', error: 'ip.reserved' },
    { name: 'a block inside a reserved range', raw: '198.51.100.0/28', error: 'ip.reserved' },
    { name: 'an octet above 255', raw: '39.45.12.300', error: 'ip.format' },
    { name: 'three parts', raw: '39.45.12', error: 'ip.format' },
    { name: 'a hex address that ipaddr.js would otherwise accept', raw: '0x27.45.12.7', error: 'ip.format' },
    { name: 'a leading zero (octal in some tools)', raw: '039.45.12.7', error: 'ip.format' },
    { name: 'a host name', raw: 'office.example.pk', error: 'ip.format' },
    { name: 'a prefix above 32', raw: '39.45.12.0/33', error: 'ip.format' },
    { name: 'an IPv6 address', raw: '2001:db8::1', error: 'ip.ipv6' },
    { name: 'an IPv6 block', raw: '2001:db8::/48', error: 'ip.ipv6' },
    { name: 'a /23 block', raw: '39.45.12.0/23', error: 'ip.cidrTooBroad' },
    { name: 'a block not written from its first address', raw: '39.45.12.5/28', error: 'ip.cidrHostBits' },
  ];
  test.each(refused)('refuses $name and names the entry', ({ raw, error }) => {
    expect(validatePublicIpv4OrBlock(raw)).toEqual({ ok: false, error, detail: raw });
  });
});

describe('splitIpList', () => {
  test('splits on commas, Urdu commas, semicolons, spaces and new lines', () => {
    expect(splitIpList('1.1.1.1, 8.8.8.8\n9.9.9.9;39.45.12.7،39.45.12.8  39.45.12.9')).toEqual([
      '1.1.1.1',
      '8.8.8.8',
      '9.9.9.9',
      '39.45.12.7',
      '39.45.12.8',
      '39.45.12.9',
    ]);
  });
});

describe('validateIpAddresses', () => {
  const publicAddresses = (n: number): string[] => Array.from({ length: n }, (_, i) => `39.45.${Math.floor(i / 250)}.${(i % 250) + 1}`);

  test('accepts a mixed list of addresses and blocks', () => {
    expect(validateIpAddresses('39.45.12.7\n39.45.13.0/28, 111.68.96.10')).toEqual({
      ok: true,
      value: ['39.45.12.7', '39.45.13.0/28', '111.68.96.10'],
    });
  });

  test('drops repeated entries, also when written differently', () => {
    expect(validateIpAddresses('39.45.12.7, 39.45.12.7/32, 39.45.12.7')).toEqual({ ok: true, value: ['39.45.12.7'] });
  });

  test('names the first refused entry in a longer list', () => {
    expect(validateIpAddresses('39.45.12.7, 192.168.0.5, 10.0.0.1')).toEqual({ ok: false, error: 'ip.private', detail: '192.168.0.5' });
  });

  test('refuses an empty list', () => {
    expect(validateIpAddresses(' , \n ')).toEqual({ ok: false, error: 'ip.empty' });
  });

  test('accepts exactly 256 entries', () => {
    const result = validateIpAddresses(publicAddresses(256).join(','));
    expect(result.ok && result.value.length).toBe(256);
  });

  test('refuses 257 entries and says how many were given', () => {
    expect(validateIpAddresses(publicAddresses(257).join('\n'))).toEqual({ ok: false, error: 'ip.tooMany', detail: '257' });
  });
});
