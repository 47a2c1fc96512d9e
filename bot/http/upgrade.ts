/**
 * The first word on every WebSocket upgrade: a path no feature serves gets a 404 and its socket is
 * destroyed at once, and one client address holds at most a few upgraded (or upgrading) sockets.
 * Runs before the features' own upgrade listeners, which skip sockets it has already refused.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/** Upgraded sockets one client address may hold open at once. */
export const MAX_UPGRADES_PER_IP = 16;

export interface UpgradeGuardOptions {
  /** Whether some feature serves upgrades at this URL (path and query). */
  serves: (url: string) => boolean;
  maxPerIp?: number;
}

export interface UpgradeGuard {
  /** Open upgrade sockets per client address, for tests and metrics. */
  openFrom(ip: string): number;
}

/** Answers an upgrade with a plain HTTP status and destroys the socket. */
export function refuseUpgrade(socket: Duplex, status: number, headers: Record<string, string> = {}): void {
  if (socket.writable && !socket.destroyed) {
    const extra = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n${extra}\r\n`);
  }
  socket.destroy();
}

/** Installs the guard in front of every other upgrade listener. */
export function guardUpgrades(httpServer: HttpServer, options: UpgradeGuardOptions): UpgradeGuard {
  const maxPerIp = options.maxPerIp ?? MAX_UPGRADES_PER_IP;
  const open = new Map<string, number>();
  httpServer.prependListener('upgrade', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    if (!options.serves(req.url ?? '')) return refuseUpgrade(socket, 404);
    const ip = req.socket.remoteAddress ?? 'unknown';
    const count = open.get(ip) ?? 0;
    if (count >= maxPerIp) return refuseUpgrade(socket, 429, { 'Retry-After': '60' });
    open.set(ip, count + 1);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left <= 0) open.delete(ip);
      else open.set(ip, left);
    });
  });
  return { openFrom: (ip) => open.get(ip) ?? 0 };
}
