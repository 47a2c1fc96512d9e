/**
 * Who is calling /api/console/*: a Teams SSO token (a Microsoft Entra ID JWT checked against a JWKS
 * whose URL is configurable), or — in local mode only — the CONSOLE_DEV_TOKEN. The caller must be staff.
 */
import { timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** The staff member a console request acts as. */
export interface ConsoleActor {
  oid: string;
  name: string;
}

export type AuthOutcome =
  { ok: true; actor: ConsoleActor } | { ok: false; status: 401 | 403; code: 'missing_token' | 'invalid_token' | 'not_staff' };

/** Decides whether an AAD object id belongs to a staff member. */
export type StaffCheck = (oid: string) => Promise<boolean>;

export type AuthConfig = Pick<
  Config,
  | 'localMode'
  | 'MicrosoftAppId'
  | 'MicrosoftAppTenantId'
  | 'BOT_PUBLIC_HOST'
  | 'CONSOLE_DEV_TOKEN'
  | 'CONSOLE_JWKS_URL'
  | 'CONSOLE_TOKEN_ISSUER'
>;

/** The stand-in identity of the dev token, so audit rows still name an actor. */
export const devActor: ConsoleActor = { oid: 'dev-console', name: 'Developer (local)' };

const tenantIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Audiences a Teams SSO token for this app may carry: the `api://host/appId` resource and the bare app id. */
export function expectedAudiences(config: Pick<AuthConfig, 'MicrosoftAppId' | 'BOT_PUBLIC_HOST'>): string[] {
  if (!config.MicrosoftAppId) return [];
  const audiences = [config.MicrosoftAppId];
  if (config.BOT_PUBLIC_HOST) audiences.unshift(`api://${config.BOT_PUBLIC_HOST}/${config.MicrosoftAppId}`);
  return audiences;
}

/**
 * Whether a verified token's issuer is acceptable: the configured one, or else the v2 / v1 Entra issuer
 * of the token's own tenant (and that tenant must be ours when MicrosoftAppTenantId is set).
 */
export function issuerAccepted(payload: JWTPayload, config: Pick<AuthConfig, 'CONSOLE_TOKEN_ISSUER' | 'MicrosoftAppTenantId'>): boolean {
  if (config.CONSOLE_TOKEN_ISSUER) return payload.iss === config.CONSOLE_TOKEN_ISSUER;
  const tid = payload.tid;
  if (typeof tid !== 'string' || !tenantIdPattern.test(tid)) return false;
  if (config.MicrosoftAppTenantId && config.MicrosoftAppTenantId.toLowerCase() !== tid.toLowerCase()) return false;
  return payload.iss === `https://login.microsoftonline.com/${tid}/v2.0` || payload.iss === `https://sts.windows.net/${tid}/`;
}

/** Constant-time comparison, so the dev token can't be guessed byte by byte. */
function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface ConsoleAuthDeps {
  config: AuthConfig;
  isStaff: StaffCheck;
  logger: Logger;
  /** Tests may pass a local key set; otherwise the remote JWKS at CONSOLE_JWKS_URL (fetched and cached by jose). */
  keys?: JWTVerifyGetKey;
}

/** Builds the authenticator for console requests. */
export function createConsoleAuth(deps: ConsoleAuthDeps): (authorization: unknown) => Promise<AuthOutcome> {
  const { config, isStaff, logger } = deps;
  const keys = deps.keys ?? createRemoteJWKSet(new URL(config.CONSOLE_JWKS_URL));
  const audiences = expectedAudiences(config);

  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) return { ok: false, status: 401, code: 'missing_token' };

    if (config.localMode && config.CONSOLE_DEV_TOKEN && sameSecret(token, config.CONSOLE_DEV_TOKEN)) {
      return { ok: true, actor: devActor };
    }
    // Without an app id there is no audience a real token could be issued for.
    if (audiences.length === 0) return { ok: false, status: 401, code: 'invalid_token' };

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { audience: audiences, algorithms: ['RS256'], clockTolerance: 60 }));
    } catch (err) {
      logger.info({ reason: err instanceof Error ? err.name : 'unknown' }, 'console token rejected');
      return { ok: false, status: 401, code: 'invalid_token' };
    }
    if (!issuerAccepted(payload, config) || typeof payload.oid !== 'string' || payload.oid === '') {
      logger.info({ reason: 'issuer or oid' }, 'console token rejected');
      return { ok: false, status: 401, code: 'invalid_token' };
    }
    const oid = payload.oid;
    if (!(await isStaff(oid))) return { ok: false, status: 403, code: 'not_staff' };
    const name =
      typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : oid;
    return { ok: true, actor: { oid, name } };
  };
}
