/**
 * Smaller PGlite dumps for the tests. A dump (an uncompressed tar of the data folder) always carries a whole 16 MB WAL
 * segment, most of it zeros, and every test file that opens a database copies all of it into PGlite's in-memory file
 * system. `compactWal` starts a new segment and checkpoints, so the old segment (the migrations' WAL) is deleted and
 * the new one holds a few records; `trimWalSegments` then cuts each segment after its last written page. PostgreSQL
 * reads a short segment as the end of the WAL and extends the file as it writes.
 */
import type { PGlite } from '@electric-sql/pglite';

const BLOCK = 512;
const WAL_PAGE = 8192;
const WAL_SEGMENT = /(?:^|\/)pg_wal\/[0-9A-F]{24}$/;

/** Moves the cluster to a fresh WAL segment and deletes the old ones (none is kept for recycling). */
export async function compactWal(pglite: PGlite): Promise<void> {
  await pglite.exec('SET wal_recycle = off');
  await pglite.query('SELECT pg_switch_wal()');
  await pglite.exec('CHECKPOINT');
  await pglite.exec('RESET wal_recycle');
}

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** The entry's path: ustar keeps long paths as prefix + name. */
function entryName(header: Uint8Array): string {
  const prefix = field(header, 345, 155);
  const name = field(header, 0, 100);
  return prefix ? `${prefix}/${name}` : name;
}

/** A copy of `header` with another size and the checksum computed again. */
function withSize(header: Uint8Array, size: number): Uint8Array {
  const out = header.slice();
  out.set(new TextEncoder().encode(`${size.toString(8).padStart(11, '0')}\0`), 124);
  out.fill(0x20, 148, 156);
  const sum = out.reduce((total, byte) => total + byte, 0);
  out.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return out;
}

const EMPTY_PAGE = Buffer.alloc(WAL_PAGE);

/** Bytes of a WAL segment up to its last written page, plus one empty page; pages are compared whole, as memory. */
function writtenLength(segment: Uint8Array): number {
  const bytes = Buffer.from(segment.buffer, segment.byteOffset, segment.byteLength);
  // A segment is a whole number of pages; anything else is kept as it is.
  if (bytes.length % WAL_PAGE !== 0) return bytes.length;
  let end = bytes.length;
  while (end > 0 && EMPTY_PAGE.equals(bytes.subarray(end - WAL_PAGE, end))) end -= WAL_PAGE;
  return Math.min(bytes.length, end + WAL_PAGE);
}

/** The dump with every WAL segment cut after its last written page; every other entry is copied unchanged. */
export function trimWalSegments(tar: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (WAL_SEGMENT.test(entryName(header))) {
      const kept = writtenLength(body);
      parts.push(withSize(header, kept), body.subarray(0, kept));
    } else {
      parts.push(tar.subarray(offset, offset + BLOCK + padded));
    }
    offset += BLOCK + padded;
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(parts);
}
