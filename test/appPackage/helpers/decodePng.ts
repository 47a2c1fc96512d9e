import { inflateSync } from 'node:zlib';
import { readPngHeader, type RasterImage } from '../../../scripts/make-icons';

/** Decodes a non-interlaced 8-bit RGB or RGBA PNG into pixels, undoing all five scanline filters. */
export function decodePng(png: Buffer): RasterImage {
  const header = readPngHeader(png);
  if (header.bitDepth !== 8 || (header.colorType !== 2 && header.colorType !== 6)) {
    throw new Error(`test decoder handles 8-bit RGB/RGBA only, got depth ${header.bitDepth} type ${header.colorType}`);
  }
  const channels = header.colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(chunks(png, 'IDAT')));
  const stride = header.width * channels;
  const pixels = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      const value = raw[y * (stride + 1) + 1 + i];
      pixels[y * stride + i] = (value + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return { width: header.width, height: header.height, channels, pixels };
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter type ${filter}`);
  }
}

function chunks(png: Buffer, type: string): Buffer[] {
  const found: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === type) found.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return found;
}

/** The RGBA (or RGB) values of one pixel. */
export function pixelAt(image: RasterImage, x: number, y: number): number[] {
  const offset = (y * image.width + x) * image.channels;
  return [...image.pixels.subarray(offset, offset + image.channels)];
}
