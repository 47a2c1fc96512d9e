/** The QR code printed on a letter: the verification URL, as dark modules the PDF draws as vector shapes. */
import QRCode from 'qrcode';

/** A horizontal run of dark modules. */
export interface QrRun {
  readonly row: number;
  readonly column: number;
  readonly length: number;
}

export interface QrCode {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly runs: readonly QrRun[];
}

/** Light modules printed around the code (the quiet zone scanners need). */
export const QR_QUIET_ZONE = 2;

/**
 * The QR code for `text`; medium error correction survives a crumpled print-out. Drawn as vector shapes, it stays
 * sharp at any print size, and no PNG is encoded for every letter (pngjs tried all five row filters per row: about
 * 0.3 s of CPU per letter).
 */
export function qrCode(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column += 1;
      runs.push({ row, column: start, length: column - start });
    }
  }
  return { size: modules.size, runs };
}
