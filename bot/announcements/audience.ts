/**
 * Who an announcement reaches: every person (channel + user) who talked to the bot one-to-one,
 * narrowed by their requests' kind, status and city. Pure SQL fragments over conversation_ref and
 * request, so the count shown before sending and the delivery rows come from one query.
 */
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client';

export const audienceStatuses = ['open', 'approved', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'INFO_REQUESTED'] as const;

export const audienceSchema = z
  .object({
    kind: z.enum(['whitelisting', 'wfh']).optional(),
    /** `open` = not decided yet (submitted, in review, waiting for information); `approved`; or one exact status. */
    status: z.enum(audienceStatuses).optional(),
    city: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type Audience = z.infer<typeof audienceSchema>;

const openStatuses = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED'];

function statusesOf(status: Audience['status']): string[] | undefined {
  if (!status) return undefined;
  if (status === 'open') return openStatuses;
  if (status === 'approved') return ['APPROVED'];
  return [status];
}

/** `SELECT channel_id, user_id` of every recipient, one row per person. */
export function audienceQuery(audience: Audience): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (audience.kind) conditions.push(Prisma.sql`r.kind::text = ${audience.kind}`);
  const statuses = statusesOf(audience.status);
  if (statuses) conditions.push(Prisma.sql`r.status::text IN (${Prisma.join(statuses)})`);
  if (audience.city) {
    const city = audience.city.toLowerCase();
    conditions.push(
      Prisma.sql`(lower(r.fields->>'city') = ${city} OR lower(r.fields->>'cityOther') = ${city}
        OR EXISTS (SELECT 1 FROM request_agent ra WHERE ra.request_id = r.id AND lower(ra.city) = ${city}))`,
    );
  }
  const byRequest = conditions.length
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM request r WHERE r.channel_id = c.channel_id AND r.user_id = c.user_id AND ${Prisma.join(conditions, ' AND ')})`
    : Prisma.empty;
  // Group conversations (the support channel's threads) are staff, not applicants.
  return Prisma.sql`
    SELECT DISTINCT c.channel_id, c.user_id FROM conversation_ref c
    WHERE COALESCE(c.reference->'conversation'->>'isGroup', 'false') <> 'true'
    ${byRequest}`;
}
