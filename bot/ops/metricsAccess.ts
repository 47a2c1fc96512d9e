/** Who may read /metrics: the bearer of METRICS_TOKEN when it is set, else callers on this machine only. */
import { timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';

export function mayReadMetrics(token: string | undefined, authorization: string | undefined, remoteAddress: string | undefined): boolean {
  if (token) {
    const offered = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(offered);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  return isLoopback(remoteAddress);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'loopback';
}
