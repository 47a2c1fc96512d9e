/**
 * Middleware that times every turn (by kind), counts failed outbound sends and 429s, and keeps the
 * turn counted as in flight so shutdown waits for it, and issues the turn's deferred writes together at
 * its end (./turnWrites). Added first, so it wraps every other middleware.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { InFlight } from './inFlight';
import type { OutboundRecorder, TurnRecorder } from './metrics';
import type { Logger } from '../logger';
import { withTurnWrites } from './turnWrites';

const turnKindKey = Symbol('turnKind');

/** Labels the turn for the latency histogram (e.g. 'faq'); the last label set wins. */
export function setTurnKind(context: TurnContext, kind: string): void {
  context.turnState.set(turnKindKey, kind);
}

/** The turn's label: set by a feature, else 'card' for a card action, else the activity type. */
function kindOf(context: TurnContext): string {
  const set = context.turnState.get(turnKindKey) as string | undefined;
  if (set) return set;
  const { type, text } = context.activity;
  const value: unknown = context.activity.value;
  if (type === ActivityTypes.Message && !text && typeof value === 'object' && value !== null) return 'card';
  return type ?? 'unknown';
}

/** The HTTP status a failed send carries (botframework-connector RestError), if any. */
function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

export class TurnMetricsMiddleware implements Middleware {
  constructor(
    private readonly recorder: TurnRecorder & OutboundRecorder,
    private readonly inFlight: InFlight,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const end = this.inFlight.begin();
    const started = process.hrtime.bigint();
    context.onSendActivities(async (_context, _activities, nextSend) => {
      try {
        return await nextSend();
      } catch (err) {
        this.recorder.sendFailed(statusOf(err));
        throw err;
      }
    });
    let outcome: 'ok' | 'failed' = 'failed';
    try {
      await withTurnWrites(context, this.logger, next);
      outcome = 'ok';
    } finally {
      this.recorder.turn(kindOf(context), outcome, Number(process.hrtime.bigint() - started) / 1e9);
      end();
    }
  }
}
