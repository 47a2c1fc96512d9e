/**
 * PDF and QR readers for the letter tests: poppler's pdftotext / pdftoppm and jsQR. The poppler
 * tools run asynchronously: the app under test shares this process, and a blocked event loop would let
 * its keep-alive connections expire under the test's HTTP client (ECONNRESET on the next request).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { ARTIFACTS_DIR } from '../../helpers/artifacts';

const run = promisify(execFile);

/** The PDF written to a new temporary folder, for the poppler tools; returns its path. */
function pdfOnDisk(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'letter-')), 'letter.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** The PDF's text as pdftotext reads it, bidi marks removed. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const file = pdfOnDisk(pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return stdout.replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}

/** Number of pages, from pdfinfo. */
export async function pdfPages(pdf: Buffer): Promise<number> {
  const file = pdfOnDisk(pdf);
  const { stdout: info } = await run('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Renders page 1 to PNG (pdftoppm) and keeps it in test-artifacts/ as `name`.png, for people to look at; returns its path. */
export async function renderPng(pdf: Buffer, name: string, dpi = 150): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const base = path.join(ARTIFACTS_DIR, name);
  writeFileSync(`${base}.pdf`, pdf);
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', `${base}.pdf`, base]);
  return `${base}.png`;
}

/**
 * The text of the QR code on page 1, or null. The page is rendered in grey to memory (a binary PGM): decoding a
 * page-sized PNG in JavaScript cost more than finding the code in it. Rendered at 150 dpi, as the PNG kept for people.
 */
export async function readQrCode(pdf: Buffer, dpi = 150): Promise<string | null> {
  const file = pdfOnDisk(pdf);
  const { stdout } = await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  const { width, height, grey } = parsePgm(stdout);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < grey.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i] as number;
    rgba[i * 4 + 3] = 255;
  }
  // Printed dark on light: the inverted image need not be searched as well.
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** A binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
function parsePgm(bytes: Buffer): { width: number; height: number; grey: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm -gray did not write an 8-bit PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const grey = bytes.subarray(header[0].length, header[0].length + width * height);
  if (grey.length !== width * height) throw new Error(`PGM holds ${grey.length} of ${width * height} pixels`);
  return { width, height, grey };
}

/** Text compared without whitespace: pdftotext may split or join words of a shaped Urdu line. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
