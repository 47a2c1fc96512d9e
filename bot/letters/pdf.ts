/**
 * The one-page approval letter, English and Urdu side by side. Latin text is set in Helvetica; Urdu in
 * Amiri (shipped by @fontsource/amiri), laid out as whole lines so fontkit shapes it (joined letters)
 * and orders it right to left. Urdu strings on the letter hold no digits or Latin, which a single
 * right-to-left run would reverse.
 */
import PDFDocument from 'pdfkit';
import type { Translate } from '../i18n';
import { letterDate, type LetterData } from './letter';
import { QR_QUIET_ZONE, qrCode, type QrCode } from './qr';
import type { LetterFonts } from './shaping';

const URDU = 'urdu';
const URDU_BOLD = 'urdu-bold';
/** fontkit shapes a run as one piece only when features are named; otherwise pdfkit lays words out left to right. */
const shaped = { features: ['rlig', 'calt', 'liga'] as PDFKit.Mixins.OpenTypeFeatures[] };
const arabicScript = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const GREEN = '#01411c';
const QR_SIZE = 112;
/** Where the verification block at the foot of the page starts; the agent table stops above it. */
const FOOT_TOP = PAGE.height - PAGE.margin - QR_SIZE - 32;
const AGENT_ROW = 13;

export interface LetterTranslations {
  en: Translate;
  ur: Translate;
}

/** Renders the letter as a PDF; `fonts` (loadLetterFonts) are shared by every letter a service renders. */
export async function renderLetterPdf(data: LetterData, tr: LetterTranslations, fonts: LetterFonts): Promise<Buffer> {
  const qr = qrCode(data.verifyUrl);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: `${tr.en('letters:pdf.title.' + data.kind)} ${data.reference}`,
      Author: tr.en('letters:pdf.board'),
      Subject: data.reference,
    },
    lang: 'en',
  });
  // pdfkit accepts a fontkit font object as a source (its types name only files and buffers).
  doc.registerFont(URDU, fonts.urdu as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(URDU_BOLD, fonts.urduBold as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new LetterLayout(doc, tr).draw(data, qr);
  doc.end();
  return done;
}

class LetterLayout {
  private readonly left = PAGE.margin;
  private readonly right = PAGE.width - PAGE.margin;
  private readonly width = PAGE.width - 2 * PAGE.margin;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly tr: LetterTranslations,
  ) {}

  draw(data: LetterData, qr: QrCode): void {
    const { en, ur } = this.tr;
    this.header();
    this.pair(en(`letters:pdf.title.${data.kind}`), ur(`letters:pdf.title.${data.kind}`), 14, true);
    this.gap(4);
    this.doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor(INK)
      .text(en(`letters:pdf.body.${data.kind}`), this.left, this.doc.y, { width: this.width });
    this.gap(3);
    this.urdu(ur(`letters:pdf.body.${data.kind}`), this.left, this.doc.y, this.width, 11);
    this.gap(8);

    const facts: [string, string][] = [
      ['reference', data.reference],
      ['company', data.companyName],
      ['ntn', data.ntn],
      ...(data.kind === 'whitelisting' ? ([['city', data.city ?? '']] as [string, string][]) : []),
      ['validity', en('letters:pdf.validity', { from: letterDate(data.validFrom), until: letterDate(data.validUntil) })],
      ['officer', data.officer ?? en('letters:pdf.officerUnknown')],
      ['issued', letterDate(data.issuedAt)],
    ];
    if (data.kind === 'whitelisting') facts.push(['ips', data.ipAddresses.join(', ')]);
    for (const [key, value] of facts) this.fact(key, value);
    if (data.kind === 'wfh') this.agents(data);
    this.verification(data, qr);
  }

  private header(): void {
    const { en, ur } = this.tr;
    const doc = this.doc;
    const top = PAGE.margin;
    doc.rect(0, 0, PAGE.width, 8).fill(GREEN);
    doc
      .font('Helvetica-Bold')
      .fontSize(15)
      .fillColor(GREEN)
      .text(en('letters:pdf.board'), this.left, top, { width: this.width / 2 });
    this.urdu(ur('letters:pdf.board'), this.left + this.width / 2, top - 4, this.width / 2, 16, true, GREEN);
    const second = top + 24;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(en('letters:pdf.group'), this.left, second, { width: this.width / 2 });
    this.urdu(ur('letters:pdf.group'), this.left + this.width / 2, second - 3, this.width / 2, 10, false, MUTED);
    const rule = Math.max(doc.y, second + 26);
    doc.moveTo(this.left, rule).lineTo(this.right, rule).lineWidth(1).strokeColor(GREEN).stroke();
    doc.y = rule + 12;
  }

  /** An English line on the left and its Urdu on the right, on the same baseline. */
  private pair(english: string, urdu: string, size: number, bold: boolean): void {
    const y = this.doc.y;
    this.doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .fillColor(INK)
      .text(english, this.left, y, { width: this.width / 2 });
    const after = this.doc.y;
    this.urdu(urdu, this.left + this.width / 2, y - 3, this.width / 2, size + 2, bold);
    this.doc.y = Math.max(after, this.doc.y);
  }

  /** Label (English) · value · label (Urdu). */
  private fact(key: string, value: string): void {
    const { en, ur } = this.tr;
    const doc = this.doc;
    const y = doc.y;
    const labelWidth = 120;
    const urduWidth = 110;
    const valueX = this.left + labelWidth;
    const valueWidth = this.width - labelWidth - urduWidth;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(en(`letters:pdf.label.${key}`), this.left, y + 1, { width: labelWidth - 6 });
    const valueBottom = this.value(value, valueX, y, valueWidth);
    this.urdu(ur(`letters:pdf.label.${key}`), this.right - urduWidth, y - 3, urduWidth, 10, false, MUTED);
    doc.y = Math.max(valueBottom, doc.y, y + 16) + 2;
    doc
      .moveTo(this.left, doc.y - 1)
      .lineTo(this.right, doc.y - 1)
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .stroke();
  }

  /** A value in the script it is written in; returns where it ends. */
  private value(text: string, x: number, y: number, width: number): number {
    if (arabicScript.test(text)) {
      this.urdu(text, x, y - 3, width, 11, true);
      return this.doc.y;
    }
    this.doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(text, x, y, { width });
    return this.doc.y;
  }

  private agents(data: LetterData): void {
    const { en, ur } = this.tr;
    const doc = this.doc;
    this.gap(6);
    this.pair(`${en('letters:pdf.label.agents')} (${data.agents.length})`, ur('letters:pdf.label.agents'), 11, true);
    this.gap(2);
    const columns = [
      { key: 'name', x: this.left + 22, width: 220 },
      { key: 'cnic', x: this.left + 250, width: 120 },
      { key: 'city', x: this.left + 378, width: 120 },
    ];
    const head = doc.y;
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED).text('#', this.left, head, { width: 20 });
    for (const c of columns) {
      const english = en(`letters:pdf.column.${c.key}`);
      doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED).text(english, c.x, head, { width: c.width, lineBreak: false });
      const englishWidth = doc.widthOfString(english);
      const label = ur(`letters:pdf.column.${c.key}`);
      doc.font(URDU).fontSize(9);
      doc.text(label, c.x + englishWidth + 8, head - 4, { ...shaped, width: doc.widthOfString(label, shaped) + 2, lineBreak: false });
    }
    doc.y = head + 14;
    // Every row when they all fit; otherwise as many as leave room for the "and N more" lines.
    const room = Math.floor((FOOT_TOP - doc.y) / AGENT_ROW);
    const shown = data.agents.slice(0, data.agents.length <= room ? room : Math.max(0, room - 3));
    shown.forEach((agent, i) => {
      const y = doc.y;
      if (i % 2 === 0) doc.rect(this.left, y - 2, this.width, AGENT_ROW).fill('#f2f5f3');
      doc
        .font('Helvetica')
        .fontSize(8.5)
        .fillColor(INK)
        .text(String(i + 1), this.left, y, { width: 20, lineBreak: false });
      const cells = [agent.fullName, agent.cnic, agent.city];
      columns.forEach((c, j) => {
        if (arabicScript.test(cells[j])) {
          doc
            .font(URDU)
            .fontSize(9)
            .fillColor(INK)
            .text(cells[j], c.x, y - 3, { ...shaped, width: c.width, height: 12, lineBreak: false });
        } else {
          doc
            .font('Helvetica')
            .fontSize(8.5)
            .fillColor(INK)
            .text(cells[j], c.x, y, { width: c.width, height: 11, lineBreak: false, ellipsis: true });
        }
      });
      doc.y = y + AGENT_ROW;
    });
    if (data.agents.length > shown.length) {
      this.gap(2);
      doc
        .font('Helvetica-Oblique')
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(en('letters:pdf.moreAgents', { count: data.agents.length - shown.length }), this.left, doc.y, { width: this.width });
      this.urdu(ur('letters:pdf.moreAgents'), this.left, doc.y, this.width, 9, false, MUTED);
    }
  }

  /** The QR code and the link at the foot of the page, and the footer. */
  private verification(data: LetterData, qr: QrCode): void {
    const { en, ur } = this.tr;
    const doc = this.doc;
    const size = QR_SIZE;
    const top = FOOT_TOP + 10;
    const textWidth = this.width - size - 16;
    doc
      .moveTo(this.left, top - 10)
      .lineTo(this.right, top - 10)
      .lineWidth(1)
      .strokeColor(GREEN)
      .stroke();
    this.qr(qr, this.right - size, top, size);
    doc.font('Helvetica').fontSize(9).fillColor(INK).text(en('letters:pdf.verify'), this.left, top, { width: textWidth });
    this.gap(2);
    doc
      .font('Helvetica-Bold')
      .fontSize(8.5)
      .fillColor(GREEN)
      .text(data.verifyUrl, this.left, doc.y, { width: textWidth, link: data.verifyUrl });
    this.gap(4);
    this.urdu(ur('letters:pdf.verify'), this.left, doc.y, textWidth, 10.5);
    this.gap(4);
    doc.font('Helvetica-Oblique').fontSize(8).fillColor(MUTED).text(en('letters:pdf.footer'), this.left, doc.y, { width: textWidth });
    this.urdu(ur('letters:pdf.footer'), this.left, doc.y, textWidth, 9.5, false, MUTED);
  }

  /** Urdu text, right-aligned in its box, shaped as whole lines. */
  private urdu(text: string, x: number, y: number, width: number, size: number, bold = false, color = INK): void {
    this.doc
      .font(bold ? URDU_BOLD : URDU)
      .fontSize(size)
      .fillColor(color)
      .text(text, x, y, { ...shaped, width, align: 'right' });
  }

  /** The QR code as filled rectangles, one per run of dark modules, in a `size`-point square at (x, y) with its quiet zone. */
  private qr(code: QrCode, x: number, y: number, size: number): void {
    const cell = size / (code.size + 2 * QR_QUIET_ZONE);
    for (const run of code.runs) {
      this.doc.rect(x + (QR_QUIET_ZONE + run.column) * cell, y + (QR_QUIET_ZONE + run.row) * cell, run.length * cell, cell);
    }
    this.doc.fillColor('black').fill();
  }

  private gap(points: number): void {
    this.doc.y += points;
  }
}
