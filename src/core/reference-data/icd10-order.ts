/**
 * The CMS ICD-10-CM order file (icd10cm_order_YYYY.txt): fixed-width lines with no header, each an
 * order number, the code, a 0/1 billable flag, the short and the long description. Read line by
 * line; the fiscal year comes from the file's own published name (not from a folder it is in).
 */
import { fiscalYearDates } from '../dates';
import type { FormatReader, ReadContext } from './import-support';
import { checkPeriodYears } from './consistency';
import { fail, lineReader } from './import-support';
import type { Icd10Row } from './tables';

/** The start of an order record: order number, code, billable flag. */
export const ORDER_LINE = /^\d{5} [A-Z][0-9A-Z]{2}[0-9A-Z ]{4} [01] /;

/**
 * FY of an order file, from its own name as CMS publishes it (icd10cm_order_2026.txt), never from a
 * folder it sits in: the name is what says which year the codes are for.
 */
function icdFiscalYear(fileName: string): number {
  const ownName = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const m = /order[_-](\d{4})/i.exec(ownName);
  if (m === null) fail(`the fiscal year of this ICD-10-CM order file is told by its name, and "${ownName}" does not say it. Keep the name CMS gives it, for example icd10cm_order_2026.txt`);
  const fiscalYear = Number(m[1]);
  checkPeriodYears(fiscalYearDates(fiscalYear), `FY${fiscalYear}, the fiscal year its name "${ownName}" gives,`);
  return fiscalYear;
}

export function icd10OrderReader(fileName: string, context: ReadContext): FormatReader {
  context.identified('icd10-order');
  const fiscalYear = icdFiscalYear(fileName);
  const rows: Icd10Row[] = [];
  const seen = new Set<string>();
  const lines = lineReader((line, n, unterminated) => {
    if (unterminated) fail('the last line stops without a line break: the file was cut short. Download it again from CMS', n);
    if (!ORDER_LINE.test(line)) fail('this line is not an ICD-10-CM order record (order number, code, 0/1 flag, descriptions)', n);
    const code = line.slice(6, 13).trim();
    if (seen.has(code)) fail(`code ${code} appears twice`, n);
    seen.add(code);
    rows.push([code, line[14] === '1', context.keep(line.slice(16, 76).trimEnd(), 0), context.keep(line.slice(77).trimEnd(), 1)]);
  });
  return {
    push: (text) => lines.push(text),
    finish() {
      lines.end();
      return { table: { kind: 'icd10-order', fiscalYear, period: { ...fiscalYearDates(fiscalYear), label: `FY${fiscalYear}` }, rows } };
    },
  };
}
