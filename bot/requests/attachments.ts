/**
 * Reads an agent list attached as a CSV file. Web Chat uploads through our Direct Line arrive as
 * `data:` URLs; other channels give an http(s) URL, fetched with a size cap and a timeout so a huge
 * or stalled file cannot hold a turn. A file sent in a Teams personal chat arrives as
 * `application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is a short-lived,
 * pre-authenticated SharePoint / OneDrive link.
 */
import type { Attachment } from 'botbuilder';

/** Largest CSV accepted: 500 agents of generous rows fit many times over. */
export const MAX_CSV_BYTES = 256 * 1024;
/** How long an http(s) download may take. */
export const CSV_FETCH_TIMEOUT_MS = 10_000;

export type CsvReadResult = { ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'unreadable' };

export interface CsvReadOptions {
  maxBytes?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Whether a download URL may be fetched. The URL comes from the user's message, so an open fetch would
   * let anyone make the bot call internal addresses (cloud metadata, the database host): by default only
   * https downloads from the Bot Framework's own attachment hosts are allowed.
   */
  allowUrl?: (url: URL) => boolean;
}

/**
 * Attachment hosts of the Bot Framework channels (Azure Direct Line, Web Chat, Emulator uploads) and of
 * Microsoft 365 files Teams hands over (SharePoint / OneDrive for Business, commercial and government clouds).
 */
const channelAttachmentHost = /(^|\.)(botframework\.com|botframework\.azure\.us|sharepoint\.com|sharepoint\.us|sharepoint-mil\.us)$/i;

/** The default download rule: https on a Bot Framework or Microsoft 365 file host. */
export function isChannelAttachmentUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.port === '' && channelAttachmentHost.test(url.hostname);
}

/** The content type of a file a user sent in a Teams personal chat. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** The download link of a Teams file attachment, if it is one. */
export function teamsDownloadUrl(attachment: Pick<Attachment, 'contentType' | 'content'>): string | undefined {
  if ((attachment.contentType ?? '').toLowerCase() !== TEAMS_FILE_DOWNLOAD_INFO) return undefined;
  const content = attachment.content as { downloadUrl?: unknown } | undefined;
  return typeof content?.downloadUrl === 'string' ? content.downloadUrl : undefined;
}

/** True for an attachment that is a CSV file (by content type, by file name, or a Teams file of type csv). */
export function isCsvAttachment(attachment: Pick<Attachment, 'contentType' | 'name' | 'content'>): boolean {
  const type = (attachment.contentType ?? '').toLowerCase();
  if (type === TEAMS_FILE_DOWNLOAD_INFO) {
    const fileType = (attachment.content as { fileType?: unknown } | undefined)?.fileType;
    return (typeof fileType === 'string' && fileType.toLowerCase() === 'csv') || /\.csv$/i.test(attachment.name ?? '');
  }
  return type === 'text/csv' || type === 'application/csv' || /\.csv$/i.test(attachment.name ?? '');
}

/** The first CSV attachment of a message that says where to read it, if any. */
export function csvAttachmentOf(attachments: readonly Attachment[] | undefined): Attachment | undefined {
  return (attachments ?? []).find((a) => isCsvAttachment(a) && typeof (teamsDownloadUrl(a) ?? a.contentUrl) === 'string');
}

/** Reads the attachment's text (UTF-8), refusing anything over the cap. */
export async function readCsvAttachment(attachment: Attachment, options: CsvReadOptions = {}): Promise<CsvReadResult> {
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const teamsUrl = teamsDownloadUrl(attachment);
  const url = teamsUrl ?? attachment.contentUrl ?? '';
  // A Teams file is only ever a download link, never inline data.
  if (url.startsWith('data:') && !teamsUrl) return decodeDataUrl(url, maxBytes);
  if (!/^https?:\/\//i.test(url)) return { ok: false, reason: 'unreadable' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!(options.allowUrl ?? isChannelAttachmentUrl)(parsed)) return { ok: false, reason: 'unreadable' };
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? CSV_FETCH_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok || !response.body) return { ok: false, reason: 'unreadable' };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body.cancel();
      return { ok: false, reason: 'tooLarge' };
    }
    return await readCapped(response.body, maxBytes);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** Decodes `data:[type][;base64],payload`. */
function decodeDataUrl(url: string, maxBytes: number): CsvReadResult {
  const comma = url.indexOf(',');
  if (comma < 0) return { ok: false, reason: 'unreadable' };
  const meta = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  // Base64 is 4 characters per 3 bytes; checked before decoding so a huge URL is never expanded.
  if (payload.length > Math.ceil((maxBytes * 4) / 3) + 4) return { ok: false, reason: 'tooLarge' };
  let bytes: Buffer;
  try {
    bytes = /;base64$/i.test(meta) ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (bytes.length > maxBytes) return { ok: false, reason: 'tooLarge' };
  return { ok: true, text: bytes.toString('utf8') };
}

/** Reads a body stream, stopping as soon as it passes the cap. */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<CsvReadResult> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'tooLarge' };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
