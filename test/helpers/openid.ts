/**
 * A loopback stand-in for the Bot Framework token service: OpenID metadata and a JWKS with local RSA
 * keys (endorsed for chosen channel ids), able to mint channel tokens the way the real channel signs
 * them — issuer, audience = the bot's app id, `serviceurl` claim. Also a credentials factory so the
 * bot's outgoing calls carry a locally minted bearer token instead of asking Azure AD for one.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { AppCredentials, ServiceClientCredentialsFactory, type AuthenticatorResult } from 'botframework-connector';
import type { ServiceClientCredentials } from 'botframework-connector';

export interface MintOptions {
  audience?: string;
  issuer?: string;
  serviceUrl?: string;
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  /** Which key signs: the endorsed one, one endorsed only for another channel, or one the JWKS does not list. */
  key?: 'endorsed' | 'unendorsed' | 'unknown';
}

export interface OpenIdStub {
  readonly baseUrl: string;
  readonly metadataUrl: string;
  readonly issuer: string;
  /** The seven channel endpoint settings pointing at this stub. */
  readonly channelEndpoints: Record<string, string>;
  /** A channel → bot token for `appId`. */
  mintChannelToken(appId: string, options?: MintOptions): Promise<string>;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
}

async function makeKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** Starts the stub; `endorsedChannels` are the channel ids the main key is endorsed for. */
export async function startOpenIdStub(endorsedChannels: string[]): Promise<OpenIdStub> {
  const keys = {
    endorsed: await makeKey(`endorsed-${randomUUID()}`),
    unendorsed: await makeKey(`unendorsed-${randomUUID()}`),
    unknown: await makeKey(`unknown-${randomUUID()}`),
  };
  const jwks = {
    keys: [
      { ...(await exportJWK(keys.endorsed.publicKey)), kid: keys.endorsed.kid, use: 'sig', alg: 'RS256', endorsements: endorsedChannels },
      {
        ...(await exportJWK(keys.unendorsed.publicKey)),
        kid: keys.unendorsed.kid,
        use: 'sig',
        alg: 'RS256',
        endorsements: ['some-other-channel'],
      },
    ],
  };
  let baseUrl = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/.well-known/openidconfiguration') {
      send(200, { issuer: `${baseUrl}/issuer`, jwks_uri: `${baseUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    } else if (path === '/keys') {
      send(200, jwks);
    } else {
      send(404, { error: 'not_found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${baseUrl}/issuer`;
  const metadataUrl = `${baseUrl}/.well-known/openidconfiguration`;
  return {
    baseUrl,
    metadataUrl,
    issuer,
    channelEndpoints: {
      ToChannelFromBotLoginUrl: `${baseUrl}/login`,
      ToChannelFromBotOAuthScope: `${baseUrl}/scope`,
      ToBotFromChannelTokenIssuer: issuer,
      OAuthUrl: `${baseUrl}/oauth`,
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
      CallerId: 'urn:botframework:pseb-test',
    },
    async mintChannelToken(appId, options = {}) {
      const key = keys[options.key ?? 'endorsed'];
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {};
      if (options.serviceUrl !== undefined) claims.serviceurl = options.serviceUrl;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? appId)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(now + (options.expiresIn ?? 3600))
        .sign(key.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Credentials whose token is a fixed local string; AppCredentials caches it (clear `AppCredentials.cache` between tests). */
class LocalAppCredentials extends AppCredentials {
  constructor(
    appId: string,
    oAuthScope: string,
    private readonly token: string,
  ) {
    super(appId, undefined, oAuthScope);
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    return { accessToken: this.token, expiresOn: new Date(Date.now() + 3600_000) };
  }
}

/** The bot's outgoing-token source in tests: accepts only `appId`, signs every call with `token`. */
export class LocalCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    readonly token = `local-outgoing-${randomUUID()}`,
  ) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    if (appId !== this.appId) throw new Error('unknown app id');
    return new LocalAppCredentials(appId, audience ?? 'local-scope', this.token);
  }
}

/** Forgets every cached outgoing token (AppCredentials keeps them in a static map). */
export function clearTokenCache(): void {
  (AppCredentials as unknown as { cache: Map<string, unknown> }).cache.clear();
}
