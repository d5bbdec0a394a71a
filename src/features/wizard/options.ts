/**
 * The choices the wizard offers, in the words billers use. Values are the packet's enum values.
 */
import type { Option } from './fields';
import type {
  CareSetting, DocumentKind, MarketingCategory, NdcUnitQualifier, PayerKind, QuantityUnit, Route, TherapeuticClass,
} from '../../core/packet/schema';

const options = <T extends string>(labels: Record<T, string>): Option[] => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

export const CARE_SETTING_OPTIONS = options<CareSetting>({
  office: 'Physician office', 'hospital-outpatient': 'Hospital outpatient (OPPS)', asc: 'Ambulatory surgical center', 'dme-supplier': 'DME / home supplier',
});

export const PAYER_KIND_OPTIONS = options<PayerKind>({
  medicare: 'Medicare', 'medicare-advantage': 'Medicare Advantage', medicaid: 'Medicaid', commercial: 'Commercial plan', other: 'Other',
});

export const ROUTE_OPTIONS = options<Route>({
  intravenous: 'Intravenous (IV)', subcutaneous: 'Subcutaneous (SC)', intramuscular: 'Intramuscular (IM)', intravitreal: 'Intravitreal',
  intrathecal: 'Intrathecal', intravesical: 'Intravesical', intradermal: 'Intradermal', 'intra-articular': 'Intra-articular',
  intralesional: 'Intralesional', epidural: 'Epidural', oral: 'Oral (by mouth)', inhalation: 'Inhalation', topical: 'Topical',
  rectal: 'Rectal', ophthalmic: 'Ophthalmic (eye drops)', other: 'Other',
});

export const MARKETING_CATEGORY_OPTIONS = options<MarketingCategory>({
  NDA: 'NDA (brand drug)', ANDA: 'ANDA (generic drug)', BLA: 'BLA (biologic)', unapproved: 'Unapproved drug',
  compounded: 'Compounded', investigational: 'Investigational (clinical trial)',
});

export const THERAPEUTIC_CLASS_OPTIONS = options<TherapeuticClass>({
  none: 'None of these', antiemetic: 'Antiemetic (anti-nausea)', 'diagnostic-radiopharmaceutical': 'Diagnostic radiopharmaceutical',
  'therapeutic-radiopharmaceutical': 'Therapeutic radiopharmaceutical', 'contrast-agent': 'Contrast agent (non-radioactive)',
  'immune-globulin-iv': 'Immune globulin, intravenous', 'clotting-factor': 'Hemophilia clotting factor', immunosuppressive: 'Immunosuppressive drug',
});

export const UNIT_OPTIONS = options<QuantityUnit>({ mg: 'mg', mcg: 'mcg', g: 'g', mL: 'mL', L: 'L', units: 'units', IU: 'IU', each: 'each' });

export const NDC_UNIT_OPTIONS = options<NdcUnitQualifier>({
  ML: 'ML – milliliter', GR: 'GR – gram', ME: 'ME – milligram', F2: 'F2 – international unit', UN: 'UN – unit (each)',
});

export const DOCUMENT_KIND_OPTIONS = options<DocumentKind>({
  order: 'Signed order', 'administration-record': 'Administration record (MAR)', 'waste-record': 'Waste record', invoice: 'Invoice',
  'fda-approval': 'FDA approval letter or listing', 'package-insert': 'Package insert (label)', compendia: 'Compendium listing',
  'prior-auth-approval': 'Prior authorization approval', abn: 'Advance Beneficiary Notice (ABN)', 'compound-worksheet': 'Compounding worksheet',
  'clinical-trial': 'Clinical trial documents', 'proof-of-delivery': 'Proof of delivery', 'medical-record': 'Medical record', other: 'Other',
});
