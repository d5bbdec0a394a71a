/**
 * What an FDA package description says about the container a dose is drawn from:
 * "1 VIAL, SINGLE-DOSE in 1 CARTON (73150-150-06)  > 6 mL in 1 VIAL, SINGLE-DOSE" is a single-dose
 * vial of 6 mL. With the product's strength (25 mg/mL) it also gives the amount per container
 * (150 mg). Only what the text states is read; anything else is left out.
 */
import Fraction from 'fraction.js';
import type { Quantity, QuantityUnit } from '../packet/schema';
import { decimalText } from '../quantity';

export interface ContainerFacts {
  readonly type?: 'single-dose' | 'multi-dose';
  readonly amount?: Quantity;
  readonly volume?: Quantity;
}

/** FDA units (UCUM-like, as in ACTIVE_INGRED_UNIT) and the packet unit they are. */
const AMOUNT_UNITS: Readonly<Record<string, QuantityUnit>> = {
  mg: 'mg', g: 'g', ug: 'mcg', mcg: 'mcg', '[iu]': 'IU', "[usp'u]": 'units', '[u]': 'units', u: 'units',
};
const VOLUME_UNITS: Readonly<Record<string, QuantityUnit>> = { ml: 'mL', l: 'L' };

/** "6 mL in 1 VIAL, SINGLE-DOSE" → amount 6, unit "mL", container "VIAL, SINGLE-DOSE". */
const LEVEL = /^(\d+(?:\.\d+)?)\s+(.+?)\s+in\s+1\s+(.+?)\s*(?:\([\d-]+\))?$/i;

function containerType(description: string): ContainerFacts['type'] {
  const isSingle = /SINGLE-(?:DOSE|USE)/i.test(description), isMulti = /MULTI(?:PLE)?-DOSE/i.test(description);
  if (isSingle === isMulti) return undefined;
  return isSingle ? 'single-dose' : 'multi-dose';
}

const quantity = (value: Fraction, unit: QuantityUnit): Quantity => ({ value: decimalText(value), unit });

/** Reads the container of a package, using the product strength ("25", "mg/mL") for the amount. */
export function containerFacts(description: string, strength: string, strengthUnit: string): ContainerFacts {
  const innermost = description.split('>').map((s) => s.trim()).filter((s) => s !== '').pop() ?? '';
  const level = LEVEL.exec(innermost);
  const volumeUnit = level === null ? undefined : VOLUME_UNITS[level[2]!.toLowerCase()];
  const volume = volumeUnit === undefined ? undefined : { value: new Fraction(level![1]!), unit: volumeUnit };
  const type = containerType(description);
  const amount = amountPerContainer(strength, strengthUnit, volume);
  return {
    ...(type === undefined ? {} : { type }),
    ...(amount === undefined ? {} : { amount }),
    ...(volume === undefined ? {} : { volume: quantity(volume.value, volume.unit) }),
  };
}

/** Strength "10" "mg/mL" × 30 mL = 300 mg; "100" "mg/1" = 100 mg in each unit. One ingredient only. */
function amountPerContainer(strength: string, strengthUnit: string, volume: { value: Fraction; unit: QuantityUnit } | undefined): Quantity | undefined {
  if (strength.includes(';') || !/^\d+(?:\.\d+)?$/.test(strength.trim())) return undefined;
  const m = /^(.+?)\/(\d*(?:\.\d+)?)\s*(ml|l|1)$/i.exec(strengthUnit.trim());
  const unit = m === null ? undefined : AMOUNT_UNITS[m[1]!.toLowerCase()];
  if (m === null || unit === undefined) return undefined;
  const value = new Fraction(strength.trim());
  if (m[3] === '1') return m[2] === '' ? quantity(value, unit) : undefined;
  if (volume === undefined) return undefined;
  const per = new Fraction(m[2] === '' ? '1' : m[2]!).mul(m[3]!.toLowerCase() === 'l' ? 1000 : 1);
  const volumeMl = volume.value.mul(volume.unit === 'L' ? 1000 : 1);
  return quantity(value.mul(volumeMl).div(per), unit);
}
