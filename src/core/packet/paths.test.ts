import { describe, expect, it } from 'vitest';
import { fieldMeta, pathExists, schemaAt } from './paths';

describe('pathExists', () => {
  it.each([
    '', 'format', 'dates.service', 'drugs', 'drugs.0', 'drugs.12.ndc.input', 'drugs.0.modifiers.3', 'drugs.0.compoundIngredients.1.amount.unit',
    'providers.rendering.npi', 'diagnoses.0.code', 'payer.customProfile.nocUnits', 'payer.customProfile.nocUnits.per.value',
    'payer.customProfile.timelyFiling.days', 'attachments.0.sha256',
  ])('finds %j', (path) => {
    expect(pathExists(path)).toBe(true);
    expect(schemaAt(path)).toBeDefined();
  });

  it.each(['drugs.x', 'drugs.-1', 'drugs.01', 'drugs.0.nope', 'dates.service.day', 'providers.0.npi', 'toString', '__proto__', 'drugs.0.constructor', 'format.length'])(
    'refuses %j',
    (path) => {
      expect(pathExists(path)).toBe(false);
    },
  );
});

describe('fieldMeta', () => {
  it('gives the title and hint of a field', () => {
    expect(fieldMeta('dates.service').title).toBe('Date of service');
    expect(fieldMeta('dates.service').hint).toBe('The day the drug was given.');
    expect(fieldMeta('dates.service').written).toBe('Written like 2024-05-06.');
    expect(fieldMeta('drugs.0.route').title).toBe('Route it was given by');
  });

  it('falls back to the nearest titled field above', () => {
    expect(fieldMeta('drugs.0.modifiers.2').title).toBe('Modifiers added by the biller');
    expect(fieldMeta('no.such.path').title).toBe('NOC claim packet');
  });
});
