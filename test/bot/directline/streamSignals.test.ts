/** Streams against a fake store: in-process signals push at once, frames follow seq order, sockets clean up. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { createLogger } from '../../../bot/logger';
import { deriveKeys } from '../../../bot/directline/secret';
import { ConversationSignals } from '../../../bot/directline/signals';
import type { ActivityPage, StoredActivity } from '../../../bot/directline/store';
import { mountStream, type StreamHandle } from '../../../bot/directline/stream';
import { issueToken } from '../../../bot/directline/tokens';
import { Greeter } from '../../../bot/directline/welcome';

const keys = deriveKeys('stream-signals-secret-0123456789abcdef');
const CONVERSATION = 'conv-1';

/** The store's reading side over an array; seq is the position + 1. */
class FakeStore {
  readonly signals = new ConversationSignals();
  readonly rows: StoredActivity[] = [];
  reads = 0;
  async find(id: string) {
    return id === CONVERSATION ? { id, userId: 'u' } : null;
  }
  async list(_id: string, after: number | undefined, limit: number): Promise<ActivityPage> {
    this.reads += 1;
    const from = after ?? 0;
    const activities = this.rows.slice(from, from + limit);
    return { activities, watermark: activities.length ? from + activities.length : after };
  }
  add(text: string): void {
    this.rows.push({ id: `a${this.rows.length + 1}`, type: 'message', text });
    this.signals.notify(CONVERSATION);
  }
}

let server: Server;
let handle: StreamHandle;
let store: FakeStore;
let url: string;

beforeEach(async () => {
  store = new FakeStore();
  server = createServer((_req, res) => res.writeHead(404).end());
  // A poll so slow that only a signal can deliver within the test's time.
  const greeter = new Greeter(() => [], { id: 'bot', name: 'Bot' });
  handle = mountStream(server, { store, greeter, keys: () => keys, logger: createLogger('silent'), pollMs: 60_000, heartbeatMs: 60_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const token = await issueToken(keys, { conversationId: CONVERSATION, userId: 'u' });
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline/conversations/${CONVERSATION}/stream?t=${token}`;
});
afterEach(async () => {
  handle.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Opens a socket and collects the texts of the activities it receives. */
async function open(): Promise<{ ws: WebSocket; texts: string[]; watermarks: string[] }> {
  const ws = new WebSocket(url);
  const texts: string[] = [];
  const watermarks: string[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { activities: Array<{ text: string }>; watermark: string };
    texts.push(...frame.activities.map((a) => a.text));
    watermarks.push(frame.watermark);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, texts, watermarks };
}

const eventually = async (condition: () => boolean, timeoutMs = 2_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('stream signals', () => {
  it('pushes an activity stored on this instance at once, without waiting for the poll', async () => {
    const { ws, texts } = await open();
    await eventually(() => store.reads >= 1);
    store.add('one');
    await eventually(() => texts.length === 1);
    store.add('two');
    store.add('three');
    await eventually(() => texts.length === 3);
    expect(texts).toEqual(['one', 'two', 'three']);
    ws.close();
  });

  it('sends what was stored before the socket opened, with numeric watermarks in order', async () => {
    store.add('before');
    const { ws, texts, watermarks } = await open();
    await eventually(() => texts.length === 1);
    store.add('after');
    await eventually(() => texts.length === 2);
    expect(watermarks).toEqual(['1', '2']);
    ws.close();
  });

  it('stops listening for the conversation once the socket closes', async () => {
    const { ws } = await open();
    expect(store.signals.size).toBe(1);
    ws.close();
    await eventually(() => store.signals.size === 0);
  });

  it('ignores the empty pings clients send', async () => {
    const { ws, texts } = await open();
    ws.send('');
    ws.send('not json at all');
    store.add('still here');
    await eventually(() => texts.length === 1);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});

describe('ConversationSignals', () => {
  it('wakes only listeners of the conversation that changed, until they unsubscribe', () => {
    const signals = new ConversationSignals();
    const woken: string[] = [];
    const stopA = signals.subscribe('a', () => woken.push('a'));
    signals.subscribe('b', () => woken.push('b'));
    signals.notify('a');
    stopA();
    signals.notify('a');
    expect(woken).toEqual(['a']);
    expect(signals.size).toBe(1);
  });
});
