/**
 * Billing units as CMS publishes them: every wording of the crosswalk's "HCPCS dosage" is read as an
 * amount, a container, a dose or a range, or left unreadable with the reason; never guessed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BillingUnit } from './billing-unit';
import { billingUnitText, descriptorBillingUnit, readBillingUnit } from './billing-unit';
import { importReferenceFile } from './reference-data/import';

const DATA = join(import.meta.dirname, '../../../shared/data');
const hasData = existsSync(DATA);
if (!hasData) console.warn(`Skipping the billing-unit tests on the real crosswalk: ${DATA} is absent (the CMS reference files live outside the repository).`);

/** The kind and what a biller reads of it. */
const read = (u: BillingUnit) => [u.kind, billingUnitText(u)];

describe('readBillingUnit (crosswalk "HCPCS dosage")', () => {
  it.each([
    ['1 MG', 'per 1 mg'], ['10 MG', 'per 10 mg'], ['0.5 MG', 'per 0.5 mg'], ['1 ML', 'per 1 mL'], ['1000 CC', 'per 1000 mL'],
    ['1.125 GM', 'per 1.125 g'], ['.625 GM', 'per 0.625 g'], ['1 IU', 'per 1 IU'], ['100 UNITS', 'per 100 units'], ['1 UNIT', 'per 1 units'],
    ['1 USP UNIT', 'per 1 units'], ['100,000 UNITS', 'per 100000 units'], ['1 EACH', 'per 1 each'], ['25 MCG', 'per 25 mcg'],
    // Spacing and case as published: no space, a leading or trailing space, lower case, a non-breaking space.
    ['1MG', 'per 1 mg'], [' 0.1 MG', 'per 0.1 mg'], ['10 MG ', 'per 10 mg'], ['1.125 gm', 'per 1.125 g'], ['1\u00a0MG', 'per 1 mg'],
    // "Up to" an amount is one unit per that amount or part of it.
    ['UP TO 80 MG', 'per 80 mg'], ['UP TO 0.50 MG', 'per 0.5 mg'], ['UP TO 1000 CC', 'per 1000 mL'],
    // Another name for the same amount, or a note, in parentheses; an activity unit named after its factor.
    ['300 MCG (1500 IU)', 'per 300 mcg'], ['10 MG (rituximab)', 'per 10 mg'], ['PER FACTOR VIII IU', 'per 1 IU'], ['1 I.U. VWF:RCO', 'per 1 IU'],
  ])('reads %j as an amount: %s', (text, words) => {
    expect(read(readBillingUnit(text))).toEqual(['amount', words]);
  });

  it.each([
    ['PER VIAL', 'per container (vial)'],
    ['Per 3.2 MG single-use applicator', 'per container of 3.2 mg'],
  ])('reads %j as one unit per container: %s', (text, words) => {
    expect(read(readBillingUnit(text))).toEqual(['container', words]);
  });

  it.each([
    'Per Dose', 'Per Therapeutic Dose', 'Per infusion (minimum 50 million cells)', 'UP TO 200 million CAR T cells',
    'UP TO 110 million CAR-positive viable T cells, per therapeutic dose',
    'UP TO 100 million autologous b-cell maturation antigen (bcma) directed car-positive t cells',
    'Less than or equal to 7 days of therapy ', 'Greater than 7 days and up to 28 days of therapy ',
  ])('reads %j as one unit per dose', (text) => {
    expect(read(readBillingUnit(text))).toEqual(['dose', 'per dose given']);
  });

  it.each([
    ['Less than or equal to 100 MG', 'per dose of 100 mg or less'],
    ['Greater than 100 MG', 'per dose of more than 100 mg'],
  ])('reads %j as a range of doses: %s', (text, words) => {
    expect(read(readBillingUnit(text))).toEqual(['range', words]);
  });

  it.each([
    ['2.5 MG/0.5 MG', /several ingredients/], ['10 MG/3MG', /several ingredients/], ['3 MG & 3 MG', /several ingredients/],
    ['5MG-1MG', /several ingredients/], ['2 MG - 3 MG', /several ingredients/], ['4 MG-4 MG-2 MG', /several ingredients/],
    ['75MG (50MG cft/25MG taz)', /several ingredients/], ['5 MG/20 MG 100 ML', /several ingredients/],
    ['1 SQ CM', /square centimetres/], ['2 MEQ', /milliequivalents/], ['1 million\u00a0PFU', /plaque-forming units/],
    ['', /no billing unit/], ['per kit of two', /does not read this wording/],
  ])('leaves %j unreadable, saying why', (text, why) => {
    const unit = readBillingUnit(text);
    expect(unit.kind).toBe('unreadable');
    expect(unit.kind === 'unreadable' && unit.why).toMatch(why);
  });

  it.skipIf(!hasData)('reads every "HCPCS dosage" of the October 2025 CMS crosswalk, each as one kind, the unreadable ones with a reason', () => {
    const result = importReferenceFile('cms_asp_ndc_hcpcs_crosswalk_oct2025.csv', readFileSync(join(DATA, 'cms_asp_ndc_hcpcs_crosswalk_oct2025.csv')), { today: '2026-11-23' });
    if (!result.ok || result.table.kind !== 'asp-crosswalk') throw new Error('the crosswalk did not import');
    const byKind = new Map<string, Set<string>>();
    for (const row of result.table.rows) {
      const unit = readBillingUnit(row.dosage);
      if (unit.kind === 'unreadable') expect(unit.why, row.dosage).not.toBe('');
      byKind.set(unit.kind, (byKind.get(unit.kind) ?? new Set()).add(row.dosage.trim()));
    }
    // Every wording that is not an amount, by kind: a new one in a later quarter shows up here.
    expect([...byKind.get('container')!].sort()).toEqual(['PER VIAL', 'Per 3.2 MG single-use applicator']);
    expect([...byKind.get('range')!].sort()).toEqual(['Greater than 100 MG', 'Less than or equal to 100 MG']);
    expect([...byKind.get('dose')!].sort()).toEqual([
      'Greater than 7 days and up to 28 days of therapy', 'Less than or equal to 7 days of therapy', 'Per Dose', 'Per Therapeutic Dose',
      'Per infusion (minimum 50 million cells)', 'UP TO 100 million autologous b-cell maturation antigen (bcma) directed car-positive t cells',
      'UP TO 110 million CAR-positive viable T cells, per therapeutic dose', 'UP TO 200 million CAR T cells',
      'UP TO 200 million autologous anti-CD19 CAR positive viable T cells', 'UP TO 460 million autologous anti-BCMA CAR-positive viable T cells',
      'UP TO 510 million autologous anti-BCMA CAR-positive viable T cells', 'UP TO 600 million CAR-positive viable T cells',
    ]);
    expect([...byKind.get('unreadable')!].sort()).toEqual([
      '0.25 MG - 5 MG', '1 MG/2.27 MG', '1 SQ CM', '1 million PFU', '10 MG/3MG', '2 MEQ', '2 MG - 3 MG', '2.5 MG/0.5 MG', '3 MG & 3 MG',
      '3 MG - 1 MG', '300 MG/0.5 MG', '4 MG-4 MG-2 MG', '5 MG/20 MG 100 ML', '5MG-1MG', '75MG (50MG cft/25MG taz)',
    ]);
  });
});

describe('descriptorBillingUnit (the end of a HCPCS descriptor)', () => {
  it.each([
    ['Injection, ublituximab-xiiy, 1mg', 'amount', 'per 1 mg'],
    ['Injection, infliximab, excludes biosimilar, 10 mg', 'amount', 'per 10 mg'],
    ['Injection, abatacept, 10 mg (code may be used for medicare when drug administered under the direct supervision of a physician, not for use when drug is self administered)', 'amount', 'per 10 mg'],
    ['Injection, penicillin g benzathine and penicillin g procaine, 100,000 units', 'amount', 'per 100000 units'],
    ['Injection, interferon, alfa-2a, recombinant, 3 million units', 'amount', 'per 3000000 units'],
    ['Injection, biperiden lactate, per 5 mg', 'amount', 'per 5 mg'],
    ['Injection, factor xiii a-subunit, (recombinant), per iu', 'amount', 'per 1 IU'],
    ['Injection, acetaminophen, not otherwise specified,10 mg', 'amount', 'per 10 mg'],
    ['Injection, cytomegalovirus immune globulin intravenous (human), per vial', 'container', 'per container (vial)'],
    ['Hyaluronan or derivative, hyalgan, supartz or visco-3, for intra-articular injection, per dose', 'dose', 'per dose given'],
    ['Axicabtagene ciloleucel, up to 200 million autologous anti-cd19 car positive viable t cells, including leukapheresis and dose preparation procedures, per therapeutic dose', 'dose', 'per dose given'],
    ['Injection, buprenorphine extended-release (sublocade), less than or equal to 100 mg', 'range', 'per dose of 100 mg or less'],
    ['Buprenorphine/naloxone, oral, greater than 3 mg, but less than or equal to 6 mg buprenorphine', 'range', 'per dose of more than 3 mg and 6 mg or less'],
  ])('reads %j', (descriptor, kind, words) => {
    expect(read(descriptorBillingUnit(descriptor))).toEqual([kind, words]);
  });

  it.each([
    ['Injection, betamethasone acetate 3 mg and betamethasone sodium phosphate 3 mg', /several ingredients/],
    ['Albuterol, up to 2.5 mg and ipratropium bromide, up to 0.5 mg, fda-approved final product, non-compounded, administered through dme', /several ingredients/],
    ['Instillation, bupivacaine and meloxicam, 1 mg/0.03 mg', /several ingredients/],
    ['Capsaicin 8% patch, per square centimeter', /square centimetres/],
    ['Unclassified drugs', /does not end with a billing unit/],
  ])('leaves %j unreadable, saying why', (descriptor, why) => {
    const unit = descriptorBillingUnit(descriptor);
    expect(unit.kind === 'unreadable' && unit.why).toMatch(why);
  });
});
