/**
 * Draws the two Teams app icons (appPackage/color.png and appPackage/outline.png) and owns what we
 * know about PNG files: writing them with Node's zlib only, and reading their header back.
 *
 * Run with `tsx scripts/make-icons.ts`; the outputs are committed, so this only runs when the mark changes.
 */
import { crc32, deflateSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The icons a Teams app package carries, keyed as in the manifest's `icons` object. */
export const ICON_SPECS = {
  /** Full colour, opaque, with the mark inside the central 96×96 so hosts that crop it keep the mark. */
  color: { size: 192, transparent: false, markBox: { from: 48, to: 144 } },
  /** White mark on a fully transparent background. */
  outline: { size: 32, transparent: true, markBox: { from: 2, to: 30 } },
} as const;

export type IconRole = keyof typeof ICON_SPECS;
export const ICON_ROLES = Object.keys(ICON_SPECS) as IconRole[];

/** PNG colour types we write: 2 = RGB, 6 = RGBA. */
export const PNG_COLOR_TYPE = { rgb: 2, rgba: 6 } as const;

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface RasterImage {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA) bytes per pixel, rows top to bottom. */
  channels: 3 | 4;
  pixels: Uint8Array;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
/** Samples per pixel side; 4×4 gives smooth enough edges at 32 px. */
const SUPERSAMPLING = 4;

/** Encodes an 8-bit RGB or RGBA image as a PNG (no filtering; zlib does the compressing). */
export function encodePng(image: RasterImage): Buffer {
  const { width, height, channels, pixels } = image;
  const stride = width * channels;
  if (pixels.length !== stride * height) {
    throw new Error(`expected ${stride * height} bytes of pixels for ${width}×${height}×${channels}, got ${pixels.length}`);
  }
  const scanlines = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each scanline starts with its filter type byte; 0 = none.
    scanlines[y * (stride + 1)] = 0;
    Buffer.from(pixels.buffer, pixels.byteOffset + y * stride, stride).copy(scanlines, y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 4 ? PNG_COLOR_TYPE.rgba : PNG_COLOR_TYPE.rgb;
  // Bytes 10-12 (compression, filter method, interlace) stay 0, the only values PNG defines for the first two.
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanlines, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads width, height, bit depth and colour type from a PNG's IHDR chunk; throws if it is not a PNG. */
export function readPngHeader(png: Buffer): PngHeader {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG file (signature missing)');
  }
  if (png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a valid PNG file (first chunk is not IHDR)');
  }
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png[24],
    colorType: png[25],
  };
}

/** Draws one icon: the PSEB mark in white on the accent colour (color) or on transparency (outline). */
export function drawIcon(role: IconRole, accent: Rgb): RasterImage {
  const spec = ICON_SPECS[role];
  const channels = spec.transparent ? 4 : 3;
  const pixels = new Uint8Array(spec.size * spec.size * channels);
  const boxSize = spec.markBox.to - spec.markBox.from;
  for (let y = 0; y < spec.size; y++) {
    for (let x = 0; x < spec.size; x++) {
      const coverage = markCoverage((px) => (px - spec.markBox.from) / boxSize, x, y);
      const offset = (y * spec.size + x) * channels;
      if (spec.transparent) {
        pixels.set([...WHITE, Math.round(255 * coverage)], offset);
      } else {
        pixels.set(
          accent.map((c, i) => Math.round(c + (WHITE[i] - c) * coverage)),
          offset,
        );
      }
    }
  }
  return { width: spec.size, height: spec.size, channels, pixels };
}

/** Parses `#rrggbb`. */
export function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

/** Fraction (0..1) of the pixel at (x, y) covered by the mark, sampled on a SUPERSAMPLING² grid. */
function markCoverage(toMarkBox: (px: number) => number, x: number, y: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy++) {
    for (let sx = 0; sx < SUPERSAMPLING; sx++) {
      const u = toMarkBox(x + (sx + 0.5) / SUPERSAMPLING);
      const v = toMarkBox(y + (sy + 0.5) / SUPERSAMPLING);
      if (isInMark(u, v)) inside++;
    }
  }
  return inside / SUPERSAMPLING ** 2;
}

/**
 * The mark, in a unit box: a speech bubble (the desk answers questions) with three "typing" dots cut out
 * (someone is on it). Kept deliberately plain so it reads at 32 px.
 */
function isInMark(u: number, v: number): boolean {
  const inBubble =
    inRoundedRect(u, v, { left: 0, top: 0.06, right: 1, bottom: 0.74, radius: 0.2 }) ||
    inTriangle(u, v, [0.2, 0.7], [0.46, 0.7], [0.16, 0.96]);
  const inDot = [0.26, 0.5, 0.74].some((cx) => (u - cx) ** 2 + (v - 0.4) ** 2 <= 0.085 ** 2);
  return inBubble && !inDot;
}

function inRoundedRect(u: number, v: number, r: { left: number; top: number; right: number; bottom: number; radius: number }): boolean {
  if (u < r.left || u > r.right || v < r.top || v > r.bottom) return false;
  const dx = Math.max(r.left + r.radius - u, 0, u - (r.right - r.radius));
  const dy = Math.max(r.top + r.radius - v, 0, v - (r.bottom - r.radius));
  return dx * dx + dy * dy <= r.radius * r.radius;
}

function inTriangle(u: number, v: number, a: readonly number[], b: readonly number[], c: readonly number[]): boolean {
  const side = (p: readonly number[], q: readonly number[]) => (q[0] - p[0]) * (v - p[1]) - (q[1] - p[1]) * (u - p[0]);
  const [s1, s2, s3] = [side(a, b), side(b, c), side(c, a)];
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

interface IconSource {
  accentColor: string;
  icons: Record<IconRole, string>;
}

/** Writes both icons into `appPackageDir`, taking file names and the accent colour from its manifest.json. */
export function writeIcons(appPackageDir: string): string[] {
  // The manifest is the one place that names the icon files and the brand colour.
  const manifest = JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8')) as IconSource;
  const accent = parseHexColor(manifest.accentColor);
  return ICON_ROLES.map((role) => {
    const file = join(appPackageDir, manifest.icons[role]);
    writeFileSync(file, encodePng(drawIcon(role, accent)));
    return file;
  });
}

if (require.main === module) {
  const written = writeIcons(join(__dirname, '..', 'appPackage'));
  for (const file of written) console.log(`wrote ${file}`);
}
