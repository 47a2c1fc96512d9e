/**
 * The Direct Line secret: DIRECTLINE_SECRET, or one generated once and kept in
 * `<DATA_DIR>/directline-secret` (mode 0600) so tokens survive restarts and instances sharing DATA_DIR agree.
 * Tokens and connector keys are signed with keys derived from it, never with the secret itself, so a
 * leaked signing key does not hand out the bearer secret.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_FILE_NAME = 'directline-secret';

/** What the Direct Line endpoints need from the secret. */
export interface DirectLineKeys {
  /** The bearer secret server-side callers present (tokens/generate, conversations). */
  readonly secret: string;
  /** HS256 key for user tokens. */
  readonly tokenKey: Uint8Array;
  /** HMAC key for the capability in each conversation's serviceUrl. */
  readonly connectorKey: Uint8Array;
  /** HMAC key that makes conversation ids recognisable as issued here (nothing is stored at a start). */
  readonly conversationKey: Uint8Array;
}

/** Derives the signing keys from a secret. */
export function deriveKeys(secret: string): DirectLineKeys {
  const derive = (purpose: string) => new Uint8Array(hkdfSync('sha256', secret, 'pseb-assist/directline', purpose, 32));
  return { secret, tokenKey: derive('token'), connectorKey: derive('connector'), conversationKey: derive('conversation') };
}

export interface SecretSource {
  configured?: string;
  dataDir: string;
  /** Told when an existing secret file is readable by others. */
  warn?: (message: string) => void;
}

/** The configured secret, else the one in the data folder, else a new one written there (0600). */
export function loadSecret(source: SecretSource): string {
  if (source.configured) return source.configured;
  const file = path.join(source.dataDir, SECRET_FILE_NAME);
  const existing = readSecretFile(file, source.warn);
  if (existing) return existing;
  mkdirSync(source.dataDir, { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  try {
    // 'wx': two instances starting together must not overwrite each other's secret.
    writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
    return generated;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const raced = readSecretFile(file, source.warn);
    if (!raced) throw new Error(`${file} holds no usable secret (empty or shorter than 32 characters)`, { cause: err });
    return raced;
  }
}

function readSecretFile(file: string, warn?: (message: string) => void): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) warn?.(`${file} is readable by other users; chmod 600 it`);
  const secret = text.trim();
  return secret.length >= 32 ? secret : undefined;
}
