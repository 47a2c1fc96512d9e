import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawIcon, encodePng, ICON_SPECS, parseHexColor, readPngHeader } from '../../scripts/make-icons';
import { checkIcon } from '../../scripts/package-teams';
import { decodePng, pixelAt } from './helpers/decodePng';
import { appPackageDir, readTemplate } from './helpers/appPackage';

const template = readTemplate() as { accentColor: string; icons: { color: string; outline: string } };
const accent = parseHexColor(template.accentColor);
const readIcon = (role: 'color' | 'outline') => readFileSync(join(appPackageDir, template.icons[role]));

describe('committed icons', () => {
  it('are 192×192 (colour) and 32×32 (outline)', () => {
    expect(readPngHeader(readIcon('color'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(readIcon('outline'))).toMatchObject({ width: 32, height: 32 });
  });

  it('are what scripts/make-icons.ts draws today, so the script and the files cannot drift apart', () => {
    expect(decodePng(readIcon('color')).pixels).toEqual(drawIcon('color', accent).pixels);
    expect(decodePng(readIcon('outline')).pixels).toEqual(drawIcon('outline', accent).pixels);
  });

  it('colour icon is opaque, on the manifest accent colour, with a white mark in the middle', () => {
    const color = decodePng(readIcon('color'));
    expect(color.channels).toBe(3);
    expect(pixelAt(color, 0, 0)).toEqual([...accent]);
    expect(pixelAt(color, 191, 191)).toEqual([...accent]);
    const pixels = Array.from({ length: 192 * 192 }, (_, i) => pixelAt(color, i % 192, Math.floor(i / 192)));
    expect(pixels.some((p) => p.every((c) => c === 255))).toBe(true);
  });

  it('outline icon is white where drawn and fully transparent outside the mark', () => {
    const outline = decodePng(readIcon('outline'));
    expect(outline.channels).toBe(4);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => ({
      x: i % 32,
      y: Math.floor(i / 32),
      rgba: pixelAt(outline, i % 32, Math.floor(i / 32)),
    }));

    const drawn = pixels.filter((p) => p.rgba[3] > 0);
    expect(drawn.every((p) => p.rgba[0] === 255 && p.rgba[1] === 255 && p.rgba[2] === 255)).toBe(true);
    expect(drawn.filter((p) => p.rgba[3] === 255).length).toBeGreaterThan(200);

    const border = pixels.filter((p) => p.x < 2 || p.y < 2 || p.x > 29 || p.y > 29);
    expect(border.map((p) => p.rgba[3])).toEqual(border.map(() => 0));
    // The middle "typing" dot is cut out of the bubble, so the background shows through it.
    expect(pixelAt(outline, 16, Math.floor(2 + 0.4 * 28))[3]).toBe(0);
  });
});

describe('checkIcon', () => {
  const image = (size: number, channels: 3 | 4) =>
    encodePng({ width: size, height: size, channels, pixels: new Uint8Array(size * size * channels) });

  it('accepts icons of the right size and kind', () => {
    expect(checkIcon('color', readIcon('color'), 'color.png')).toEqual([]);
    expect(checkIcon('outline', readIcon('outline'), 'outline.png')).toEqual([]);
  });

  it('names the file and both sizes when an icon has the wrong size', () => {
    expect(checkIcon('color', image(96, 3), 'color.png')).toEqual(['color.png is 96×96; the color icon must be 192×192']);
  });

  it('rejects an outline icon without an alpha channel', () => {
    expect(checkIcon('outline', image(ICON_SPECS.outline.size, 3), 'outline.png')).toEqual([
      expect.stringContaining('outline.png has no alpha channel'),
    ]);
  });

  it('rejects a file that is not a PNG', () => {
    expect(checkIcon('color', Buffer.from('GIF89a not a png at all, padding padding'), 'color.png')).toEqual([
      'color.png: not a PNG file (signature missing)',
    ]);
  });
});
