/**
 * CloudAdapter with our HTTP boundary: the request is authenticated first and any failure there is a
 * 401 (botbuilder's own process() answers 500 for a token signed by an unknown key, and echoes error
 * text). onTurnError logs with the stack, sends a trace, and apologises in the user's language.
 */
import {
  CloudAdapter,
  ActivityTypes,
  type Activity,
  type InvokeResponse,
  type TurnContext,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { ServiceClientCredentialsFactory, AuthenticateRequestResult } from 'botframework-connector';
import type { i18n } from 'i18next';
import type { Config } from './config';
import { channelEndpointKeys } from './config';
import type { Logger } from './logger';
import { toUiLanguage } from './i18n';
import { ReusingBotFrameworkAuthentication } from './reusingAuthentication';

/** The request's credentials were missing or invalid. */
export class UnauthorizedError extends Error {
  constructor(readonly reason: string) {
    super(`unauthorized: ${reason}`);
    this.name = 'UnauthorizedError';
  }
}

/** A turn failure that must abort the HTTP request instead of being apologised for (e.g. eTag conflicts). */
export type RethrowPredicate = (err: unknown) => boolean;

/** The part of botbuilder's authentication that validates a token alone (private in 4.23.3, pinned). */
interface TokenValidator {
  JwtTokenValidation_validateAuthHeader(authHeader: string, channelId: string, serviceUrl: string | null): Promise<unknown>;
}

export class PsebAdapter extends CloudAdapter {
  /**
   * Validates the bearer token before the request body is read: signature, issuer, audience and expiry.
   * What needs the activity (channel endorsement, serviceUrl claim) is checked again by handle().
   */
  async preAuthenticate(authHeader: string): Promise<void> {
    if (!authHeader.trim()) throw new UnauthorizedError('missing token');
    const inner = (this.botFrameworkAuthentication as unknown as { inner?: Partial<TokenValidator> }).inner;
    if (typeof inner?.JwtTokenValidation_validateAuthHeader !== 'function')
      throw new Error('botbuilder changed: token validation not found');
    try {
      await inner.JwtTokenValidation_validateAuthHeader(authHeader, '', null);
    } catch (err) {
      throw new UnauthorizedError(err instanceof Error ? err.name : 'invalid token');
    }
  }

  /** Authenticates, then runs the turn; throws UnauthorizedError before any bot code runs. */
  async handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let auth: AuthenticateRequestResult;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw new UnauthorizedError(err instanceof Error ? err.name : 'invalid token');
    }
    return this.processActivity(auth, activity, logic);
  }
}

export interface AdapterDeps {
  config: Config;
  logger: Logger;
  i18n: i18n;
  /** Tests inject a credentials factory so the outgoing token comes from a local stub. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Errors that should propagate out of the turn rather than be apologised for. */
  rethrow?: RethrowPredicate;
  /** Reads the user's remembered language for the apology. */
  languageOf?: (context: TurnContext) => Promise<string | undefined>;
}

/** Builds the adapter from configuration: local mode without MicrosoftAppId, authenticated otherwise. */
export function createAdapter(deps: AdapterDeps): PsebAdapter {
  const { config, logger, i18n } = deps;
  const authConfig: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions;
  for (const key of channelEndpointKeys) if (config[key]) (authConfig as Record<string, unknown>)[key] = config[key];
  // Its connector and user-token clients are built once per service URL and reused, not per turn.
  const auth = new ReusingBotFrameworkAuthentication(authConfig, deps.credentialsFactory);
  const adapter = new PsebAdapter(auth);

  adapter.onTurnError = async (context, error) => {
    if (deps.rethrow?.(error)) throw error;
    logger.error({ err: error, conversationId: context.activity.conversation?.id, channelId: context.activity.channelId }, 'turn failed');
    try {
      await context.sendTraceActivity(
        'OnTurnError Trace',
        error instanceof Error ? error.name : 'Error',
        'https://www.botframework.com/schemas/error',
        'TurnError',
      );
      if (context.activity.type === ActivityTypes.Message || context.activity.type === ActivityTypes.Invoke) {
        const remembered = await deps.languageOf?.(context).catch(() => undefined);
        const lang = toUiLanguage(remembered) ?? toUiLanguage(context.activity.locale) ?? 'en';
        await context.sendActivity(i18n.getFixedT(lang)('common:errors.generic'));
      }
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not apologise to the user');
    }
  };
  return adapter;
}
