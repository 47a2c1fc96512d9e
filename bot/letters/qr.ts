/** The QR code printed on a letter: the verification URL, as a PNG. */
import QRCode from 'qrcode';

/** A PNG of the QR code for `text`; medium error correction survives a crumpled print-out. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}
