/**
 * File upload (Direct Line's multipart `/upload`): one CSV file — the call centre's agent list — and
 * optionally the activity it belongs to. The file reaches the bot inline as a `data:` URL, so nothing
 * outside the database holds it and the bot never fetches a URL.
 */
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { storableText } from '../reliability/sanitize';

/**
 * Largest upload request, refused before its body is read. No larger than the server's multipart file
 * limit (MAX_BODY_BYTES in bot/server.ts), so no file we let through is cut off by the parser with a bare
 * 400 instead of our 413 — a test holds the two together.
 */
export const MAX_UPLOAD_REQUEST_BYTES = 512 * 1024;
/** Largest file accepted: the request limit less room for the multipart framing and the activity part. */
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_REQUEST_BYTES - 64 * 1024;

/** The subset of a formidable file restify hands us. */
export interface UploadedFile {
  path: string;
  name?: string | null;
  type?: string | null;
  size: number;
}

export interface CsvAttachment {
  contentType: 'text/csv';
  contentUrl: string;
  name: string;
}

export type UploadProblem = 'no_file' | 'too_many_files' | 'too_large' | 'not_csv' | 'invalid_activity';

/** Browsers label .csv files variously (Excel installs make it application/vnd.ms-excel). */
const csvTypes = new Set(['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream', '']);

/** Whether a file looks like a CSV by name and declared type. */
export function isCsvFile(name: string, type: string): boolean {
  return /\.(csv|txt)$/i.test(name) && csvTypes.has(type.toLowerCase().split(';')[0].trim());
}

/** A file name safe to show and store: no folders, no control characters or lone surrogates, at most 128 characters. */
export function safeFileName(name: string | null | undefined): string {
  const base = path.basename((name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  // Cleaned after the cut, which may split a surrogate pair.
  return storableText((base || 'upload.csv').slice(0, 128));
}

/** Splits restify's `req.files` into the activity part and the uploaded files. */
export function splitParts(files: unknown): { activity?: UploadedFile; uploads: UploadedFile[] } {
  const parts = (files && typeof files === 'object' ? files : {}) as Record<string, UploadedFile | UploadedFile[]>;
  const uploads: UploadedFile[] = [];
  let activity: UploadedFile | undefined;
  for (const [field, value] of Object.entries(parts)) {
    for (const file of Array.isArray(value) ? value : [value]) {
      if (field === 'activity') activity = file;
      else uploads.push(file);
    }
  }
  return { activity, uploads };
}

/** Reads the activity part (JSON), if any. */
export async function readActivityPart(part: UploadedFile | undefined): Promise<unknown> {
  if (!part) return { type: 'message' };
  if (part.size > 64 * 1024) return undefined;
  try {
    return JSON.parse(await readFile(part.path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Turns the one uploaded CSV into an attachment, or names what is wrong. */
export async function toCsvAttachment(uploads: UploadedFile[]): Promise<CsvAttachment | UploadProblem> {
  if (uploads.length === 0) return 'no_file';
  if (uploads.length > 1) return 'too_many_files';
  const [file] = uploads;
  if (file.size > MAX_UPLOAD_BYTES) return 'too_large';
  const name = safeFileName(file.name);
  if (!isCsvFile(name, file.type ?? '')) return 'not_csv';
  const bytes = await readFile(file.path);
  if (bytes.length > MAX_UPLOAD_BYTES) return 'too_large';
  return { contentType: 'text/csv', contentUrl: `data:text/csv;base64,${bytes.toString('base64')}`, name };
}

/** Deletes the temporary files the multipart parser wrote. */
export async function removeParts(files: unknown): Promise<void> {
  const { activity, uploads } = splitParts(files);
  await Promise.all([activity, ...uploads].filter((f): f is UploadedFile => Boolean(f?.path)).map((f) => unlink(f.path).catch(() => undefined)));
}
