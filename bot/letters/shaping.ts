/**
 * The letter's Urdu fonts, parsed once and with their OpenType layouts remembered. Shaping Arabic
 * script through Amiri's large GSUB/GPOS tables costs tens of milliseconds per word, and a letter
 * repeats the same fixed strings every time; pdfkit takes a fontkit font object as a font source, so
 * it gets this one. pdfkit scales the positions of a run in place, so every call gets fresh copies.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

/**
 * WOFF 1.0 → plain OpenType (sfnt). fontkit reads WOFF but inflates a table again on every access,
 * which makes embedding a subset take seconds; the plain font is read once.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : raw };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    header.writeUInt32BE(table.tag, 12 + i * 16);
    header.writeUInt32BE(table.checksum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(table.data.length, 24 + i * 16);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** Distinct strings remembered per font; user text (names) would otherwise grow it without end. */
const MAX_CACHED_RUNS = 4000;

/** A fontkit font whose layout() is memoised. */
function memoised(font: fontkit.Font): fontkit.Font {
  const runs = new Map<string, fontkit.GlyphRun>();
  const layout = font.layout.bind(font);
  font.layout = (text, features) => {
    const key = `${JSON.stringify(features ?? null)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_CACHED_RUNS) runs.clear();
      run = layout(text, features);
      runs.set(key, run);
    }
    const positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  return font;
}

export interface LetterFonts {
  urdu: fontkit.Font;
  urduBold: fontkit.Font;
}

const amiriFile = (weight: 400 | 700) => require.resolve(`@fontsource/amiri/files/amiri-arabic-${weight}-normal.woff`);

/** Reads and parses Amiri (shipped by @fontsource/amiri) regular and bold. */
export function loadLetterFonts(): LetterFonts {
  return {
    urdu: memoised(fontkit.create(woffToSfnt(readFileSync(amiriFile(400))))),
    urduBold: memoised(fontkit.create(woffToSfnt(readFileSync(amiriFile(700))))),
  };
}
