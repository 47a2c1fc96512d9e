import ipaddr from 'ipaddr.js';
import { cleanNumeric } from './normalize';
import { fail, ok, type Result } from './result';
import type { IntakeErrorCode } from './errors';

const MAX_ENTRIES = 256;
/**
 * Widest block we accept. ipaddr.js's smallest special range is a /24, so a /24-or-narrower
 * block lies wholly inside or wholly outside each one and testing its first and last
 * address with range() is exact.
 */
const WIDEST_PREFIX = 24;

type V4Range = ReturnType<ipaddr.IPv4['range']>;

// Every non-public range ipaddr.js knows, mapped to the reason the user reads.
const REFUSED_RANGES: Readonly<Record<Exclude<V4Range, 'unicast'>, IntakeErrorCode>> = {
  private: 'ip.private',
  loopback: 'ip.loopback',
  linkLocal: 'ip.linkLocal',
  multicast: 'ip.multicast',
  carrierGradeNat: 'ip.carrierGradeNat',
  unspecified: 'ip.unspecified',
  broadcast: 'ip.broadcast',
  reserved: 'ip.reserved',
  benchmarking: 'ip.reserved',
  amt: 'ip.reserved',
  as112: 'ip.reserved',
};

/** Why a single address is not public, or null when it is. */
function refusal(address: ipaddr.IPv4): IntakeErrorCode | null {
  const range = address.range();
  return range === 'unicast' ? null : REFUSED_RANGES[range];
}

/** One public IPv4 address in dotted decimal (no octal, hex or short forms); stored as written canonically. */
export function validatePublicIpv4(raw: string): Result<string> {
  const entry = cleanNumeric(raw);
  if (!ipaddr.IPv4.isValidFourPartDecimal(entry)) {
    return fail(ipaddr.IPv6.isValid(entry) ? 'ip.ipv6' : 'ip.format', entry);
  }
  const address = ipaddr.IPv4.parse(entry);
  const reason = refusal(address);
  return reason ? fail(reason, entry) : ok(address.toString());
}

/** One public IPv4 address or CIDR block (`/24` to `/32`, network address only); `/32` is stored as the bare address. */
export function validatePublicIpv4OrBlock(raw: string): Result<string> {
  const entry = cleanNumeric(raw);
  const slash = entry.indexOf('/');
  if (slash < 0) return validatePublicIpv4(entry);
  const base = entry.slice(0, slash);
  const prefixText = entry.slice(slash + 1);
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32 || !ipaddr.IPv4.isValidFourPartDecimal(base)) {
    return fail(ipaddr.IPv6.isValidCIDR(entry) ? 'ip.ipv6' : 'ip.format', entry);
  }
  const prefix = Number(prefixText);
  if (prefix < WIDEST_PREFIX) return fail('ip.cidrTooBroad', entry);
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${base}/${prefix}`);
  if (network.toString() !== base) return fail('ip.cidrHostBits', entry);
  const last = ipaddr.IPv4.broadcastAddressFromCIDR(`${base}/${prefix}`);
  const reason = refusal(network) ?? refusal(last);
  if (reason) return fail(reason, entry);
  return ok(prefix === 32 ? base : `${base}/${prefix}`);
}

/** Splits a list typed or pasted with commas (also Urdu ،), semicolons, spaces or new lines. */
export function splitIpList(raw: string): string[] {
  return raw.split(/[\s,;\u060c]+/).filter((part) => part !== '');
}

/** The whitelisting IP list: 1–256 public IPv4 addresses or blocks; duplicates dropped; the first bad entry is named. */
export function validateIpAddresses(raw: string): Result<string[]> {
  const entries = splitIpList(cleanNumeric(raw));
  if (entries.length === 0) return fail('ip.empty');
  const clean = new Set<string>();
  for (const entry of entries) {
    const result = validatePublicIpv4OrBlock(entry);
    if (!result.ok) return result;
    clean.add(result.value);
  }
  if (clean.size > MAX_ENTRIES) return fail('ip.tooMany', String(clean.size));
  return ok([...clean]);
}
