/**
 * The packet's choices in the words billers and payers read: the wizard's options and the PDF
 * packet both name a care setting, a route or a kind of document from here.
 */
import type { CareSetting, DocumentKind, PriorAuthStatus, Route } from './schema';

export const CARE_SETTING_NAMES: Readonly<Record<CareSetting, string>> = {
  office: 'Physician office', 'hospital-outpatient': 'Hospital outpatient (OPPS)', asc: 'Ambulatory surgical center', 'dme-supplier': 'DME / home supplier',
};

export const ROUTE_NAMES: Readonly<Record<Route, string>> = {
  intravenous: 'Intravenous (IV)', subcutaneous: 'Subcutaneous (SC)', intramuscular: 'Intramuscular (IM)', intravitreal: 'Intravitreal',
  intrathecal: 'Intrathecal', intravesical: 'Intravesical', intradermal: 'Intradermal', 'intra-articular': 'Intra-articular',
  intralesional: 'Intralesional', epidural: 'Epidural', oral: 'Oral (by mouth)', inhalation: 'Inhalation', topical: 'Topical',
  rectal: 'Rectal', ophthalmic: 'Ophthalmic (eye drops)', other: 'Other',
};

export const DOCUMENT_KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  order: 'Signed order', 'administration-record': 'Administration record (MAR)', 'waste-record': 'Waste record', invoice: 'Invoice',
  'fda-approval': 'FDA approval letter or listing', 'package-insert': 'Package insert (label)', compendia: 'Compendium listing',
  'prior-auth-approval': 'Prior authorization approval', abn: 'Advance Beneficiary Notice (ABN)', 'compound-worksheet': 'Compounding worksheet',
  'clinical-trial': 'Clinical trial documents', 'proof-of-delivery': 'Proof of delivery', 'medical-record': 'Medical record', other: 'Other',
};

export const PRIOR_AUTH_STATUS_NAMES: Readonly<Record<PriorAuthStatus, string>> = {
  approved: 'Approved', pending: 'Requested, waiting for an answer', denied: 'Denied', 'not-requested': 'Not requested yet',
  'not-required': 'The payer said none is needed',
};
