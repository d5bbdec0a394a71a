/**
 * `npx tsx scripts/generate-fda-ndc.ts [DIR]`: writes a full-size FDA NDC Directory, product.txt
 * (130,000 products) and package.txt (about 250,000 packages), into DIR (default tmp/fda-ndc, which git
 * ignores), for the benchmarks and the browser test of a full-size import. The layout is the
 * FDA's (../shared/data/fixtures/fda_ndc_*_format_sample.txt: tab-separated, header row, LF, no
 * final newline in package.txt); the values are made up with the published shapes: 4-4-2, 5-3-2
 * and 5-4-1 NDCs, nested package descriptions, routes separated by "; ", pharmacologic classes.
 * The same seed gives the same files. One product is Briumvi (NDC 73150-150-06, BLA761238), so a
 * test can look a known NDC up. Never committed: the real directory is not in the repository.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PRODUCTS = 130_000;

const PRODUCT_HEADER = ['PRODUCTID', 'PRODUCTNDC', 'PRODUCTTYPENAME', 'PROPRIETARYNAME', 'PROPRIETARYNAMESUFFIX', 'NONPROPRIETARYNAME', 'DOSAGEFORMNAME', 'ROUTENAME', 'STARTMARKETINGDATE', 'ENDMARKETINGDATE', 'MARKETINGCATEGORYNAME', 'APPLICATIONNUMBER', 'LABELERNAME', 'SUBSTANCENAME', 'ACTIVE_NUMERATOR_STRENGTH', 'ACTIVE_INGRED_UNIT', 'PHARM_CLASSES', 'DEASCHEDULE', 'NDC_EXCLUDE_FLAG', 'LISTING_RECORD_CERTIFIED_THROUGH'];
const PACKAGE_HEADER = ['PRODUCTID', 'PRODUCTNDC', 'NDCPACKAGECODE', 'PACKAGEDESCRIPTION', 'STARTMARKETINGDATE', 'ENDMARKETINGDATE', 'NDC_EXCLUDE_FLAG', 'SAMPLE_PACKAGE'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ra', 'vo', 'lix', 'zen', 'tri', 'mab', 'ci', 'flo', 'dex', 'par', 'ox', 'am', 'te', 'nu', 'sol', 'vi', 'ka', 'rin', 'tol', 'bu'];
const FORMS = ['INJECTION, SOLUTION', 'INJECTION, POWDER, LYOPHILIZED, FOR SOLUTION', 'TABLET', 'TABLET, FILM COATED', 'CAPSULE', 'SOLUTION', 'INJECTION, SUSPENSION', 'CREAM', 'KIT'];
const ROUTES = ['ORAL', 'INTRAVENOUS', 'SUBCUTANEOUS', 'INTRAMUSCULAR', 'TOPICAL', 'INTRAVITREAL', 'INTRATHECAL'];
const TYPES = ['HUMAN PRESCRIPTION DRUG', 'HUMAN PRESCRIPTION DRUG', 'HUMAN PRESCRIPTION DRUG', 'HUMAN OTC DRUG'];
const CATEGORIES: readonly [string, string][] = [['ANDA', 'ANDA'], ['NDA', 'NDA'], ['BLA', 'BLA'], ['NDA AUTHORIZED GENERIC', 'NDA'], ['UNAPPROVED DRUG OTHER', ''], ['OTC MONOGRAPH DRUG', 'M']];
const CLASSES = ['Kinase Inhibitor [EPC],Kinase Inhibitors [MoA]', 'Corticosteroid [EPC],Corticosteroid Hormone Receptor Agonists [MoA]', 'Antiarrhythmic [EPC]', 'CD20-directed Cytolytic Antibody [EPC],CD20-directed Antibody Interactions [MoA]', ''];
const CONTAINERS: readonly [string, string][] = [['VIAL, SINGLE-DOSE', 'mL'], ['VIAL, MULTI-DOSE', 'mL'], ['BOTTLE', 'TABLET'], ['BLISTER PACK', 'CAPSULE'], ['SYRINGE', 'mL'], ['TUBE', 'g']];

interface Files { readonly product: string; readonly package: string; readonly packages: number }

/** Writes the two files; resolves when they are on disk. */
export async function generateFdaNdc(dir: string, seed = 20251120): Promise<Files> {
  mkdirSync(dir, { recursive: true });
  const files = { product: join(dir, 'product.txt'), package: join(dir, 'package.txt') };
  const products = createWriteStream(files.product), packages = createWriteStream(files.package);
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join('');
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const date = (from: number, to: number) => {
    const y = from + Math.floor(rnd() * (to - from + 1));
    return `${y}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  };
  const uuid = () => Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
  let productLines = [PRODUCT_HEADER.join('\t')], packageLines = [PACKAGE_HEADER.join('\t')];
  const flush = async (last = false) => {
    const write = (stream: typeof products, lines: string[], end: string) => new Promise<void>((done) => { if (stream.write(lines.join('\n') + end)) done(); else stream.once('drain', done); });
    await write(products, productLines, '\n');
    await write(packages, packageLines, last ? '' : '\n');
    productLines = [];
    packageLines = [];
  };

  let packageCount = 0;
  let labelerIndex = 0;
  let product = 0;
  while (product < PRODUCTS) {
    // A labeler: its code's length tells its NDC configuration (4-4-2, 5-3-2 or 5-4-1).
    labelerIndex++;
    const config = labelerIndex === 1 ? '5-3-2' : pick(['4-4-2', '5-3-2', '5-4-1', '5-4-1'] as const);
    const labeler = config === '4-4-2' ? String(labelerIndex % 9000 + 1000) : String(10000 + labelerIndex);
    const labelerName = `${capital(word())} ${pick(['Pharmaceuticals, Inc.', 'Laboratories', 'LLC', 'Health Corp.', 'Biologics'])}`;
    const productsOfLabeler = 1 + Math.floor(rnd() * 60);
    for (let p = 0; p < productsOfLabeler && product < PRODUCTS; p++, product++) {
      const productCode = config === '5-3-2' ? String(p + 100).padStart(3, '0') : String(p + 1000).padStart(4, '0');
      let productNdc = `${labeler}-${productCode}`;
      let brand = capital(word()), generic = `${word()}${pick(['mab', 'ide', 'ine', 'ol', 'ate'])}`;
      let [category, prefix] = pick(CATEGORIES);
      let application = prefix === '' ? '' : `${prefix}${String(Math.floor(rnd() * 999_999)).padStart(6, '0')}`;
      let form = pick(FORMS), routes = Array.from({ length: rnd() < 0.15 ? 2 : 1 }, () => pick(ROUTES)).join('; ');
      let substance = generic.toUpperCase(), classes = pick(CLASSES);
      const start = date(1980, 2025);
      if (product === 0) {
        // A known NDC, looked up by the browser test (names and label from the Purple Book's Briumvi).
        productNdc = '73150-150'; brand = 'Briumvi'; generic = 'ublituximab-xiiy'; category = 'BLA'; application = 'BLA761238';
        form = 'INJECTION, SOLUTION'; routes = 'INTRAVENOUS'; substance = 'UBLITUXIMAB'; classes = CLASSES[3]!;
      }
      const productId = `${productNdc}_${uuid()}`;
      const strength = String(pick([1, 2.5, 5, 10, 20, 25, 50, 100, 250, 500]));
      const unit = form.startsWith('INJECTION') || form === 'SOLUTION' ? 'mg/mL' : 'mg/1';
      const ended = rnd() < 0.08 ? date(2020, 2026) : '';
      productLines.push([productId, productNdc, pick(TYPES), brand, rnd() < 0.1 ? 'XR' : '', generic, form, routes, start, ended, category, application,
        product === 0 ? 'TG Therapeutics, Inc.' : labelerName, substance, strength, unit, classes, rnd() < 0.03 ? 'CII' : '', 'N', '20261231'].join('\t'));
      // About two packages per product (at most nine: a 5-4-1 NDC has one digit for the package), so about 250,000.
      const packagesOfProduct = rnd() < 0.05 ? 2 + Math.floor(rnd() * 8) : rnd() < 0.72 ? 2 : 1;
      for (let k = 0; k < packagesOfProduct; k++, packageCount++) {
        const packageCode = config === '5-4-1' ? String(k) : String(k + (product === 0 ? 6 : 10)).padStart(2, '0');
        const ndc = `${productNdc}-${packageCode}`;
        const [container, inner] = product === 0 ? CONTAINERS[0]! : pick(CONTAINERS);
        const amount = product === 0 ? 6 : pick([1, 2, 5, 10, 20, 30, 50, 100]);
        const outer = product === 0 ? 1 : pick([1, 1, 1, 5, 10, 25]);
        packageLines.push([productId, productNdc, ndc, `${outer} ${container} in 1 CARTON (${ndc})  > ${amount} ${inner} in 1 ${container}`, start, ended, 'N', rnd() < 0.02 ? 'Y' : 'N'].join('\t'));
      }
      if (productLines.length >= 5000) await flush();
    }
  }
  await flush(true);
  await Promise.all([new Promise((done) => products.end(done)), new Promise((done) => packages.end(done))]);
  return { ...files, packages: packageCount };
}

/** Where the files are generated unless told otherwise (tmp/ is git-ignored). */
export const FDA_NDC_DIR = resolve(import.meta.dirname, '../tmp/fda-ndc');

// Run as a script (not when imported by a test or bundled into the benchmarks).
if (process.argv[1]?.endsWith('generate-fda-ndc.ts') === true) {
  void generateFdaNdc(resolve(process.argv[2] ?? FDA_NDC_DIR)).then((files) => {
    process.stderr.write(`wrote ${files.product} (${PRODUCTS.toLocaleString('en-US')} products) and ${files.package} (${files.packages.toLocaleString('en-US')} packages)\n`);
  });
}
