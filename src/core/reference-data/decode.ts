/**
 * Turns the bytes of a published file into text. CMS publishes Windows-1252 CSVs (with bytes such
 * as 0xA0 and 0x99 that are not valid UTF-8); FDA and CDC files are UTF-8 or ASCII, sometimes with a
 * byte-order mark. A file that is valid UTF-8 is read as UTF-8; any other as Windows-1252.
 */

export type Encoding = 'utf-8' | 'windows-1252';

/** Windows-1252 characters for bytes 0x80-0x9F (undefined bytes map to themselves, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes UTF-8, or returns `undefined` at the first invalid sequence. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  const parts: string[] = [];
  let codes: number[] = [];
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp: number, extra: number, min: number;
    if (b < 0x80) { cp = b; extra = 0; min = 0; }
    else if (b >= 0xc2 && b < 0xe0) { cp = b & 0x1f; extra = 1; min = 0x80; }
    else if (b >= 0xe0 && b < 0xf0) { cp = b & 0x0f; extra = 2; min = 0x800; }
    else if (b >= 0xf0 && b < 0xf5) { cp = b & 0x07; extra = 3; min = 0x10000; }
    else return undefined;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    codes.push(cp);
    if (codes.length >= 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
    i += extra + 1;
  }
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = new Array<number>(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const utf8 = decodeUtf8(bytes);
  return utf8 === undefined ? { text: decodeCp1252(bytes), encoding: 'windows-1252' } : { text: utf8, encoding: 'utf-8' };
}
