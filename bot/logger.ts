/**
 * pino JSON logger. Every string that reaches a log line passes through maskText, whichever field it
 * sits in, so a CNIC or phone number typed by a user never lands in clear in the logs.
 */
import pino, { type Logger, type DestinationStream } from 'pino';
import { maskDeep, maskText } from './privacy/mask';

export type { Logger };

/** Creates the app logger; tests pass a destination to read what was logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'pseb-assist' },
      redact: {
        paths: ['*.password', '*.token', '*.authorization', 'headers.authorization', 'req.headers.authorization'],
        censor: '[redacted]',
      },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        // The message string is not part of the object the formatter sees.
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as typeof args;
          return method.apply(this, masked);
        },
      },
      serializers: {
        // Not every thrown value is an Error with a message (a driver may reject with a bare object).
        err: (err: Partial<Error>) => ({
          type: err?.name,
          message: maskText(String(err?.message ?? err)),
          stack: typeof err?.stack === 'string' ? maskText(err.stack) : undefined,
        }),
      },
    },
    destination,
  );
}
