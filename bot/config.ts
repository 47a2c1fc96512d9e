/**
 * The one reader of process.env. Parsed once at start; a bad or missing value stops start-up with a
 * message naming every bad key.
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The seven settings that replace the public-cloud endpoints; botbuilder uses all or none of them. */
export const channelEndpointKeys = [
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'OAuthUrl',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'CallerId',
] as const;

const businessHoursPattern = /^(always|(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))? \d{2}:\d{2}-\d{2}:\d{2})$/;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: optionalString,
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^(postgres(ql)?:\/\/|pglite:)/.test(v), {
      message: 'must start with postgres://, postgresql:// or pglite:',
    }),
    DATABASE_POOL_SIZE: positiveInt(10),
    DATA_DIR: z.string().default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalString,
    ToChannelFromBotLoginUrl: optionalString,
    ToChannelFromBotOAuthScope: optionalString,
    ToBotFromChannelTokenIssuer: optionalString,
    OAuthUrl: optionalString,
    ToBotFromChannelOpenIdMetadataUrl: optionalString,
    ToBotFromEmulatorOpenIdMetadataUrl: optionalString,
    CallerId: optionalString,
    STAFF_AAD_OBJECT_IDS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    SUPPORT_TEAM_ID: optionalString,
    SUPPORT_CHANNEL_ID: optionalString,
    HANDOFF_SLA_MINUTES: positiveInt(5),
    HANDOFF_GIVEUP_MINUTES: positiveInt(30),
    BUSINESS_HOURS: z
      .string()
      .default('Mon-Fri 09:00-17:00')
      .refine((v) => businessHoursPattern.test(v), { message: 'use "always" or e.g. "Mon-Fri 09:00-17:00"' }),
    RATE_LIMIT_PER_MINUTE: positiveInt(30),
    DIRECTLINE_STARTS_PER_MINUTE: positiveInt(30),
    DIRECTLINE_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
    WEBCHAT_LOCAL: booleanFlag,
    CONSOLE_DEV_TOKEN: optionalString,
    CONSOLE_JWKS_URL: z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    CONSOLE_TOKEN_ISSUER: optionalString,
    BOT_PUBLIC_HOST: optionalString,
    LETTER_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
    LETTER_LINK_TTL_HOURS: positiveInt(72),
    LETTER_VALID_DAYS_WHITELISTING: positiveInt(30),
    LETTER_VALID_DAYS_WFH: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    VERIFY_RATE_LIMIT_PER_MINUTE: positiveInt(30),
    METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' }),
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
    ANNOUNCEMENT_RATE_PER_SECOND: z.coerce.number().positive().max(100).default(5),
    INFO_REMINDER_HOURS: z.coerce.number().positive().default(24),
    DECISION_SLA_HOURS: z.coerce.number().positive().default(24),
  })
  .superRefine((env, ctx) => {
    const set = channelEndpointKeys.filter((k) => env[k] !== undefined);
    if (set.length > 0 && set.length < channelEndpointKeys.length) {
      for (const key of channelEndpointKeys.filter((k) => env[k] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `required when ${set.join(', ')} is set (all seven or none)` });
      }
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required when MicrosoftAppId is set' });
    }
    if (env.NODE_ENV === 'production' && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'required when NODE_ENV=production (without it nothing authenticates /api/messages)',
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required for SingleTenant' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  /** DATABASE_URL, or the embedded PGlite folder under DATA_DIR. */
  databaseUrl: string;
  /** No MicrosoftAppId: no channel authentication, like the Bot Framework Emulator. */
  localMode: boolean;
  /** Where to listen: HOST; otherwise loopback only in local mode, every interface when authenticated. */
  listenHost: string | undefined;
}

/** Thrown with every bad key named, so start-up can print it and stop. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default) into the app's configuration. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const env = parsed.data;
  return {
    ...env,
    databaseUrl: env.DATABASE_URL ?? `pglite:${env.DATA_DIR.replace(/\/$/, '')}/pglite`,
    localMode: env.MicrosoftAppId === undefined,
    listenHost: env.HOST ?? (env.MicrosoftAppId === undefined ? '127.0.0.1' : undefined),
  };
}
