/**
 * Text on PDF pages for the claim packet: a cursor that writes headings, wrapped paragraphs and
 * label/value rows down US Letter pages, starting a new page when one is full, and that prints any
 * text a biller can type: characters the embedded font lacks (emoji, scripts it does not cover) are
 * replaced by U+FFFD rather than breaking the PDF.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { rgb } from 'pdf-lib';

/** US Letter, in points. */
export const PAGE_SIZE: [number, number] = [612, 792];
/** Page margin, in points (three quarters of an inch). */
export const MARGIN = 54;
const BODY = 10;
const LEADING = 1.35;
const MUTED = rgb(0.35, 0.35, 0.35);
const REPLACEMENT = '\uFFFD';
const ELLIPSIS = '…';
/** Control characters (tabs, line breaks are handled apart) and lone surrogates. */
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/u;

/**
 * OpenType features switched off: without them fontkit only maps characters to glyphs, five times
 * faster than shaping. Text is normalised to composed form (NFC) first, so accented letters still
 * print as one glyph; scripts that need shaping (Arabic, Indic) print unjoined.
 */
const NO_SHAPING = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom'].map((f) => [f, false]),
);

/** Embeds the packet's font (subset, no shaping) in the PDF being built. */
export async function embedPacketFont(doc: PDFDocument, bytes: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  return doc.embedFont(bytes, { subset: true, features: NO_SHAPING });
}

/**
 * Makes text printable with the font: composed (NFC), characters the font lacks or cannot lay out
 * replaced by U+FFFD (or `?`), control characters and lone surrogates by spaces.
 */
export function printableText(font: PDFFont, text: string): string {
  const known = characterSet(font);
  const fallback = known.has(REPLACEMENT.codePointAt(0)!) ? REPLACEMENT : '?';
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (UNPRINTABLE.test(ch)) out += ' ';
    else out += known.has(ch.codePointAt(0)!) && advanceOf(font, ch) !== undefined ? ch : fallback;
  }
  return out;
}

const CHARACTER_SETS = new WeakMap<PDFFont, ReadonlySet<number>>();
const ADVANCES = new WeakMap<PDFFont, Map<string, number | undefined>>();

function characterSet(font: PDFFont): ReadonlySet<number> {
  let set = CHARACTER_SETS.get(font);
  if (set === undefined) {
    set = new Set(font.getCharacterSet());
    CHARACTER_SETS.set(font, set);
  }
  return set;
}

/**
 * The advance of one character at size 1000, measured once; `undefined` when fontkit fails to lay it
 * out. (Its Universal Shaping Engine, which DejaVu Sans's Tifinagh goes through, needs a regenerator
 * runtime that its bundle lacks, and throws; drawing such a character would break the whole PDF.)
 */
function advanceOf(font: PDFFont, ch: string): number | undefined {
  let advances = ADVANCES.get(font);
  if (advances === undefined) {
    advances = new Map();
    ADVANCES.set(font, advances);
  }
  if (!advances.has(ch)) {
    let advance: number | undefined;
    try {
      advance = font.widthOfTextAtSize(ch, 1000);
    } catch {
      advance = undefined;
    }
    advances.set(ch, advance);
  }
  return advances.get(ch);
}

/**
 * Width of printable text: the sum of each character's advance, measured once per character.
 * (pdf-lib shapes the whole text with fontkit on every call, which is slow for a large font; the
 * sum leaves out kerning, which only narrows text, so lines never overflow.)
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += advanceOf(font, ch) ?? 0;
  return (width * size) / 1000;
}

/**
 * Where the longest run of `chars` from `start` that fits in `width` ends (at least one character
 * further, so that a cut always moves on). One pass: each character is measured once.
 */
function fittingEnd(font: PDFFont, chars: readonly string[], start: number, size: number, width: number): number {
  let used = 0;
  for (let end = start; end < chars.length; end++) {
    used += textWidth(font, chars[end]!, size);
    if (used > width) return Math.max(end, start + 1);
  }
  return chars.length;
}

/**
 * Printable text cut to one line of `width`, ending with "…" when it was cut. Drawing text costs
 * time in its length (fontkit lays it out), so a line repeated on every page must stay short.
 */
export function oneLine(font: PDFFont, text: string, size: number, width: number): string {
  if (textWidth(font, text, size) <= width) return text;
  const chars = Array.from(text);
  return `${chars.slice(0, fittingEnd(font, chars, 0, size, width - textWidth(font, ELLIPSIS, size))).join('')}${ELLIPSIS}`;
}

/** Splits printable text into lines no wider than `width`; words longer than a line are cut. */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of printableText(font, paragraph).split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(font, candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // Cut between characters, never inside a surrogate pair.
      const chars = Array.from(word);
      let start = 0;
      for (let end = fittingEnd(font, chars, start, size, width); end < chars.length; end = fittingEnd(font, chars, start, size, width)) {
        lines.push(chars.slice(start, end).join(''));
        start = end;
      }
      line = chars.slice(start).join('');
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Writes down the pages of a document from the top margin, adding pages as needed. A writer made
 * with `isDryRun` adds and draws nothing: it only counts the pages the same writing would take.
 */
export class PageWriter {
  private readonly doc: PDFDocument;
  private readonly font: PDFFont;
  private readonly isDryRun: boolean;
  private page: PDFPage | undefined;
  private y = 0;
  /** Pages started so far. */
  pageCount = 0;

  constructor(doc: PDFDocument, font: PDFFont, isDryRun = false) {
    this.doc = doc;
    this.font = font;
    this.isDryRun = isDryRun;
  }

  /** Starts a new page. */
  newPage(): void {
    this.page = this.isDryRun ? undefined : this.doc.addPage(PAGE_SIZE);
    this.pageCount++;
    this.y = PAGE_SIZE[1] - MARGIN;
  }

  private get width(): number {
    return PAGE_SIZE[0] - 2 * MARGIN;
  }

  /** Makes room for `height` points, starting a new page when the current one is full. */
  private room(height: number): void {
    if (this.pageCount === 0 || this.y - height < MARGIN + 12) this.newPage();
  }

  private draw(text: string, x: number, size: number, color = rgb(0, 0, 0)): void {
    this.page?.drawText(text, { x, y: this.y, size, font: this.font, color });
  }

  private lines(lines: readonly string[], size: number, x: number, color?: RGB): void {
    for (const line of lines) {
      this.room(size * LEADING);
      this.y -= size * LEADING;
      this.draw(line, x, size, color);
    }
  }

  /** A title (size 16) or a section heading (size 12), with space above it. */
  heading(text: string, size: 16 | 12 = 12): void {
    this.room(size * LEADING * 3);
    if (this.y < PAGE_SIZE[1] - MARGIN) this.y -= size * 0.6;
    this.lines(wrapText(this.font, text, size, this.width), size, MARGIN);
    this.y -= size * 0.3;
  }

  /** A wrapped paragraph, indented by `indent` points; `muted` prints it in grey. */
  paragraph(text: string, options: { indent?: number; muted?: boolean; size?: number } = {}): void {
    const indent = options.indent ?? 0;
    const size = options.size ?? BODY;
    this.lines(wrapText(this.font, text, size, this.width - indent), size, MARGIN + indent, options.muted === true ? MUTED : undefined);
  }

  /** A label and its value: the label in the left column, the value wrapped in the right one (at `size`). */
  row(label: string, value: string, size = BODY): void {
    const labelWidth = 150;
    const labels = wrapText(this.font, label, BODY, labelWidth - 8);
    const values = wrapText(this.font, value === '' ? '(blank)' : value, size, this.width - labelWidth);
    const count = Math.max(labels.length, values.length);
    for (let i = 0; i < count; i++) {
      this.room(BODY * LEADING);
      this.y -= BODY * LEADING;
      if (labels[i] !== undefined) this.draw(labels[i]!, MARGIN, BODY, MUTED);
      if (values[i] !== undefined) this.draw(values[i]!, MARGIN + labelWidth, size);
    }
  }

  /** Vertical space. */
  gap(points = 6): void {
    this.y -= points;
  }
}

/**
 * Writes the claim reference and "Page i of n" at the foot of every page of the PDF. The
 * reference is cut to the line it has (a very long account number would otherwise be laid out
 * again on every page, which grows with the square of its length).
 */
export function drawFooters(doc: PDFDocument, font: PDFFont, reference: string): void {
  const pages = doc.getPages();
  const size = 8;
  const printable = printableText(font, reference);
  // Cut once per width of page (attached pages may differ), not once per page.
  const cut = new Map<number, string>();
  pages.forEach((page, i) => {
    // Attached pages may place their visible area away from the origin.
    const box = page.getCropBox();
    const number = `Page ${i + 1} of ${pages.length}`;
    const y = box.y + 24;
    const width = Math.floor(box.width - 72 - textWidth(font, `Page ${pages.length} of ${pages.length}`, size) - 18);
    const text = cut.get(width) ?? oneLine(font, printable, size, width);
    cut.set(width, text);
    page.drawText(text, { x: box.x + 36, y, size, font, color: MUTED });
    page.drawText(number, { x: box.x + box.width - 36 - textWidth(font, number, size), y, size, font, color: MUTED });
  });
}
