/** The pure parts of console auth: header parsing, audiences and issuers. */
import { bearerToken, expectedAudiences, issuerAccepted } from '../../../bot/console/auth';

const tid = '8f3c2a1e-5b6d-4c7e-9f80-112233445566';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Basic abc', undefined],
    ['Bearer ', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe('expectedAudiences', () => {
  it('accepts the api:// resource of the public host and the bare app id', () => {
    expect(expectedAudiences({ MicrosoftAppId: 'app', BOT_PUBLIC_HOST: 'bot.example' })).toEqual(['api://bot.example/app', 'app']);
  });

  it('accepts nothing without an app id (local mode)', () => {
    expect(expectedAudiences({ MicrosoftAppId: undefined, BOT_PUBLIC_HOST: 'bot.example' })).toEqual([]);
  });
});

describe('issuerAccepted', () => {
  const none = { CONSOLE_TOKEN_ISSUER: undefined, MicrosoftAppTenantId: undefined };

  it("accepts the v2 and v1 issuers of the token's own tenant", () => {
    expect(issuerAccepted({ tid, iss: `https://login.microsoftonline.com/${tid}/v2.0` }, none)).toBe(true);
    expect(issuerAccepted({ tid, iss: `https://sts.windows.net/${tid}/` }, none)).toBe(true);
  });

  it("refuses another tenant's issuer, a missing tid, and a tenant that is not ours", () => {
    expect(issuerAccepted({ tid, iss: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0' }, none)).toBe(false);
    expect(issuerAccepted({ iss: `https://sts.windows.net/${tid}/` }, none)).toBe(false);
    expect(
      issuerAccepted(
        { tid, iss: `https://sts.windows.net/${tid}/` },
        { ...none, MicrosoftAppTenantId: '11111111-1111-1111-1111-111111111111' },
      ),
    ).toBe(false);
  });

  it('uses only the configured issuer when one is set', () => {
    const config = { CONSOLE_TOKEN_ISSUER: 'https://issuer.test/', MicrosoftAppTenantId: undefined };
    expect(issuerAccepted({ tid, iss: 'https://issuer.test/' }, config)).toBe(true);
    expect(issuerAccepted({ tid, iss: `https://sts.windows.net/${tid}/` }, config)).toBe(false);
  });
});
