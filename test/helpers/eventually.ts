/**
 * The suite's one polling helper: asks `probe` until it returns a value (not undefined), then returns
 * it; throws with the label (and the last observation) after the timeout. Everything that waits for
 * something asynchronous (connector calls, Direct Line activities, pages, recovery after an outage)
 * goes through it, so the interval and the failure message are the same everywhere.
 */
export interface EventuallyOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Describes the last observation in the timeout message. */
  observed?: () => string;
}

export async function eventually<T>(
  label: string,
  probe: () => T | undefined | Promise<T | undefined>,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 25, observed } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${observed ? ` (${observed()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
