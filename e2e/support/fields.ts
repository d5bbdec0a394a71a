/**
 * What a biller types on each step, worked out from a claim packet: one list of fields per step,
 * each named by the label the biller reads on screen. The same list fills a step (with the mouse
 * and keyboard as Playwright does, or with the keyboard alone) and checks that a step still shows
 * what was typed (after a reload, in a duplicate, in another tab).
 */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { ClaimPacket, Drug, Quantity } from '../../src/core/packet/schema';

type Attachment = NonNullable<ClaimPacket['attachments']>[number];

export type StepId = 'claim' | 'drug' | 'dose' | 'waste' | 'modifiers' | 'documents' | 'review';

export type Field =
  | { readonly kind: 'text' | 'date' | 'datetime'; readonly label: string; readonly value: string }
  /** A select, by option value (the packet's value). */
  | { readonly kind: 'select'; readonly label: string; readonly value: string }
  /** A checkbox, or (value true) the radio button with this label. */
  | { readonly kind: 'check'; readonly label: string; readonly value: boolean }
  | { readonly kind: 'quantity'; readonly label: string; readonly value: Quantity }
  /** A button that adds a row (a diagnosis, an ingredient), pressed when the row's first field is not there yet. */
  | { readonly kind: 'add-row'; readonly button: string; readonly rowLabel: string }
  /** A modifier typed in "Add a modifier". */
  | { readonly kind: 'modifier'; readonly value: string }
  /** A file attached as a document of a kind. */
  | { readonly kind: 'file'; readonly value: { readonly kind: string; readonly fileName: string; readonly mediaType: string } };

/** How a biller works the form: Playwright's ordinary actions, or the keyboard alone (support/keyboard.ts). */
export interface Driver {
  type(page: Page, label: string, value: string, kind: 'text' | 'date' | 'datetime'): Promise<void>;
  select(page: Page, label: string, value: string): Promise<void>;
  check(page: Page, label: string, value: boolean): Promise<void>;
  press(page: Page, button: string): Promise<void>;
  /** Types in `label` and presses Enter. */
  enter(page: Page, label: string, value: string): Promise<void>;
  attach(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void>;
}

export const byLabel = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** The file button of the Documentation step's drop zone (the browser's file input, visually hidden). */
export const ATTACH = 'Choose files';

export const pointer: Driver = {
  type: (page, label, value) => byLabel(page, label).fill(value),
  select: async (page, label, value) => { await byLabel(page, label).selectOption(value); },
  check: (page, label, value) => byLabel(page, label).setChecked(value),
  press: (page, button) => page.getByRole('button', { name: button, exact: true }).click(),
  enter: async (page, label, value) => {
    await byLabel(page, label).fill(value);
    await byLabel(page, label).press('Enter');
  },
  attach: (page, label, file) => byLabel(page, label).setInputFiles(file),
};

const CARE_SETTING: Record<string, string> = {
  office: 'Physician office', 'hospital-outpatient': 'Hospital outpatient (OPPS)', asc: 'Ambulatory surgical center', 'dme-supplier': 'DME / home supplier',
};
const CONTAINER_TYPE: Record<string, string> = { 'single-dose': 'Single-dose (single-use) vial or syringe', 'multi-dose': 'Multi-dose vial' };
/** The records kept in the chart, as their checkboxes are labelled. */
const DOCUMENT_KIND: Record<string, string> = {
  order: 'Signed order', 'administration-record': 'Administration record (MAR)', 'waste-record': 'Waste record', invoice: 'Invoice',
  'fda-approval': 'FDA approval letter or listing', 'package-insert': 'Package insert (label)', compendia: 'Compendium listing',
  'prior-auth-approval': 'Prior authorization approval', abn: 'Advance Beneficiary Notice (ABN)', 'compound-worksheet': 'Compounding worksheet',
  'clinical-trial': 'Clinical trial documents', 'proof-of-delivery': 'Proof of delivery', 'medical-record': 'Medical record', other: 'Other',
};

const text = (label: string, value: string | undefined, kind: 'text' | 'date' | 'datetime' = 'text'): Field[] =>
  value === undefined || value === '' ? [] : [{ kind, label, value }];
const select = (label: string, value: string | undefined): Field[] => (value === undefined ? [] : [{ kind: 'select', label, value }]);
const check = (label: string, value: boolean | undefined): Field[] => (value === undefined ? [] : [{ kind: 'check', label, value }]);
const choice = (labels: Record<string, string>, value: string | undefined): Field[] =>
  (value === undefined ? [] : [{ kind: 'check', label: labels[value] ?? value, value: true }]);
const quantity = (label: string, value: Quantity | undefined): Field[] => (value === undefined ? [] : [{ kind: 'quantity', label, value }]);

function claimFields(p: ClaimPacket): Field[] {
  const r = p.providers?.rendering, b = p.providers?.billing, o = p.providers?.ordering;
  return [
    ...choice(CARE_SETTING, p.careSetting),
    ...select('Kind of payer', p.payer?.kind),
    ...text('Payer name', p.payer?.name),
    ...select('Payer profile', p.payer?.profileId),
    ...text('Date of service', p.dates?.service, 'date'),
    ...text('Planned submission date', p.dates?.plannedSubmission, 'date'),
    ...select('Exception to the filing limit (Medicare)', p.dates?.filingException?.reason),
    ...text('Date of the notice', p.dates?.filingException?.noticeDate, 'date'),
    ...text('Patient account number', p.patient?.accountReference),
    ...text('Rendering provider NPI', r?.npi),
    ...text('Rendering provider name', r?.name),
    ...text('Rendering provider credentials', r?.credentials),
    ...text('Billing provider NPI', b?.npi),
    ...text('Billing provider name', b?.name),
    ...check('The billing provider is a 340B covered entity', b?.is340bEntity),
    ...text('Ordering provider NPI (if different)', o?.npi),
    ...text('Ordering provider name (if different)', o?.name),
    ...(p.diagnoses ?? []).flatMap((d, i): Field[] => {
      const label = i === 0 ? 'Primary diagnosis' : `Diagnosis ${i + 1}`;
      return [...(i === 0 ? [] : [{ kind: 'add-row', button: 'Add a diagnosis', rowLabel: label } as const]), ...text(label, d.code)];
    }),
    ...text('ClinicalTrials.gov number', p.clinicalTrial?.nctNumber),
    ...check('This is a qualifying clinical trial', p.clinicalTrial?.isQualifyingTrial),
  ];
}

function drugFields(d: Drug): Field[] {
  return [
    ...text('NDC from the vial or package label', d.ndc?.input),
    ...text('Brand name', d.brandName),
    ...text('Generic name', d.genericName),
    ...text('Strength', d.strength),
    ...text('Dosage form', d.dosageForm),
    ...select('Route it was given by', d.route),
    ...select('FDA marketing category', d.marketingCategory),
    ...text('FDA approval date', d.fdaApprovalDate, 'date'),
    ...check('Biologic (licensed under a BLA)', d.isBiologic),
    ...check('Biosimilar', d.isBiosimilar),
    ...check('Anticancer (antineoplastic) drug', d.isAntineoplastic),
    ...select('Special drug group', d.therapeuticClass),
    ...check('Used off-label (for a use not on the label)', d.isOffLabel),
    ...text('Why the off-label use is medically accepted', d.offLabelRationale),
    ...check("On the contractor's self-administered drug list", d.isOnSelfAdministeredList),
    ...check('Only commercial products mixed together (for example two drugs in one syringe)', d.isMixtureOfCommercialProducts),
    ...check('Supplied free by a clinical trial sponsor', d.isSuppliedFreeBySponsor),
    ...(d.compoundIngredients ?? []).flatMap((c, i): Field[] => [
      { kind: 'add-row', button: 'Add an ingredient', rowLabel: `Ingredient ${i + 1} name` },
      ...text(`Ingredient ${i + 1} name`, c.name),
      ...text(`Ingredient ${i + 1} NDC`, c.ndc),
      ...quantity(`Ingredient ${i + 1} amount`, c.amount),
    ]),
    ...text('Code to bill instead', d.codeOverride?.code),
    ...text('Why this code', d.codeOverride?.reason),
  ];
}

function doseFields(d: Drug): Field[] {
  return [
    ...quantity('Total dose given', d.administration?.dose),
    ...choice(CONTAINER_TYPE, d.container?.type),
    ...quantity('Drug amount in one container', d.container?.amount),
    ...quantity('Volume of one container (liquids)', d.container?.volume),
    ...text('Containers opened for this dose', d.container?.opened),
    ...select('NDC unit of measure', d.ndcUnitOverride),
    ...text('HCPCS units', d.hcpcsUnitsOverride),
  ];
}

function wasteFields(d: Drug): Field[] {
  return [
    ...quantity('Amount discarded', d.waste?.amount),
    ...text('Why it was discarded', d.waste?.reason),
    ...text('Date and time it was discarded', d.waste?.time, 'datetime'),
  ];
}

function modifierFields(d: Drug): Field[] {
  return (d.modifiers ?? []).map((value) => ({ kind: 'modifier', value }));
}

function documentFields(d: Drug, attachments: readonly Attachment[]): Field[] {
  const a = d.administration, pa = d.priorAuth, inv = d.invoice;
  return [
    ...text('Administration started', a?.start, 'datetime'),
    ...text('Administration ended', a?.end, 'datetime'),
    ...text('Frequency', a?.frequency),
    ...text('Lot number', a?.lot),
    ...text('Expiration date', a?.expiration, 'date'),
    ...text('Given by', a?.administeredBy),
    ...text('Why the drug was medically necessary', d.medicalNecessity),
    ...select('Authorization status', pa?.status),
    ...text('Authorization number', pa?.number),
    ...text('Valid from', pa?.validFrom, 'date'),
    ...text('Valid through', pa?.validThrough, 'date'),
    ...text('Supplier', inv?.supplier),
    ...text('Invoice date', inv?.date, 'date'),
    ...text('NDC on the invoice', inv?.ndc),
    ...text('Packages on the invoice', inv?.quantity),
    ...text('Net cost (USD)', inv?.netCost),
    ...(d.documentsOnFile ?? []).flatMap((kind) => check(DOCUMENT_KIND[kind] ?? kind, true)),
    ...attachments.filter((f) => f.drugId === undefined || f.drugId === d.id).map((f): Field => ({
      kind: 'file', value: { kind: f.kind ?? 'other', fileName: f.fileName ?? 'document.pdf', mediaType: f.mediaType ?? 'application/pdf' },
    })),
  ];
}

/** The fields of a step, from the packet's first drug. */
export function stepFields(step: StepId, packet: ClaimPacket): Field[] {
  const drug = packet.drugs?.[0] ?? {};
  switch (step) {
    case 'claim': return claimFields(packet);
    case 'drug': return drugFields(drug);
    case 'dose': return doseFields(drug);
    case 'waste': return wasteFields(drug);
    case 'modifiers': return modifierFields(drug);
    case 'documents': return documentFields(drug, packet.attachments ?? []);
    case 'review': return text('Your own description (optional)', drug.narrativeOverride);
  }
}

/** A small file of the type given: a PDF, or a 1×1 PNG. */
export function sampleFile(name: string, mimeType: string): { name: string; mimeType: string; buffer: Buffer } {
  const buffer = mimeType === 'application/pdf'
    ? Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`)
    : Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  return { name, mimeType, buffer };
}

export async function fillField(page: Page, field: Field, driver: Driver = pointer): Promise<void> {
  switch (field.kind) {
    case 'text': case 'date': case 'datetime':
      return driver.type(page, field.label, field.value, field.kind);
    case 'select':
      return driver.select(page, field.label, field.value);
    case 'check':
      return driver.check(page, field.label, field.value);
    case 'quantity':
      if (field.value.value !== undefined) await driver.type(page, field.label, field.value.value, 'text');
      if (field.value.unit !== undefined) await driver.select(page, `${field.label}: unit`, field.value.unit);
      return;
    case 'add-row':
      if (await byLabel(page, field.rowLabel).count() === 0) await driver.press(page, field.button);
      return;
    case 'modifier':
      await driver.enter(page, 'Add a modifier', field.value);
      await expect(page.getByRole('button', { name: `Remove ${field.value}`, exact: true })).toBeVisible();
      return;
    case 'file':
      await driver.attach(page, ATTACH, sampleFile(field.value.fileName, field.value.mediaType));
      await expect(page.getByRole('button', { name: `Preview ${field.value.fileName}` })).toBeVisible();
      await driver.select(page, `Kind of document for ${field.value.fileName}`, field.value.kind);
  }
}

export async function fillFields(page: Page, fields: readonly Field[], driver: Driver = pointer): Promise<void> {
  for (const field of fields) await fillField(page, field, driver);
}

/** Every field shows the value typed (or the modifier added; the file attached opens in its preview). */
export async function expectFields(page: Page, fields: readonly Field[]): Promise<void> {
  for (const field of fields) {
    switch (field.kind) {
      case 'text': case 'date': case 'datetime': case 'select':
        await expect(byLabel(page, field.label), field.label).toHaveValue(field.value);
        break;
      case 'check':
        await expect(byLabel(page, field.label), field.label).toBeChecked({ checked: field.value });
        break;
      case 'quantity':
        await expect(byLabel(page, field.label), field.label).toHaveValue(field.value.value ?? '');
        await expect(byLabel(page, `${field.label}: unit`), `${field.label}: unit`).toHaveValue(field.value.unit ?? '');
        break;
      case 'add-row':
        await expect(byLabel(page, field.rowLabel)).toBeVisible();
        break;
      case 'modifier':
        await expect(page.getByRole('button', { name: `Remove ${field.value}`, exact: true })).toBeVisible();
        break;
      case 'file':
        await expect(byLabel(page, `Kind of document for ${field.value.fileName}`)).toHaveValue(field.value.kind);
        await expectFileKept(page, field.value.fileName);
    }
  }
}

/**
 * An attached file is listed and its file is in this browser: its preview shows it (a file that
 * is only listed gets "… is listed but its file is not in this browser").
 */
async function expectFileKept(page: Page, fileName: string): Promise<void> {
  await page.getByRole('button', { name: `Preview ${fileName}` }).click();
  const preview = page.getByRole('dialog', { name: `Preview of ${fileName}` });
  await expect(preview.locator(`iframe[title="Preview of ${fileName}"], img[alt="Preview of ${fileName}"]`), fileName).toHaveAttribute('src', /^blob:/);
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toBeHidden();
}

/**
 * What every field of the step shown holds, by its name in the step's form (its place in the
 * claim; `name=value` for a checkbox or radio button): all of them, whatever the packet fills.
 * Only the controls that choose what to add (a modifier, a file and its kind) have no name.
 */
export function formValues(page: Page): Promise<Record<string, string | boolean>> {
  return page.getByRole('main').evaluate((main) => Object.fromEntries(
    [...main.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]')].map((control) => (
      control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')
        ? [`${control.name}=${control.value}`, control.checked]
        : [control.name, control.value])),
  ));
}
