/**
 * Drug facts of one NDC from the FDA files: the NDC Directory (names, strength, form, route,
 * marketing category, pharmacologic class, package), the Purple Book (biologic, biosimilar,
 * approval date) and the CMS crosswalk (a J9 chemotherapy code). Each fact names its source; a
 * fact no source states is left out rather than guessed.
 */
import type { MarketingCategory, Route } from '../packet/schema';
import type { DrugFacts } from '../reference';
import { containerFacts } from './package-description';
import type { NdcPackageRow, NdcProductRow, PurpleBookRow } from './tables';

const ROUTES: Readonly<Record<string, Route>> = {
  INTRAVENOUS: 'intravenous', SUBCUTANEOUS: 'subcutaneous', INTRAMUSCULAR: 'intramuscular', INTRAVITREAL: 'intravitreal',
  INTRATHECAL: 'intrathecal', INTRAVESICAL: 'intravesical', INTRADERMAL: 'intradermal', 'INTRA-ARTICULAR': 'intra-articular',
  INTRALESIONAL: 'intralesional', EPIDURAL: 'epidural', ORAL: 'oral', 'RESPIRATORY (INHALATION)': 'inhalation', TOPICAL: 'topical',
  RECTAL: 'rectal', OPHTHALMIC: 'ophthalmic',
};

/** The packet route of an FDA route list, when it names exactly one route the packet knows. */
export function routeOf(published: string): Route | undefined {
  const parts = published.split(';').map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
  return parts.length === 1 ? ROUTES[parts[0]!] : undefined;
}

/** The packet category of an FDA marketing category, when the mapping is plain. */
export function marketingCategoryOf(published: string, productType: string): MarketingCategory | undefined {
  const c = published.trim().toUpperCase();
  if (/COMPOUNDED/i.test(productType)) return 'compounded';
  if (c === 'NDA' || c === 'NDA AUTHORIZED GENERIC') return 'NDA';
  if (c === 'ANDA' || c === 'BLA') return c;
  return c.startsWith('UNAPPROVED') ? 'unapproved' : undefined;
}

/** FDA established pharmacologic classes used only for anticancer drugs (kept short on purpose). */
const ANTINEOPLASTIC_CLASSES = [/antineoplastic/i, /^alkylating drug$/i, /^platinum-based drug$/i, /^vinca alkaloid$/i, /anthracycline/i, /programmed death (?:receptor|ligand)-1/i, /cytotoxic t-lymphocyte antigen 4|ctla-?4/i];

/** The first EPC of a PHARM_CLASSES list that marks an anticancer drug. */
export function antineoplasticClass(pharmClasses: string): string | undefined {
  return pharmClasses.split(',').map((c) => c.trim())
    .find((c) => c.endsWith('[EPC]') && ANTINEOPLASTIC_CLASSES.some((re) => re.test(c.slice(0, -'[EPC]'.length).trim())));
}

export interface DirectoryMatch {
  readonly pkg: NdcPackageRow;
  readonly product: NdcProductRow | undefined;
  /** "as of 03/14/2025". */
  readonly directoryLabel: string;
  readonly purpleBook?: { readonly rows: readonly PurpleBookRow[]; readonly label: string };
  /** A J9 (chemotherapy) code the CMS crosswalk lists for the NDC. */
  readonly chemotherapyCode?: { readonly code: string; readonly source: string };
}

/** The facts of an NDC found in the FDA NDC Directory. */
export function directoryFacts(m: DirectoryMatch): DrugFacts {
  const p = m.product;
  const sources = [`Names, strength, form, route, marketing category and package: FDA NDC Directory, ${m.directoryLabel} (NDC ${m.pkg.packageNdc}).`];
  const container = containerFacts(m.pkg.description, p?.strength ?? '', p?.strengthUnit ?? '');
  const route = p === undefined ? undefined : routeOf(p.routes);
  const category = p === undefined ? undefined : marketingCategoryOf(p.marketingCategory, p.productType);
  const brand = p === undefined ? '' : [p.proprietaryName, p.proprietaryNameSuffix].filter((s) => s !== '').join(' ');
  const epc = p === undefined ? undefined : antineoplasticClass(p.pharmClasses);
  if (epc !== undefined) sources.push(`Antineoplastic: FDA pharmacologic class ${epc}.`);
  if (epc === undefined && m.chemotherapyCode !== undefined) {
    sources.push(`Antineoplastic: ${m.chemotherapyCode.code} is a chemotherapy code (J9000-J9999) in the ${m.chemotherapyCode.source}.`);
  }
  const biologic = purpleBookFacts(m.purpleBook?.rows ?? []);
  if (biologic !== undefined) sources.push(`Biologic${biologic.isBiosimilar === undefined ? '' : ', biosimilar'} and approval date: FDA Purple Book, ${m.purpleBook!.label} (BLA ${biologic.blaNumbers}).`);
  const strength = container.amount !== undefined && container.volume !== undefined
    ? `${container.amount.value} ${container.amount.unit}/${container.volume.value} ${container.volume.unit}`
    : p === undefined || p.strength === '' ? undefined : strengthText(p.strength, p.strengthUnit);
  return {
    ndc11: m.pkg.ndc11,
    ...(brand === '' ? {} : { brandName: brand }),
    ...(p === undefined || p.nonproprietaryName === '' ? {} : { genericName: p.nonproprietaryName }),
    ...(strength === undefined ? {} : { strength }),
    ...(p === undefined || p.dosageForm === '' ? {} : { dosageForm: p.dosageForm.toLowerCase() }),
    ...(route === undefined ? {} : { route }),
    ...(p === undefined ? {} : { routesPublished: p.routes, marketingCategoryPublished: p.marketingCategory, labeler: p.labeler }),
    ...(category === undefined ? {} : { marketingCategory: category }),
    ...(category === undefined ? {} : { isBiologic: category === 'BLA' || biologic !== undefined }),
    ...(biologic?.isBiosimilar === undefined ? {} : { isBiosimilar: biologic.isBiosimilar }),
    ...(epc !== undefined || m.chemotherapyCode !== undefined ? { isAntineoplastic: true } : {}),
    ...(biologic?.approvalDate === undefined ? {} : { fdaApprovalDate: biologic.approvalDate }),
    ...(m.pkg.marketingStart === null ? {} : { marketingStart: m.pkg.marketingStart }),
    ...(m.pkg.marketingEnd === null ? {} : { marketingEnd: m.pkg.marketingEnd }),
    ...(Object.keys(container).length === 0 ? {} : { container }),
    packageDescription: m.pkg.description,
    sources,
    unverified: [],
  };
}

/** "10 mg/mL"; several ingredients pair each strength with its unit: "70 mg/1; 5600 [iU]/1". */
function strengthText(strength: string, unit: string): string {
  const values = strength.split(';').map((s) => s.trim()), units = unit.split(';').map((s) => s.trim());
  return values.length === units.length ? values.map((v, i) => `${v} ${units[i]}`).join('; ') : `${strength} ${unit}`.trim();
}

/** Biosimilar status (when every matched row agrees) and the earliest approval of the matched BLAs. */
function purpleBookFacts(rows: readonly PurpleBookRow[]): { isBiosimilar?: boolean; approvalDate?: string; blaNumbers: string } | undefined {
  if (rows.length === 0) return undefined;
  const kinds = new Set(rows.map((r) => r.blaType.startsWith('351(k)')));
  const approvals = rows.map((r) => r.approvalDate).filter((d) => d !== null).sort();
  return {
    ...(kinds.size === 1 ? { isBiosimilar: kinds.has(true) } : {}),
    ...(approvals.length === 0 ? {} : { approvalDate: approvals[0]! }),
    blaNumbers: [...new Set(rows.map((r) => r.blaNumber))].join(', '),
  };
}
