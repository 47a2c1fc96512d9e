/** Input shapes of the console API, validated with zod; a failure becomes a 400 naming the bad fields. */
import { z } from 'zod';
import { ConsoleError } from './errors';
import { decisions, maxNoteLength, noteRequired } from '../domain/lifecycle';

export const requestKinds = ['whitelisting', 'wfh'] as const;
export const requestStatuses = ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'INFO_REQUESTED'] as const;
export const faqLanguages = ['en', 'ur', 'ur-Latn'] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/** `?kind=&status=&from=&to=&q=&limit=` of the request list and CSV export. */
export const requestFilterSchema = z
  .object({
    kind: z.enum(requestKinds).optional(),
    status: z.enum(requestStatuses).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(5000).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to', path: ['from'] });
export type RequestFilter = z.infer<typeof requestFilterSchema>;

/** A decision from the console: the same rules as the Teams card (a note is required for reject and needs_info). */
export const decisionSchema = z
  .object({
    decision: z.enum(decisions),
    note: z.string().trim().max(maxNoteLength).optional(),
  })
  .refine((d) => !noteRequired(d.decision) || (d.note !== undefined && d.note.length > 0), {
    message: 'a note is required for reject and needs_info',
    path: ['note'],
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

export const noteSchema = z.object({ text: z.string().trim().min(1).max(4000) });

export const revealSchema = z.object({ reveal: z.enum(['0', '1']).optional() });

const faqTopicId = z
  .string()
  .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'lowercase words joined by . _ or -')
  .max(80);
const answerText = z.string().trim().min(1).max(4000);

export const topicIdSchema = faqTopicId;

export const faqQuestionSchema = z.object({
  language: z.enum(faqLanguages),
  text: z.string().trim().min(2).max(500),
  /** The unanswered question this example came from; it is marked resolved. */
  unansweredId: z.string().uuid().optional(),
});

export const faqTopicCreateSchema = z.object({
  id: faqTopicId,
  answerEn: answerText,
  answerUr: answerText,
  questions: z
    .array(faqQuestionSchema.omit({ unansweredId: true }))
    .max(50)
    .default([]),
});

export const faqTopicUpdateSchema = z.object({ answerEn: answerText, answerUr: answerText });

export const staffAddSchema = z.object({
  aadObjectId: z.string().uuid(),
  name: z.string().trim().min(1).max(200).optional(),
  email: z.string().trim().email().max(320).optional(),
});

export const dashboardSchema = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });

export const uuidSchema = z.string().uuid();

/** Parses untrusted input or throws a 400 ConsoleError naming every bad field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new ConsoleError('invalid_input', reason);
}
