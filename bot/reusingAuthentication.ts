/**
 * botbuilder's CloudAdapter builds a ConnectorClient and a UserTokenClient — each a fresh HTTP pipeline
 * of a dozen policies — on every turn, even when the replies go back in the HTTP response
 * (expectReplies) and neither is used: about a tenth of a turn's CPU and of its garbage. Neither holds
 * per-turn state (their credentials fetch and cache their own tokens), so this authentication hands out
 * one per bot app id, service URL and audience — what the clients are built from — and reuses it.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Most clients kept; the oldest goes first (service URLs are few: one per channel and region). */
const MAX_CLIENTS = 200;

/** Promises of clients by key, so concurrent first turns share one; a failed build is forgotten. */
class ClientCache<T> {
  private readonly clients = new Map<string, Promise<T>>();

  get(key: string, build: () => Promise<T>): Promise<T> {
    const known = this.clients.get(key);
    if (known) return known;
    const built = build();
    built.catch(() => this.clients.delete(key));
    if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
    this.clients.set(key, built);
    return built;
  }
}

/** The bot app id the clients act as, read from the claims the way botbuilder reads it. */
function appIdOf(claimsIdentity: ClaimsIdentity): string | null {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim)
  );
}

/** botbuilder's factory, with its clients reused per service URL and audience. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly factory: ConnectorFactory,
    private readonly appId: string | null,
    private readonly clients: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(JSON.stringify([this.appId, serviceUrl, audience ?? null]), () => this.factory.create(serviceUrl, audience));
  }
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new ClientCache<ConnectorClient>();
  private readonly userTokenClients = new ClientCache<UserTokenClient>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const { connectorFactory } = result;
    return connectorFactory ? { ...result, connectorFactory: this.reusing(connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(JSON.stringify([appIdOf(claimsIdentity)]), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectorClients);
  }
}
