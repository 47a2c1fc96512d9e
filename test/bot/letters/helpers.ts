/**
 * PDF and QR readers for the letter tests: poppler's pdftotext / pdftoppm, pngjs and jsQR. The poppler
 * tools run asynchronously: the app under test shares this process, and a blocked event loop would let
 * its keep-alive connections expire under the test's HTTP client (ECONNRESET on the next request).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';

const run = promisify(execFile);

export const artifactsDir = path.resolve(__dirname, '../../../test-artifacts');

/** The PDF's text as pdftotext reads it, bidi marks removed. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'letter-'));
  const file = path.join(dir, 'letter.pdf');
  writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return stdout.replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}

/** Number of pages, from pdfinfo. */
export async function pdfPages(pdf: Buffer): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'letter-'));
  const file = path.join(dir, 'letter.pdf');
  writeFileSync(file, pdf);
  const { stdout: info } = await run('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Renders page 1 to PNG (pdftoppm) and keeps it in test-artifacts/ as `name`.png. */
export async function renderPng(pdf: Buffer, name: string, dpi = 150): Promise<Buffer> {
  mkdirSync(artifactsDir, { recursive: true });
  const base = path.join(artifactsDir, name);
  writeFileSync(`${base}.pdf`, pdf);
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', `${base}.pdf`, base]);
  return readFileSync(`${base}.png`);
}

/** The text of the QR code in a PNG, or null. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

/** Text compared without whitespace: pdftotext may split or join words of a shaped Urdu line. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
