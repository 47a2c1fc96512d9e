/**
 * Hands activities to the bot in-process. The turn gets its own authentication result — no channel
 * token exists for this internal path — and a connector factory whose clients send no credentials: the
 * replies go to our own connector routes, which trust the capability in the serviceUrl instead.
 */
import type { Activity, TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import type { PsebAdapter } from '../adapter';
import { ETagConflictError } from '../storage/prismaStorage';
import { runWithConflictRetry } from '../reliability/turnRetry';
import { TurnOutbox, type Publish } from './outbox';

/** Connector clients for our own loopback connector: an empty app id means no token is fetched or sent. */
class LoopbackConnectorFactory extends ConnectorFactory {
  /** A client for the serviceUrl. */
  async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
  }
}

/** The identity the turn runs under: the bot itself when it has an app id, else anonymous (local mode). */
export function internalClaims(botAppId: string | undefined): ClaimsIdentity {
  if (!botAppId) return new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
  return new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: botAppId },
      { type: AuthenticationConstants.AppIdClaim, value: botAppId },
    ],
    true,
  );
}

export interface DeliveryOptions {
  /** False: the turn's replies are dropped instead of published (the conversation start, whose welcome is stored already). */
  publish?: boolean;
}

export type Deliver = (activity: Partial<Activity>, options?: DeliveryOptions) => Promise<void>;

export interface DeliveryDeps {
  adapter: PsebAdapter;
  botAppId: string | undefined;
  logic: (context: TurnContext) => Promise<void>;
  /** Where the replies of a turn go once it has succeeded. */
  publish: Publish;
}

/**
 * Builds the function that runs one bot turn for an activity (whatever its deliveryMode asked). A turn
 * that lost a state eTag race is re-run on fresh state, as on /api/messages, and only the attempt that
 * succeeds publishes its replies; after the last attempt it throws TurnConflictError.
 */
export function createDelivery(deps: DeliveryDeps): Deliver {
  const connectorFactory = new LoopbackConnectorFactory();
  const runOnce = async (activity: Partial<Activity>, options: DeliveryOptions | undefined): Promise<void> => {
    const auth: AuthenticateRequestResult = { audience: '', claimsIdentity: internalClaims(deps.botAppId), connectorFactory };
    const conversationId = activity.conversation?.id ?? '';
    const outbox = new TurnOutbox(conversationId);
    // processActivityDirect wraps every error in a plain Error; keep the turn's own so conflicts are recognised.
    let failure: unknown;
    const logic = async (context: TurnContext) => {
      // Inside the middleware: what it sends itself (a rate-limit notice) goes out at once, as no retry repeats it.
      outbox.attach(context);
      try {
        await deps.logic(context);
      } catch (err) {
        failure = err;
        throw err;
      }
    };
    try {
      await deps.adapter.processActivityDirect(auth, activity as Activity, logic);
    } catch (err) {
      throw failure ?? err;
    }
    // Reached also when onTurnError apologised for a failed turn: the apology is in the outbox.
    if (options?.publish !== false) await deps.publish(conversationId, outbox.activities);
  };
  const oneAtATime = createKeyedQueue();
  return async (activity, options) => {
    // Replies must come back through the connector, never in the HTTP response.
    const { deliveryMode: _ignored, ...normal } = activity;
    // A user's quick messages would otherwise race for the same conversation state; here they queue,
    // and the eTag retry covers only races with other instances.
    await oneAtATime(normal.conversation?.id ?? '', () =>
      // Each attempt gets its own copy: the adapter writes onto the activity it processes.
      runWithConflictRetry(() => runOnce(structuredClone(normal), options), { isConflict: (err) => err instanceof ETagConflictError }),
    );
  };
}

/** Runs tasks with the same key one after another (in arrival order); different keys run in parallel. */
export function createKeyedQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(task);
    tails.set(key, run);
    // Forget the key once the queue drains, so the map holds only conversations with turns in flight.
    const forget = () => {
      if (tails.get(key) === run) tails.delete(key);
    };
    run.then(forget, forget);
    return run;
  };
}
