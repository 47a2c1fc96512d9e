/**
 * The connector and user-token clients botbuilder would build on every turn are built once per bot app
 * id, service URL and audience, and reused (bot/reusingAuthentication.ts).
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { PsebAdapter } from '../../bot/adapter';
import { ReusingBotFrameworkAuthentication } from '../../bot/reusingAuthentication';

/** Local mode: no app id, so requests need no token. */
const localAuth = () => new ReusingBotFrameworkAuthentication({});

function activity(serviceUrl: string): Activity {
  return {
    type: ActivityTypes.Message,
    id: `a-${Math.random()}`,
    channelId: 'webchat',
    serviceUrl,
    conversation: { id: 'c1' },
    from: { id: 'u1' },
    recipient: { id: 'bot' },
    text: 'hi',
  } as Activity;
}

describe('reused connector clients', () => {
  it('gives turns on the same service URL the same connector and user-token clients', async () => {
    const adapter = new PsebAdapter(localAuth());
    const seen: { connector: ConnectorClient; userToken: unknown }[] = [];
    const logic = async (context: TurnContext) => {
      seen.push({
        connector: context.turnState.get(adapter.ConnectorClientKey),
        userToken: context.turnState.get(adapter.UserTokenClientKey),
      });
    };
    await adapter.handle('', activity('https://smba.example/a/'), logic);
    await adapter.handle('', activity('https://smba.example/a/'), logic);
    await adapter.handle('', activity('https://smba.example/b/'), logic);
    expect(seen[0].connector).toBeDefined();
    expect(seen[1].connector).toBe(seen[0].connector);
    expect(seen[1].userToken).toBe(seen[0].userToken);
    // Another service URL: its own client, pointed there.
    expect(seen[2].connector).not.toBe(seen[0].connector);
    expect((seen[2].connector as unknown as { baseUri?: string }).baseUri).toBe('https://smba.example/b/');
  });

  it('shares one client between concurrent first turns, and per audience', async () => {
    const auth = localAuth();
    const { connectorFactory, claimsIdentity } = await auth.authenticateRequest(activity('https://smba.example/c/'), '');
    const [a, b] = await Promise.all([
      connectorFactory!.create('https://smba.example/c/'),
      connectorFactory!.create('https://smba.example/c/'),
    ]);
    expect(b).toBe(a);
    // A proactive turn's factory (from the same claims) reuses it too.
    expect(await auth.createConnectorFactory(claimsIdentity).create('https://smba.example/c/')).toBe(a);
    expect(await connectorFactory!.create('https://smba.example/c/', 'https://api.botframework.us')).not.toBe(a);
  });
});
