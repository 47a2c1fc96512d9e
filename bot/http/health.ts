/** GET and HEAD /healthz: 200 only when the database is reachable and fully migrated; 503 with the reason otherwise. */
import type { Server } from 'restify';
import type { Database } from '../../prisma/db';
import type { Logger } from '../logger';
import { safe } from './safe';

/** Mounts the health endpoint. */
export function mountHealth(server: Server, db: Database, logger: Logger): void {
  const check = safe(logger, async (_req, res) => {
    const problem = await db.health().catch(() => 'database unreachable');
    if (problem) res.send(503, { status: 'unavailable', reason: problem });
    else res.send(200, { status: 'ok' });
  });
  server.get('/healthz', check);
  // Load balancers and uptime monitors often probe with HEAD.
  server.head('/healthz', check);
}
