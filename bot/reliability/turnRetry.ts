/**
 * Re-runs a whole turn when its state write lost an eTag race, so it works on the state the other
 * turn wrote — never by overwriting it.
 */

/** A turn lost the race every time; the caller answers "busy, retry" rather than a 500. */
export class TurnConflictError extends Error {
  constructor(readonly attempts: number) {
    super(`turn still conflicting after ${attempts} attempts`);
    this.name = 'TurnConflictError';
  }
}

/** Total attempts per request (the first run plus two re-runs). */
export const MAX_TURN_ATTEMPTS = 3;

export interface RetryOptions {
  isConflict: (err: unknown) => boolean;
  attempts?: number;
  /** Called before each re-run with the attempt number about to start (2, 3…). */
  onRetry?: (attempt: number) => void;
  /** Short random pause so two racing instances do not collide again in lock-step. */
  delayMs?: (attempt: number) => number;
}

/** Runs `turn`, re-running it on conflicts up to the attempt limit. */
export async function runWithConflictRetry<T>(turn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? MAX_TURN_ATTEMPTS;
  const delayMs = options.delayMs ?? ((attempt: number) => Math.random() * 10 * attempt);
  for (let attempt = 1; ; attempt++) {
    try {
      return await turn();
    } catch (err) {
      if (!options.isConflict(err)) throw err;
      if (attempt >= attempts) throw new TurnConflictError(attempts);
      options.onRetry?.(attempt + 1);
      const pause = delayMs(attempt + 1);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
