/**
 * The choices the wizard offers, in the words billers use. Values are the packet's enum values.
 */
import type { Option } from './fields';
import { CARE_SETTING_NAMES, DOCUMENT_KIND_NAMES, PRIOR_AUTH_STATUS_NAMES, ROUTE_NAMES } from '../../core/packet/labels';
import type {
  CareSetting, DocumentKind, MarketingCategory, NdcUnitQualifier, PayerKind, PriorAuthStatus, QuantityUnit, Route, TherapeuticClass,
} from '../../core/packet/schema';

const options = <T extends string>(labels: Readonly<Record<T, string>>): Option[] => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

export const CARE_SETTING_OPTIONS = options<CareSetting>(CARE_SETTING_NAMES);

export const PAYER_KIND_OPTIONS = options<PayerKind>({
  medicare: 'Medicare', 'medicare-advantage': 'Medicare Advantage', medicaid: 'Medicaid', commercial: 'Commercial plan', other: 'Other',
});

export const ROUTE_OPTIONS = options<Route>(ROUTE_NAMES);

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

export const DOCUMENT_KIND_OPTIONS = options<DocumentKind>(DOCUMENT_KIND_NAMES);

export const PRIOR_AUTH_OPTIONS = options<PriorAuthStatus>(PRIOR_AUTH_STATUS_NAMES);
