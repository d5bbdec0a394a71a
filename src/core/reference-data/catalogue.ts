/**
 * The built-in catalogue: drug facts for the NDCs of the worked examples, written by hand so the
 * wizard prefills the drug step before any file is imported. Each entry cites where its facts come
 * from and lists, by field, what could not be checked against the FDA label or files.
 *
 * It answers "what is this NDC" only. It never answers "does this NDC have its own HCPCS code":
 * that needs the CMS crosswalk for the date of service.
 *
 * Left out on purpose: NDC 0002-8011-01 (examples 16a/16b call it Ebglyss, but the October 2025
 * CMS crosswalk lists labeler-product 00002-8011 as Omvoh, mirikizumab-mrkz), and the made-up
 * NDCs of examples 09 (71205-0418-20) and 23 (80830-0210-01).
 */
import type { Ndc11 } from '../ndc';
import { knownNdc11 } from '../ndc';
import type { DrugFacts, ProductPackage } from '../reference';

const CROSSWALK = 'CMS ASP NDC-HCPCS crosswalk, October 2025';
const PURPLE_BOOK = 'FDA Purple Book (data download, approvals through March 14, 2025)';

/** Marcaine (bupivacaine) 0.5% vials: 5 mg/mL, so the amount follows from the volume. */
function marcaine(ndc11: string, ndc: string, mL: number, type: 'single-dose' | 'multi-dose'): DrugFacts {
  return {
    ndc11: knownNdc11(ndc11), brandName: 'Marcaine', genericName: 'bupivacaine hydrochloride', strength: `${mL * 5} mg/${mL} mL`, dosageForm: 'injection, solution',
    marketingCategory: 'NDA', labeler: 'Pfizer Inc', isBiologic: false, isAntineoplastic: false,
    container: { type, amount: { value: String(mL * 5), unit: 'mg' }, volume: { value: String(mL), unit: 'mL' } },
    sources: [
      `${CROSSWALK}: NDC ${ndc}, Marcaine, Pfizer Inc, ${mL} mL (J0665 from 7/1/2023).`,
      'MARCAINE label (NDA016964): 0.5% = 5 mg/mL; given by infiltration, nerve block or epidural (several routes, so none is prefilled).',
    ],
    unverified: ['container.type'],
  };
}

/** Avastin (bevacizumab) 25 mg/mL single-dose vials. */
function avastin(ndc11: string, ndc: string, mg: number, mL: number): DrugFacts {
  return {
    ndc11: knownNdc11(ndc11), brandName: 'Avastin', genericName: 'bevacizumab', strength: `${mg} mg/${mL} mL`, dosageForm: 'injection, solution', route: 'intravenous',
    marketingCategory: 'BLA', labeler: 'Genentech, Inc.', isBiologic: true, isBiosimilar: false, isAntineoplastic: true, fdaApprovalDate: '2004-02-26',
    container: { type: 'single-dose', amount: { value: String(mg), unit: 'mg' }, volume: { value: String(mL), unit: 'mL' } },
    sources: [
      `${PURPLE_BOOK}: BLA 125085, 351(a), ${mg}MG/${mL}ML (25MG/ML) single-dose vial, intravenous, approved 26-Feb-04.`,
      `${CROSSWALK}: NDC ${ndc}, Avastin, Genentech, ${mg / 10} units of J9035 (10 mg, a J9 chemotherapy code) per vial.`,
    ],
    unverified: [],
  };
}

const ENTRIES: readonly DrugFacts[] = [
  {
    ndc11: knownNdc11('25682002201'), brandName: 'Ultomiris', genericName: 'ravulizumab-cwvz', strength: '300 mg/30 mL', dosageForm: 'injection, solution, concentrate',
    route: 'intravenous', marketingCategory: 'BLA', labeler: 'Alexion Pharmaceuticals, Inc.', isBiologic: true, isBiosimilar: false, isAntineoplastic: false,
    fdaApprovalDate: '2018-12-21', container: { type: 'single-dose', amount: { value: '300', unit: 'mg' }, volume: { value: '30', unit: 'mL' } },
    sources: [
      'DailyMed, ULTOMIRIS label (set id a9a590d9-0217-43c7-908d-e62a71279791, March 2024): lists NDC 25682-022-01, solution concentrate, BLA, complement inhibitor.',
      `${PURPLE_BOOK}: BLA 761108, 351(a), 300MG/30ML (10MG/ML) single-dose vial, approved 21-Dec-18.`,
      `${CROSSWALK}: 25682-0025-01 is the 3 mL vial and 25682-0028-01 the 11 mL vial, so 25682-0022-01 is taken to be the 30 mL vial.`,
    ],
    unverified: ['strength', 'container'],
  },
  {
    ndc11: knownNdc11('73150015006'), brandName: 'Briumvi', genericName: 'ublituximab-xiiy', strength: '150 mg/6 mL', dosageForm: 'injection, solution',
    route: 'intravenous', marketingCategory: 'BLA', labeler: 'TG Therapeutics, Inc.', isBiologic: true, isBiosimilar: false, isAntineoplastic: false,
    fdaApprovalDate: '2022-12-28', container: { type: 'single-dose', amount: { value: '150', unit: 'mg' }, volume: { value: '6', unit: 'mL' } },
    sources: [
      `${PURPLE_BOOK}: BLA 761238, 351(a), 150MG/6ML (25MG/ML) single-dose vial, intravenous, approved 28-Dec-22.`,
      `${CROSSWALK}: NDC 73150-0150-06, Briumvi, TG Therapeutics, 6 mL, 1 vial per package (J2329 from 7/1/2023).`,
      'BRIUMVI prescribing information: indicated for relapsing forms of multiple sclerosis (not an anticancer use).',
    ],
    unverified: ['dosageForm'],
  },
  {
    ndc11: knownNdc11('00310453530'), brandName: 'Imjudo', genericName: 'tremelimumab-actl', strength: '300 mg/15 mL', dosageForm: 'injection, solution',
    route: 'intravenous', marketingCategory: 'BLA', labeler: 'AstraZeneca Pharmaceuticals LP', isBiologic: true, isBiosimilar: false, isAntineoplastic: true,
    fdaApprovalDate: '2022-10-21', container: { type: 'single-dose', amount: { value: '300', unit: 'mg' }, volume: { value: '15', unit: 'mL' } },
    sources: [
      `${PURPLE_BOOK}: BLA 761289, 351(a), 300MG/15ML (20MG/ML) single-dose vial, intravenous, approved 21-Oct-22.`,
      `${CROSSWALK}: NDC 00310-4535-30, Imjudo, AstraZeneca, 15 mL, under J9347 (a J9 chemotherapy code, from 7/1/2023).`,
    ],
    unverified: ['dosageForm'],
  },
  marcaine('00409161050', '00409-1610-50', 50, 'multi-dose'),
  marcaine('00409156029', '00409-1560-29', 30, 'single-dose'),
  {
    ndc11: knownNdc11('00641602110'), genericName: 'famotidine', strength: '200 mg/20 mL', dosageForm: 'injection, solution', route: 'intravenous',
    marketingCategory: 'ANDA', labeler: 'Hikma Pharmaceuticals USA Inc.', isBiologic: false, isAntineoplastic: false,
    container: { type: 'multi-dose', amount: { value: '200', unit: 'mg' }, volume: { value: '20', unit: 'mL' } },
    sources: [
      'Hikma Famotidine Injection, USP label (ANDA075488), How Supplied: 10 mg/mL, "20 mL Multiple Dose Vial packaged in 10s (NDC 0641-6021-10)", for intravenous use only.',
      `${CROSSWALK}: NDC 00641-6021-10, Hikma, 20 mL × 10 vials per package (J1308 from 4/1/2025).`,
    ],
    unverified: [],
  },
  {
    ndc11: knownNdc11('83034000360'), brandName: 'Ohtuvayre', genericName: 'ensifentrine', strength: '3 mg/2.5 mL', dosageForm: 'inhalation suspension',
    route: 'inhalation', marketingCategory: 'NDA', labeler: 'Verona Pharma Inc.', isBiologic: false, isAntineoplastic: false, fdaApprovalDate: '2024-06-26',
    container: { type: 'single-dose', amount: { value: '3', unit: 'mg' }, volume: { value: '2.5', unit: 'mL' } },
    sources: [`${CROSSWALK}: NDC 83034-0003-60, Ohtuvayre, Verona Pharma, 2.5 mL × 60 unit-dose ampules (J7601, 3 mg, from 1/1/2025).`],
    unverified: ['dosageForm', 'marketingCategory', 'fdaApprovalDate', 'container.type'],
  },
  {
    ndc11: knownNdc11('59572073014'), brandName: 'Onureg', genericName: 'azacitidine', strength: '300 mg', dosageForm: 'tablet, film coated', route: 'oral',
    marketingCategory: 'NDA', labeler: 'Celgene Corporation', isBiologic: false, isAntineoplastic: true, fdaApprovalDate: '2020-09-01',
    container: { amount: { value: '300', unit: 'mg' } },
    sources: [
      'ONUREG prescribing information (Celgene/Bristol Myers Squibb): azacitidine 200 mg and 300 mg tablets, a nucleoside metabolic inhibitor for acute myeloid leukemia.',
      'onuregpro.com: tablets are supplied in blister cards of 7, so the 14-count package of example 12 has not been confirmed.',
    ],
    unverified: ['ndc11', 'fdaApprovalDate', 'marketingCategory'],
  },
  {
    ndc11: knownNdc11('00069305175'), brandName: 'Zithromax', genericName: 'azithromycin', strength: '1 g', dosageForm: 'powder, for suspension', route: 'oral',
    marketingCategory: 'NDA', labeler: 'Pfizer Laboratories Div Pfizer Inc', isBiologic: false, isAntineoplastic: false,
    container: { type: 'single-dose', amount: { value: '1', unit: 'g' } },
    sources: ['ZITHROMAX label (Pfizer): azithromycin for oral suspension, including 1 g single-dose packets.'],
    unverified: ['ndc11', 'marketingCategory', 'labeler'],
  },
  {
    ndc11: knownNdc11('57894003001'), brandName: 'Remicade', genericName: 'infliximab', strength: '100 mg', dosageForm: 'injection, powder, lyophilized, for solution',
    route: 'intravenous', marketingCategory: 'BLA', labeler: 'Janssen Biotech, Inc.', isBiologic: true, isBiosimilar: false, isAntineoplastic: false,
    fdaApprovalDate: '1998-08-24', container: { type: 'single-dose', amount: { value: '100', unit: 'mg' } },
    sources: [
      `${PURPLE_BOOK}: BLA 103772, 351(a), 100MG for injection, single-dose vial, intravenous, approved 24-Aug-98.`,
      `${CROSSWALK}: NDC 57894-0030-01, Remicade, Janssen Biotech, 10 units of J1745 (10 mg) per vial.`,
    ],
    unverified: ['dosageForm'],
  },
  {
    ndc11: knownNdc11('00641604425'), genericName: 'lorazepam', strength: '2 mg/mL', dosageForm: 'injection', route: 'intravenous', marketingCategory: 'ANDA',
    labeler: 'Hikma Pharmaceuticals USA Inc.', isBiologic: false, isAntineoplastic: false,
    container: { type: 'single-dose', amount: { value: '2', unit: 'mg' }, volume: { value: '1', unit: 'mL' } },
    sources: [`${CROSSWALK}: NDC 00641-6044-25, Lorazepam, Hikma, 1 mL × 25 per package, 1 unit of J2060 (2 mg) per item.`],
    unverified: ['container.type', 'marketingCategory', 'route', 'dosageForm'],
  },
  {
    ndc11: knownNdc11('50633012011'), brandName: 'DigiFab', genericName: 'digoxin immune fab (ovine)', strength: '40 mg', dosageForm: 'injection, powder, lyophilized, for solution',
    route: 'intravenous', marketingCategory: 'BLA', labeler: 'BTG International Inc.', isBiologic: true, isBiosimilar: false, isAntineoplastic: false,
    fdaApprovalDate: '2001-08-31', container: { type: 'single-dose', amount: { value: '40', unit: 'mg' } },
    sources: [
      `${PURPLE_BOOK}: BLA 103910, 351(a), 40MG for injection, single-dose vial, intravenous, approved 31-Aug-01.`,
      `${CROSSWALK}: NDC 50633-0120-11, Digifab, BTG International, J1162 billed per vial.`,
    ],
    unverified: ['dosageForm'],
  },
  avastin('50242006001', '50242-0060-01', 100, 4),
  avastin('50242006101', '50242-0061-01', 400, 16),
  {
    ndc11: knownNdc11('69448002263'), brandName: 'Jubereq', genericName: 'denosumab-desu', strength: '120 mg/1.7 mL', dosageForm: 'injection, solution',
    route: 'subcutaneous', marketingCategory: 'BLA', isBiologic: true, isBiosimilar: true, marketingStart: '2026-07-13',
    container: { type: 'single-dose', amount: { value: '120', unit: 'mg' }, volume: { value: '1.7', unit: 'mL' } },
    sources: ['Billing rules §16.17 (from the openFDA NDC listing): NDC 69448-022-63, denosumab-desu 120 mg/1.7 mL single-use vial, marketed from 2026-07-13.'],
    unverified: ['isBiosimilar', 'dosageForm', 'marketingCategory'],
  },
];

const BY_NDC = new Map(ENTRIES.map((e) => [e.ndc11, e]));

/** The catalogue's facts of an NDC (11 digits), with "built-in catalogue" named as their source. */
export function catalogueFacts(ndc11: Ndc11): DrugFacts | undefined {
  const entry = BY_NDC.get(ndc11);
  return entry && { ...entry, sources: ['Built-in catalogue of the wizard (no FDA file imported for this NDC):', ...entry.sources] };
}

const productKey = (f: DrugFacts) => [f.brandName, f.genericName, f.labeler, f.dosageForm].map((v) => v?.trim().toLowerCase() ?? '').join('|');

/** The catalogue's other packages of the same product (same names, labeler and form) with the amount in one container. */
export function catalogueOtherPackages(ndc11: Ndc11): readonly ProductPackage[] | undefined {
  const entry = BY_NDC.get(ndc11);
  if (entry === undefined) return undefined;
  const key = productKey(entry);
  return ENTRIES.filter((e) => e.ndc11 !== ndc11 && productKey(e) === key && e.container?.amount !== undefined).map((e) => ({
    ndc11: e.ndc11, amount: e.container!.amount!, ...(e.container!.type === undefined ? {} : { containerType: e.container!.type }),
    source: 'Built-in catalogue of the wizard',
  }));
}
