/**
 * The FDA NDC Directory as downloaded (ndctext.zip: product.txt and package.txt, also the
 * "excluded" files of the same layout): tab-separated text with a header row, no quoting, NDCs in
 * their 10-digit hyphenated form. Each line must have as many values as the header: a shorter
 * line means the file was cut short or damaged, and the import stops there.
 */
import { parseNdc } from '../ndc';
import type { HeaderRow, Rejected } from './import-support';
import { cell, columns, fail, headerNames, latestDate, progressSteps, snapshotPeriod, yyyymmdd } from './import-support';
import type { NdcPackageRow, NdcProductRow, ReferenceTable } from './tables';
import { KIND_NAMES } from './tables';

/** True when the first line is the header of an FDA NDC Directory file. */
export function isFdaNdcHeader(firstLine: string): boolean {
  const names = headerNames(firstLine.split('\t'));
  return names.includes('PRODUCTID') && names.includes('PRODUCTNDC');
}

interface TabLine {
  readonly line: number;
  readonly cells: readonly string[];
}

/** The data lines, each checked to have exactly the header's number of values. */
function tabLines(lines: readonly string[], width: number, kindName: string): TabLine[] {
  const out: TabLine[] = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    const cells = text.split('\t');
    if (cells.length !== width) {
      const isLast = lines.slice(i + 1).every((l) => l.trim() === '');
      fail(isLast
        ? `this last line has ${cells.length} values where the ${kindName} header has ${width}: the file was cut short. Download it again from the FDA and import it without editing it`
        : `this line has ${cells.length} values where the ${kindName} header has ${width}: the file is damaged or was edited. Download it again from the FDA`, i + 1);
    }
    out.push({ line: i + 1, cells: cells.map((c) => c.trim()) });
  }
  return out;
}

const PRODUCT_NDC = /^\d{4,5}-\d{3,4}$/;

function products(header: HeaderRow, data: readonly TabLine[], rejected: Rejected[], step: (i: number) => void): NdcProductRow[] {
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
  data.forEach(({ line, cells }, i) => {
    step(i);
    const productId = cell(cells, col.productId), productNdc = cell(cells, col.productNdc);
    const start = yyyymmdd(cell(cells, col.marketingStart)), end = yyyymmdd(cell(cells, col.marketingEnd));
    const first = seen.get(productId);
    if (first !== undefined) { rejected.push({ line, reason: `product ${productId} repeats line ${first}` }); return; }
    if (!PRODUCT_NDC.test(productNdc)) { rejected.push({ line, reason: `"${productNdc}" is not a labeler-product code such as 0002-0800` }); return; }
    if (start === undefined || end === undefined) { rejected.push({ line, reason: 'a marketing date is not written YYYYMMDD' }); return; }
    seen.set(productId, line);
    rows.push({
      productId, productNdc, productType: cell(cells, col.productType), proprietaryName: cell(cells, col.proprietaryName),
      proprietaryNameSuffix: cell(cells, col.proprietaryNameSuffix), nonproprietaryName: cell(cells, col.nonproprietaryName),
      dosageForm: cell(cells, col.dosageForm), routes: cell(cells, col.routes), marketingStart: start, marketingEnd: end,
      marketingCategory: cell(cells, col.marketingCategory), applicationNumber: cell(cells, col.applicationNumber), labeler: cell(cells, col.labeler),
      substances: cell(cells, col.substances), strength: cell(cells, col.strength), strengthUnit: cell(cells, col.strengthUnit),
      pharmClasses: cell(cells, col.pharmClasses),
    });
  });
  return rows;
}

function packages(header: HeaderRow, data: readonly TabLine[], rejected: Rejected[], step: (i: number) => void): NdcPackageRow[] {
  const col = columns(header, {
    productId: ['PRODUCTID'], packageNdc: ['NDCPACKAGECODE'], description: ['PACKAGEDESCRIPTION'], marketingStart: ['STARTMARKETINGDATE'],
    marketingEnd: ['ENDMARKETINGDATE'], isSample: ['SAMPLE_PACKAGE'],
  }, KIND_NAMES['fda-ndc-package']);
  const rows: NdcPackageRow[] = [];
  const seen = new Map<string, number>();
  data.forEach(({ line, cells }, i) => {
    step(i);
    const packageNdc = cell(cells, col.packageNdc);
    const parsed = /^\d+-\d+-\d+$/.test(packageNdc) ? parseNdc(packageNdc) : undefined;
    const start = yyyymmdd(cell(cells, col.marketingStart)), end = yyyymmdd(cell(cells, col.marketingEnd));
    if (parsed === undefined || !parsed.ok) { rejected.push({ line, reason: `"${packageNdc}" is not an NDC written with its hyphens` }); return; }
    const first = seen.get(parsed.ndc.ndc11);
    if (first !== undefined) { rejected.push({ line, reason: `NDC ${packageNdc} repeats line ${first}` }); return; }
    if (start === undefined || end === undefined) { rejected.push({ line, reason: 'a marketing date is not written YYYYMMDD' }); return; }
    seen.set(parsed.ndc.ndc11, line);
    rows.push({
      productId: cell(cells, col.productId), ndc11: parsed.ndc.ndc11, packageNdc, description: cell(cells, col.description),
      marketingStart: start, marketingEnd: end, isSample: cell(cells, col.isSample).toUpperCase() === 'Y',
    });
  });
  return rows;
}

/** Reads product.txt or package.txt; the header tells which. */
export function parseFdaNdc(text: string, rejected: Rejected[], onProgress?: (done: number) => void): ReferenceTable {
  const lines = text.split(/\r?\n/);
  const header: HeaderRow = { line: 1, cells: lines[0]!.split('\t') };
  const names = headerNames(header.cells);
  const isPackage = names.includes('NDCPACKAGECODE');
  const kind = isPackage ? 'fda-ndc-package' as const : 'fda-ndc-product' as const;
  const data = tabLines(lines, header.cells.length, KIND_NAMES[kind]);
  if (data.length === 0) fail(`the ${KIND_NAMES[kind]} has a header but no rows`, 1);
  const step = progressSteps(onProgress, data.length, 0.3, 0.95);
  if (isPackage) {
    const rows = packages(header, data, rejected, step);
    return { kind: 'fda-ndc-package', period: snapshotOf(kind, rows), rows };
  }
  const rows = products(header, data, rejected, step);
  return { kind: 'fda-ndc-product', period: snapshotOf(kind, rows), rows };
}

/** The day a directory file is as of: the latest marketing start it lists (FDA adds listings daily). */
function snapshotOf(kind: 'fda-ndc-product' | 'fda-ndc-package', rows: readonly { readonly marketingStart: string | null }[]) {
  const asOf = latestDate(rows.map((r) => r.marketingStart));
  if (asOf === undefined) fail(`the ${KIND_NAMES[kind]} has no marketing start dates, so the day it is as of cannot be told`);
  return snapshotPeriod(asOf);
}
