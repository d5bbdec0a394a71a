/** Wrapping text to the width of a PDF line, with the font the packet is printed in (DejaVu Sans). */
import fontkit from '@pdf-lib/fontkit';
import type { PDFFont } from 'pdf-lib';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFont } from '../../../cli/node-font';
import { oneLine, printableText, textWidth, wrapText } from './layout';

const SIZE = 10;
const WIDTH = 354;
let font: PDFFont;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  font = await doc.embedFont(await nodeFont(), { subset: true });
}, 30_000);

describe('wrapText', () => {
  it('breaks between words, each line as wide as fits', () => {
    const lines = wrapText(font, 'Ublituximab-xiiy 150 mg/6 mL single-dose vial, diluted in 250 mL of sodium chloride 0.9% '.repeat(4), SIZE, WIDTH);
    expect(lines.length).toBeGreaterThan(1);
    for (const [i, line] of lines.entries()) {
      expect(textWidth(font, line, SIZE)).toBeLessThanOrEqual(WIDTH);
      const next = lines[i + 1]?.split(' ')[0];
      if (next !== undefined && next !== '') expect(textWidth(font, `${line} ${next}`, SIZE)).toBeGreaterThan(WIDTH);
    }
  });

  // Found by the fuzzing: a 10,000-character word took hours to cut (every cut measured every shorter
  // prefix). How the time grows with the length is measured by npm run bench (pdf.long-text-*).
  it.each([['letters', 'A'], ['emoji (surrogate pairs)', '💉'], ['Arabic', 'ش']])('cuts a 10,000-character word of %s into full lines', (_label, unit) => {
    const word = unit.repeat(10_000);
    const lines = wrapText(font, word, SIZE, WIDTH);
    expect(lines.join('')).toBe(printableText(font, word));
    for (const [i, line] of lines.entries()) {
      expect(textWidth(font, line, SIZE)).toBeLessThanOrEqual(WIDTH);
      // Every line but the last is full: the next line's first character would not fit.
      if (i < lines.length - 1) expect(textWidth(font, line + Array.from(lines[i + 1]!)[0]!, SIZE)).toBeGreaterThan(WIDTH);
    }
  });

  // Found by the fuzzing: fontkit throws on Tifinagh ("regeneratorRuntime is not defined"), which broke the whole PDF.
  it('prints characters the font has but fontkit cannot lay out (Tifinagh) as the replacement mark', () => {
    expect(printableText(font, 'ⴰⵣⵓⵍ Azul')).toBe('\uFFFD\uFFFD\uFFFD\uFFFD Azul');
    expect(wrapText(font, 'Payer ⵜⴰⵎⴰⵣⵉⵖⵜ', SIZE, WIDTH)).toEqual(['Payer \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD']);
  });
});

describe('oneLine', () => {
  it('keeps text that fits, and cuts text that does not to the width, ending with an ellipsis', () => {
    expect(oneLine(font, 'Patient account ACCT-1007', SIZE, WIDTH)).toBe('Patient account ACCT-1007');
    const cut = oneLine(font, `Patient account ${'A'.repeat(200_000)}`, SIZE, WIDTH);
    expect(cut).toMatch(/^Patient account A+…$/);
    expect(textWidth(font, cut, SIZE)).toBeLessThanOrEqual(WIDTH);
    // Not shorter than needed: one more character would not fit.
    expect(textWidth(font, `${cut.slice(0, -1)}A…`, SIZE)).toBeGreaterThan(WIDTH);
  });
});

