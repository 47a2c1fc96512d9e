/**
 * Signed, expiring download links for letters: `?e=<expiry seconds>&s=<HMAC>` over the reference and
 * the expiry. The key comes from LETTER_SECRET, else is derived from the Direct Line secret (configured,
 * or the one kept in DATA_DIR), so instances sharing either agree.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { loadSecret } from '../directline/secret';
import type { Config } from '../config';

/** The HMAC key for letter links. */
export function letterKey(config: Pick<Config, 'LETTER_SECRET' | 'DIRECTLINE_SECRET' | 'DATA_DIR'>): Uint8Array {
  const secret = config.LETTER_SECRET ?? loadSecret({ configured: config.DIRECTLINE_SECRET, dataDir: config.DATA_DIR });
  return new Uint8Array(hkdfSync('sha256', secret, 'pseb-assist/letters', 'download-link', 32));
}

export interface SignedLink {
  /** Unix seconds. */
  expires: number;
  signature: string;
}

export class LinkSigner {
  constructor(
    private readonly key: Uint8Array,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  /** A fresh signature for the reference, valid for the configured time. */
  sign(reference: string): SignedLink {
    const expires = Math.floor((this.clock().getTime() + this.ttlMs) / 1000);
    return { expires, signature: this.mac(reference, expires) };
  }

  /** Whether an untrusted expiry and signature are ours and not yet expired. */
  verify(reference: string, expires: unknown, signature: unknown): boolean {
    if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string') return false;
    const seconds = Number(expires);
    if (seconds * 1000 < this.clock().getTime()) return false;
    const expected = Buffer.from(this.mac(reference, seconds));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(reference: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${reference}\n${expires}`).digest('base64url');
  }
}
