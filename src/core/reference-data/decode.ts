/**
 * Turns the bytes of a published file into text, piece by piece. CMS publishes Windows-1252 CSVs
 * (with bytes such as 0xA0 and 0x99 that are not valid UTF-8); FDA and CDC files are UTF-8 or
 * ASCII, sometimes with a byte-order mark. A file that is valid UTF-8 is read as UTF-8; any other
 * as Windows-1252.
 *
 * Streaming without reading the file twice in the common cases: the decoder reads UTF-8 until the
 * first invalid sequence. If everything before it was ASCII (which reads the same in both
 * encodings, as CMS files do up to their first 0xA0), it goes on as Windows-1252 from the start of
 * that piece. If UTF-8 characters were already read, the file is neither, and the whole-file rule
 * says Windows-1252: the decoder answers `restart`, and the reader starts over in Windows-1252.
 */

export type Encoding = 'utf-8' | 'windows-1252';

/** Windows-1252 characters for bytes 0x80-0x9F (undefined bytes map to themselves, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const BLOCK = 8192;

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += BLOCK) {
    const chunk = bytes.subarray(start, start + BLOCK);
    const codes = new Array<number>(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

type Utf8Piece =
  | { readonly ok: true; readonly text: string; readonly nonAscii: boolean; /** bytes of a sequence cut at the end of the piece */ readonly rest: Uint8Array }
  | { readonly ok: false; /** whether a UTF-8 character came before the invalid sequence */ readonly nonAscii: boolean };

/** Decodes a piece of UTF-8; a sequence cut at its end is returned as `rest` unless `final`. */
function decodeUtf8(bytes: Uint8Array, final: boolean): Utf8Piece {
  const parts: string[] = [];
  let codes: number[] = [];
  let nonAscii = false;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      // A run of ASCII is one string at once.
      let j = i + 1;
      while (j < bytes.length && j - i < BLOCK && bytes[j]! < 0x80) j++;
      if (codes.length > 0) { parts.push(String.fromCodePoint(...codes)); codes = []; }
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, j) as unknown as number[]));
      i = j;
    } else {
      let cp: number, extra: number, min: number;
      if (b >= 0xc2 && b < 0xe0) { cp = b & 0x1f; extra = 1; min = 0x80; }
      else if (b >= 0xe0 && b < 0xf0) { cp = b & 0x0f; extra = 2; min = 0x800; }
      else if (b >= 0xf0 && b < 0xf5) { cp = b & 0x07; extra = 3; min = 0x10000; }
      else return { ok: false, nonAscii };
      if (i + extra >= bytes.length && !final) {
        const tail = bytes.subarray(i + 1);
        if (tail.every((c) => (c & 0xc0) === 0x80)) break;
      }
      for (let k = 1; k <= extra; k++) {
        const c = bytes[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) return { ok: false, nonAscii };
        cp = (cp << 6) | (c & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { ok: false, nonAscii };
      codes.push(cp);
      nonAscii = true;
      i += extra + 1;
    }
    if (codes.length >= BLOCK) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  parts.push(String.fromCodePoint(...codes));
  return { ok: true, text: parts.join(''), nonAscii, rest: bytes.slice(i) };
}

export interface StreamDecoder {
  /** The encoding in use (UTF-8 until the bytes say otherwise). */
  readonly encoding: Encoding;
  /** Decodes the next piece (`final` for the last); `restart` when the reading must start over in Windows-1252. */
  decode(bytes: Uint8Array, final: boolean): string | 'restart';
}

/** A decoder that detects the encoding as it goes (or uses the one given, after a restart). */
export function streamDecoder(encoding?: Encoding): StreamDecoder {
  let current: Encoding = encoding ?? 'utf-8';
  let sawUtf8 = false;
  let rest: Uint8Array = new Uint8Array(0);
  let atStart = true;
  return {
    get encoding() { return current; },
    decode(piece, final) {
      let bytes: Uint8Array = rest.length === 0 ? piece : concat(rest, piece);
      rest = new Uint8Array(0);
      if (atStart) {
        if (bytes.length < 3 && !final) { rest = bytes; return ''; }
        atStart = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      if (current === 'windows-1252') return decodeCp1252(bytes);
      const r = decodeUtf8(bytes, final);
      if (r.ok) {
        sawUtf8 ||= r.nonAscii;
        rest = r.rest;
        return r.text;
      }
      if (sawUtf8 || r.nonAscii) return 'restart';
      current = 'windows-1252';
      return decodeCp1252(bytes);
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decodes a whole file at once. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const first = streamDecoder();
  const text = first.decode(bytes, true);
  if (text !== 'restart') return { text, encoding: first.encoding };
  return { text: streamDecoder('windows-1252').decode(bytes, true) as string, encoding: 'windows-1252' };
}
