/**
 * The CMS HCPCS Level II alpha-numeric file in its fixed-width text form (HCPC20xx_<MON>_ANWEB*.txt,
 * 320-character records). Positions follow the CMS record layout (1-based):
 *   1-5 code (modifiers in 4-5), 11 record id (3 procedure, 4 its continuation, 7 modifier,
 *   8 its continuation), 12-91 long description, 92-119 short description, 269-276 date added,
 *   277-284 action effective date, 285-292 termination date, 293 action code.
 * A long description runs over continuation records (ids 4 and 8); their pieces are joined with a
 * space. Because a layout read at the wrong positions would still give text, the import checks
 * itself: every date must be a real YYYYMMDD date, every action code a CMS action code, and the
 * unclassified codes the wizard knows (J3490, J3590, J9999, …) must carry the dates CMS gave them.
 * Any mismatch stops the import rather than storing wrong dates.
 */
import { unclassifiedCode } from '../codes';
import { hcpcsRowCheck } from './consistency';
import type { FormatReader, ReadContext } from './import-support';
import { fail, lineReader, yyyymmdd } from './import-support';
import type { HcpcsRow, Period } from './tables';

const CODE = [0, 5] as const;
const RECORD_ID = 10;
const LONG = [11, 91] as const;
const SHORT = [91, 119] as const;
const ADDED = [268, 276] as const;
const EFFECTIVE = [276, 284] as const;
const TERMINATED = [284, 292] as const;
const ACTION = 292;
const ACTION_CODES = new Set(['A', 'B', 'C', 'D', 'F', 'N', 'P', 'R', 'S', 'T']);

/** A first line shaped like an ANWEB record: code, sequence number, record id 3 or 7. */
const RECORD_START = /^[A-Z0-9 ]{5}[0-9 ]{5}[37][ -~]{280}/;

/** True when the text starts like the fixed-width HCPCS file. */
export function isHcpcsText(text: string): boolean {
  return RECORD_START.test(text.slice(0, 330));
}

const slice = (line: string, [from, to]: readonly [number, number]) => line.slice(from, to).trim();

const LAYOUT_HELP = 'The file does not follow the CMS HCPCS record layout the wizard reads (320-character records). Import the HCPCS file as CMS publishes it, or its Excel/CSV form';

/** Reads the records line by line, joining continuation records onto the record they continue. */
export function hcpcsTextReader(context: ReadContext, period: (rows: readonly HcpcsRow[]) => Period): FormatReader {
  const rows: HcpcsRow[] = [];
  const check = hcpcsRowCheck();
  let current: HcpcsRow | undefined;
  let blankLines: number[] = [];
  const finish = () => { if (current !== undefined) rows.push(current); current = undefined; };
  const record = (line: string, n: number) => {
    const recordId = line[RECORD_ID];
    const code = slice(line, CODE);
    if (recordId === '4' || recordId === '8') {
      if (current === undefined || current.code !== code) fail(`this continuation record (record id ${recordId}) does not follow a record of code ${code}. ${LAYOUT_HELP}`, n);
      const piece = slice(line, LONG);
      if (piece !== '') current = { ...current, longDescription: context.keep(`${current.longDescription} ${piece}`, 0) };
      return;
    }
    if (recordId !== '3' && recordId !== '7') fail(`"${recordId ?? ''}" at position 11 is not a record id (3, 4, 7 or 8). ${LAYOUT_HELP}`, n);
    if (line.length <= ACTION) fail(`this record has ${line.length} characters and stops before the dates and action code (positions 269-293): the file was cut short or is not the CMS layout`, n);
    const added = yyyymmdd(slice(line, ADDED)), effective = yyyymmdd(slice(line, EFFECTIVE)), terminated = yyyymmdd(slice(line, TERMINATED));
    const action = line[ACTION]!;
    if (added == null || effective === undefined || terminated === undefined || !ACTION_CODES.has(action)) {
      fail(`the dates (positions 269-292) or the action code (position 293) of code ${code} are not where the CMS record layout puts them. ${LAYOUT_HELP}`, n);
    }
    const known = unclassifiedCode(code);
    if (known !== undefined && known.from !== added) {
      fail(`code ${code} reads as added on ${added}, but CMS added it on ${known.from}: the dates are not where the wizard expects them. ${LAYOUT_HELP}`, n);
    }
    finish();
    if (!/^[A-Z0-9]{2,5}$/.test(code)) { context.rejected.push({ line: n, reason: `"${code}" is not a HCPCS code or modifier` }); return; }
    current = {
      code, longDescription: context.keep(slice(line, LONG), 0), shortDescription: context.keep(slice(line, SHORT), 1), added,
      effective: effective ?? added, terminated, action, isModifier: recordId === '7',
    };
    check(n, current);
  };
  // Blank lines are allowed at the end of the file only: one in the middle is read (and refused) when a record follows it.
  const lines = lineReader((line, n) => {
    if (line.trim() === '') { blankLines.push(n); return; }
    for (const blank of blankLines) record('', blank);
    blankLines = [];
    record(line, n);
  });
  return {
    push: (text) => lines.push(text),
    finish() {
      lines.end();
      finish();
      return { table: { kind: 'hcpcs', period: period(rows), rows } };
    },
  };
}
