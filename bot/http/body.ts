/**
 * The one body reader for every route (instead of restify's bodyParser, which limits compressed bytes
 * and parses multipart into temp files on every route). It:
 * - runs an optional gate first (authentication), before a single byte of the body is read;
 * - accepts Content-Encoding identity, gzip and deflate only (415 otherwise), inflating while it
 *   streams and stopping at the limit on the *inflated* size (413) — compressed bytes count too;
 * - parses JSON after an iterative nesting-depth check (400), url-encoded forms and text, and makes
 *   every string storable (no NUL, no lone surrogate) so no route hands the database a 500;
 * - parses multipart/form-data in memory, only on the routes that take uploads (415 elsewhere).
 */
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Next } from 'restify';
import type { Logger } from '../logger';
import { sendError } from './safe';
import { storableJson, storableText } from '../reliability/sanitize';

/** Largest body accepted on any route, after decompression. */
export const MAX_BODY_BYTES = 512 * 1024;
/** Deepest JSON nesting accepted (an Adaptive Card submit nests a handful of levels). */
export const MAX_JSON_DEPTH = 64;
/** Bytes of a refused body we still read and discard so the client sees our answer, before dropping the connection. */
const MAX_DISCARD_BYTES = 8 * 1024 * 1024;

/** Why a body is not read: an HTTP status and a stable error code. */
export class BodyRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 411 | 413 | 415,
    readonly code: string,
  ) {
    super(code);
    this.name = 'BodyRefusal';
  }
}

/** A file part of a multipart body, held in memory. */
export interface UploadedPart {
  field: string;
  name: string;
  type: string;
  bytes: Buffer;
}

export interface BodyReaderOptions {
  maxBytes?: number;
  maxDepth?: number;
  /** Route paths (as mounted, e.g. `/x/:id/upload`) that accept multipart/form-data. */
  multipartRoutes?: ReadonlySet<string>;
  /** Runs before the body is read; a refusal is answered and the body never read. */
  gate?: (req: Request) => Promise<BodyRefusal | undefined>;
  logger: Logger;
}

const uploads = new WeakMap<object, UploadedPart[]>();

/** The files of a multipart request (empty for any other). */
export function uploadedParts(req: object): UploadedPart[] {
  return uploads.get(req) ?? [];
}

/** The restify handler. */
export function bodyReader(options: BodyReaderOptions): (req: Request, res: Response, next: Next) => void {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return (req, res, next) => {
    read(req)
      .then(() => next())
      .catch((err: unknown) => {
        if (!(err instanceof BodyRefusal)) {
          options.logger.error({ err, route: req.getRoute?.()?.path }, 'request body could not be read');
          err = new BodyRefusal(400, 'invalid_body');
        }
        const refusal = err as BodyRefusal;
        if (!req.complete) res.setHeader('connection', 'close');
        sendError(res, refusal.status, refusal.code);
        discard(req);
        next(false);
      });
  };

  async function read(req: Request): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || !hasBody(req)) {
      req.body = undefined;
      return;
    }
    const refused = await options.gate?.(req);
    if (refused) throw refused;
    const type = mediaType(req.headers['content-type']);
    const multipart = type.essence === 'multipart/form-data';
    if (multipart && !options.multipartRoutes?.has(String(req.getRoute?.()?.path ?? '')))
      throw new BodyRefusal(415, 'multipart_not_accepted');
    if (!multipart && !isParsedType(type.essence)) throw new BodyRefusal(415, 'unsupported_media_type');
    if (type.charset && !['utf-8', 'utf8', 'us-ascii'].includes(type.charset)) throw new BodyRefusal(415, 'unsupported_charset');
    const bytes = await readLimited(req, contentEncoding(req.headers['content-encoding']), maxBytes);
    if (multipart) {
      const form = await parseMultipart(bytes, String(req.headers['content-type']));
      req.body = form.fields;
      uploads.set(req, form.files);
      return;
    }
    // Every route gets text the database can store: no NUL, no lone surrogates (bounded by the depth check).
    const text = bytes.toString('utf8');
    if (type.essence === 'application/x-www-form-urlencoded') req.body = storableJson(Object.fromEntries(new URLSearchParams(text)));
    else if (type.essence.startsWith('text/')) req.body = storableText(text);
    else req.body = storableJson(parseJson(text, maxDepth));
  }
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The media type's essence (lower case, no parameters) and its charset, if given. */
export function mediaType(header: string | undefined): { essence: string; charset?: string } {
  const [essence, ...params] = (header ?? '').split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p)?.[1]).find(Boolean);
  return { essence: essence.trim().toLowerCase(), charset: charset?.toLowerCase() };
}

function isParsedType(essence: string): boolean {
  return (
    essence === 'application/json' ||
    /^application\/[a-z0-9.+-]+\+json$/.test(essence) ||
    essence === 'application/x-www-form-urlencoded' ||
    essence === 'text/plain'
  );
}

export type Encoding = 'identity' | 'gzip' | 'deflate';

/** The one content coding we undo; anything else (br, stacked codings) is a 415. */
export function contentEncoding(header: string | string[] | undefined): Encoding {
  const value = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim().toLowerCase();
  if (value === '' || value === 'identity') return 'identity';
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  throw new BodyRefusal(415, 'unsupported_encoding');
}

/**
 * Reads the body, inflating it as it arrives; stops at `maxBytes` of raw or inflated bytes with a 413,
 * so a small bomb never becomes a large buffer.
 */
export function readLimited(req: IncomingMessage, encoding: Encoding, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyRefusal(413, 'too_large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let raw = 0;
    let inflated = 0;
    let settled = false;
    const inflater: Gunzip | Inflate | undefined =
      encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : undefined;

    const settle = (err: BodyRefusal | undefined) => {
      if (settled) return;
      settled = true;
      req.off('data', onRaw);
      req.off('end', onRawEnd);
      req.off('aborted', onAborted);
      req.off('error', onAborted);
      inflater?.destroy();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks));
    };
    const onBytes = (chunk: Buffer) => {
      if (settled) return;
      inflated += chunk.length;
      if (inflated > maxBytes) return settle(new BodyRefusal(413, 'too_large'));
      chunks.push(chunk);
    };
    const onRaw = (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > maxBytes) return settle(new BodyRefusal(413, 'too_large'));
      if (inflater) inflater.write(chunk);
      else onBytes(chunk);
    };
    const onRawEnd = () => {
      if (inflater) inflater.end();
      else settle(undefined);
    };
    const onAborted = () => settle(new BodyRefusal(400, 'aborted'));
    if (inflater) {
      inflater.on('data', onBytes);
      inflater.on('end', () => settle(undefined));
      inflater.on('error', () => settle(new BodyRefusal(400, 'invalid_encoding')));
    }
    req.on('data', onRaw);
    req.on('end', onRawEnd);
    req.on('aborted', onAborted);
    req.on('error', onAborted);
  });
}

/** Reads and drops the rest of a refused body, up to a bound, then drops the connection. */
function discard(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > MAX_DISCARD_BYTES) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

/** The deepest nesting of arrays and objects in a JSON text, counted without recursion. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** Parses a JSON body: empty is undefined, too deep or malformed is a 400. */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (text.trim() === '') return undefined;
  if (jsonDepth(text, maxDepth) > maxDepth) throw new BodyRefusal(400, 'too_deep');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyRefusal(400, 'invalid_json');
  }
}

/** Parses multipart/form-data held in memory: text fields and file parts. */
async function parseMultipart(bytes: Buffer, contentType: string): Promise<{ fields: Record<string, string>; files: UploadedPart[] }> {
  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(bytes)]), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new BodyRefusal(400, 'invalid_multipart');
  }
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const files: UploadedPart[] = [];
  const entries: [string, string | (Blob & { name?: string })][] = [];
  form.forEach((value, field) => entries.push([field, value]));
  for (const [field, value] of entries) {
    if (typeof value === 'string') fields[field] = storableText(value);
    else files.push({ field, name: value.name ?? '', type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return { fields, files };
}
