/**
 * The FDA NDC Directory as downloaded (ndctext.zip: product.txt and package.txt, also the
 * "excluded" files of the same layout): tab-separated text with a header row, no quoting, NDCs in
 * their 10-digit hyphenated form. Each line must have as many values as the header: a shorter
 * line means the file was cut short or damaged, and the import stops there.
 */
import type { IsoDate } from '../dates';
import { parseNdc } from '../ndc';
import type { FormatReader, HeaderRow, ReadContext, Rejected } from './import-support';
import { checkAsOf } from './consistency';
import { cell, columns, fail, headerNames, lineReader, snapshotPeriod, yyyymmdd } from './import-support';
import type { NdcPackageRow, NdcProductRow } from './tables';
import { KIND_NAMES } from './tables';

/** True when the first line is the header of an FDA NDC Directory file. */
export function isFdaNdcHeader(firstLine: string): boolean {
  const names = headerNames(firstLine.split('\t'));
  return names.includes('PRODUCTID') && names.includes('PRODUCTNDC');
}

const PRODUCT_NDC = /^\d{4,5}-\d{3,4}$/;

/** Reads product lines into rows. */
function products(header: HeaderRow, rejected: Rejected[], latest: { value?: Latest }): RowReader<NdcProductRow> {
  const name = KIND_NAMES['fda-ndc-product'];
  const col = columns(header, {
    productId: ['PRODUCTID'], productNdc: ['PRODUCTNDC'], productType: ['PRODUCTTYPENAME'], proprietaryName: ['PROPRIETARYNAME'],
    proprietaryNameSuffix: ['PROPRIETARYNAMESUFFIX'], nonproprietaryName: ['NONPROPRIETARYNAME'], dosageForm: ['DOSAGEFORMNAME'],
    routes: ['ROUTENAME'], marketingStart: ['STARTMARKETINGDATE'], marketingEnd: ['ENDMARKETINGDATE'], marketingCategory: ['MARKETINGCATEGORYNAME'],
    applicationNumber: ['APPLICATIONNUMBER'], labeler: ['LABELERNAME'], substances: ['SUBSTANCENAME'], strength: ['ACTIVE_NUMERATOR_STRENGTH'],
    strengthUnit: ['ACTIVE_INGRED_UNIT'], pharmClasses: ['PHARM_CLASSES'],
  }, name);
  const rows: NdcProductRow[] = [];
  const seen = new Map<string, number>();
  const row = (line: number, cells: readonly string[]) => {
    const productId = cell(cells, col.productId), productNdc = cell(cells, col.productNdc);
    const start = yyyymmdd(cell(cells, col.marketingStart)), end = yyyymmdd(cell(cells, col.marketingEnd));
    const first = seen.get(productId);
    if (first !== undefined) { rejected.push({ line, reason: `product ${productId} repeats line ${first}` }); return; }
    if (!PRODUCT_NDC.test(productNdc)) { rejected.push({ line, reason: `"${productNdc}" is not a labeler-product code such as 0002-0800` }); return; }
    if (start === undefined || end === undefined) { rejected.push({ line, reason: 'a marketing date is not written YYYYMMDD' }); return; }
    seen.set(productId, line);
    latestStart(latest, line, start);
    rows.push({
      productId, productNdc, productType: cell(cells, col.productType), proprietaryName: cell(cells, col.proprietaryName),
      proprietaryNameSuffix: cell(cells, col.proprietaryNameSuffix), nonproprietaryName: cell(cells, col.nonproprietaryName),
      dosageForm: cell(cells, col.dosageForm), routes: cell(cells, col.routes), marketingStart: start, marketingEnd: end,
      marketingCategory: cell(cells, col.marketingCategory), applicationNumber: cell(cells, col.applicationNumber), labeler: cell(cells, col.labeler),
      substances: cell(cells, col.substances), strength: cell(cells, col.strength), strengthUnit: cell(cells, col.strengthUnit),
      pharmClasses: cell(cells, col.pharmClasses),
    });
  };
  return { row, rows };
}

/** Reads package lines into rows. */
function packages(header: HeaderRow, rejected: Rejected[], latest: { value?: Latest }): RowReader<NdcPackageRow> {
  const col = columns(header, {
    productId: ['PRODUCTID'], packageNdc: ['NDCPACKAGECODE'], description: ['PACKAGEDESCRIPTION'], marketingStart: ['STARTMARKETINGDATE'],
    marketingEnd: ['ENDMARKETINGDATE'], isSample: ['SAMPLE_PACKAGE'],
  }, KIND_NAMES['fda-ndc-package']);
  const rows: NdcPackageRow[] = [];
  const seen = new Map<string, number>();
  const row = (line: number, cells: readonly string[]) => {
    const packageNdc = cell(cells, col.packageNdc);
    const parsed = /^\d+-\d+-\d+$/.test(packageNdc) ? parseNdc(packageNdc) : undefined;
    const start = yyyymmdd(cell(cells, col.marketingStart)), end = yyyymmdd(cell(cells, col.marketingEnd));
    if (parsed === undefined || !parsed.ok) { rejected.push({ line, reason: `"${packageNdc}" is not an NDC written with its hyphens` }); return; }
    const first = seen.get(parsed.ndc.ndc11);
    if (first !== undefined) { rejected.push({ line, reason: `NDC ${packageNdc} repeats line ${first}` }); return; }
    if (start === undefined || end === undefined) { rejected.push({ line, reason: 'a marketing date is not written YYYYMMDD' }); return; }
    seen.set(parsed.ndc.ndc11, line);
    latestStart(latest, line, start);
    rows.push({
      productId: cell(cells, col.productId), ndc11: parsed.ndc.ndc11, packageNdc, description: cell(cells, col.description),
      marketingStart: start, marketingEnd: end, isSample: cell(cells, col.isSample).toUpperCase() === 'Y',
    });
  };
  return { row, rows };
}

interface RowReader<R> {
  readonly row: (line: number, cells: readonly string[]) => void;
  readonly rows: R[];
}

/** The latest marketing start read, with its line: the day the file is as of. */
interface Latest {
  date: IsoDate;
  line: number;
}

/** Keeps the latest marketing start of the rows kept. */
function latestStart(latest: { value?: Latest }, line: number, start: IsoDate | null): void {
  if (start !== null && (latest.value === undefined || start > latest.value.date)) latest.value = { date: start, line };
}

/**
 * Reads product.txt or package.txt, line by line; the header tells which. Each line must have as
 * many values as the header. A line that does not is reported when the next line comes (the file
 * is damaged) or when the text ends (the file was cut short).
 */
export function fdaNdcReader(context: ReadContext): FormatReader {
  let reader: { kind: 'fda-ndc-product'; rows: RowReader<NdcProductRow> } | { kind: 'fda-ndc-package'; rows: RowReader<NdcPackageRow> } | undefined;
  let width = 0;
  let faulty: { line: number; count: number } | undefined;
  const latest: { value?: Latest } = {};
  const lines = lineReader((text, line) => {
    if (reader === undefined) {
      const header: HeaderRow = { line, cells: text.split('\t') };
      width = header.cells.length;
      const isPackage = headerNames(header.cells).includes('NDCPACKAGECODE');
      reader = isPackage ? { kind: 'fda-ndc-package', rows: packages(header, context.rejected, latest) } : { kind: 'fda-ndc-product', rows: products(header, context.rejected, latest) };
      context.identified(reader.kind);
      return;
    }
    if (text.trim() === '') return;
    if (faulty !== undefined) fail(`this line has ${faulty.count} values where the ${KIND_NAMES[reader.kind]} header has ${width}: the file is damaged or was edited. Download it again from the FDA`, faulty.line);
    const cells = text.split('\t');
    if (cells.length !== width) { faulty = { line, count: cells.length }; return; }
    reader.rows.row(line, cells.map((c, column) => context.keep(c.trim(), column)));
  });
  return {
    push: (text) => lines.push(text),
    finish() {
      lines.end();
      if (reader === undefined) return fail('the file is empty');
      const name = KIND_NAMES[reader.kind];
      if (faulty !== undefined) fail(`this last line has ${faulty.count} values where the ${name} header has ${width}: the file was cut short. Download it again from the FDA and import it without editing it`, faulty.line);
      if (reader.rows.rows.length === 0 && context.rejected.length === 0) fail(`the ${name} has a header but no rows`, 1);
      // The day the file is as of: the latest marketing start it lists (FDA adds listings daily).
      if (latest.value === undefined) fail(`the ${name} has no marketing start dates, so the day it is as of cannot be told`);
      checkAsOf(latest.value.date, context.options.today, name, latest.value.line);
      const period = snapshotPeriod(latest.value.date);
      return reader.kind === 'fda-ndc-package'
        ? { table: { kind: reader.kind, period, rows: reader.rows.rows } }
        : { table: { kind: reader.kind, period, rows: reader.rows.rows } };
    },
  };
}
