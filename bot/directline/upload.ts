/**
 * File upload (Direct Line's multipart `/upload`): one CSV file — the call centre's agent list — and
 * optionally the activity it belongs to. The file reaches the bot inline as a `data:` URL, so nothing
 * outside the database holds it and the bot never fetches a URL.
 */
import path from 'node:path';
import { storableText } from '../reliability/sanitize';
import type { UploadedPart } from '../http/body';

/**
 * Largest upload request, refused before its body is read. No larger than the body reader's limit
 * (MAX_BODY_BYTES in bot/http/body.ts), so no file we let through is cut off by the reader with a bare
 * 413 before our own checks — a test holds the two together. Uploads are parsed in memory: no temp files.
 */
export const MAX_UPLOAD_REQUEST_BYTES = 512 * 1024;
/** Largest file accepted: the request limit less room for the multipart framing and the activity part. */
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_REQUEST_BYTES - 64 * 1024;

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
  const base = path
    .basename((name ?? '').replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  // Cleaned after the cut, which may split a surrogate pair.
  return storableText((base || 'upload.csv').slice(0, 128));
}

/** Splits the uploaded parts into the activity part and the uploaded files. */
export function splitParts(parts: UploadedPart[]): { activity?: UploadedPart; uploads: UploadedPart[] } {
  const uploads: UploadedPart[] = [];
  let activity: UploadedPart | undefined;
  for (const part of parts) {
    if (part.field === 'activity') activity = part;
    else uploads.push(part);
  }
  return { activity, uploads };
}

/** Reads the activity part (JSON), if any. */
export function readActivityPart(part: UploadedPart | undefined): unknown {
  if (!part) return { type: 'message' };
  if (part.bytes.length > 64 * 1024) return undefined;
  try {
    return JSON.parse(part.bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns the one uploaded CSV into an attachment, or names what is wrong. */
export function toCsvAttachment(uploads: UploadedPart[]): CsvAttachment | UploadProblem {
  if (uploads.length === 0) return 'no_file';
  if (uploads.length > 1) return 'too_many_files';
  const [file] = uploads;
  if (file.bytes.length > MAX_UPLOAD_BYTES) return 'too_large';
  const name = safeFileName(file.name);
  if (!isCsvFile(name, file.type ?? '')) return 'not_csv';
  return { contentType: 'text/csv', contentUrl: `data:text/csv;base64,${file.bytes.toString('base64')}`, name };
}
