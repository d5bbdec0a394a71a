import { describe, expect, it } from 'vitest';
import { filled, isBlank } from './context';

describe('filled', () => {
  it('gives the text trimmed', () => {
    expect(filled('  J3490 ')).toBe('J3490');
    expect(filled('a b')).toBe('a b');
  });

  it('gives undefined for missing, empty and blank text', () => {
    for (const blank of [undefined, null, '', '   ', '\t\n', '\u00a0']) expect(filled(blank)).toBeUndefined();
  });

  it('agrees with isBlank', () => {
    for (const t of [undefined, null, '', ' ', 'x', ' x ']) expect(isBlank(t)).toBe(filled(t) === undefined);
  });
});
