import { describe, expect, it } from 'vitest';
import { formatCount, formatTime } from './format';

describe('formatCount', () => {
  it.each([[0, '0'], [7, '7'], [999, '999'], [1000, '1,000'], [8245, '8,245'], [98186, '98,186'], [1234567, '1,234,567'], [1234.5678, '1,234.5678'], [0.25, '0.25']])(
    '%d → %s, as toLocaleString("en-US") writes it', (n, text) => {
      expect(formatCount(n)).toBe(text);
      if (Number.isInteger(n)) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    },
  );
});

describe('formatTime', () => {
  it('writes the local date and time of day, 12-hour', () => {
    expect(formatTime(new Date(2025, 10, 20, 9, 5).toISOString())).toBe('11/20/2025, 9:05 AM');
    expect(formatTime(new Date(2025, 0, 2, 0, 30).toISOString())).toBe('01/02/2025, 12:30 AM');
    expect(formatTime(new Date(2025, 0, 2, 12, 0).toISOString())).toBe('01/02/2025, 12:00 PM');
    expect(formatTime(new Date(2025, 0, 2, 23, 59).toISOString())).toBe('01/02/2025, 11:59 PM');
  });

  it('is blank for what is not a time', () => {
    expect(formatTime('not a time')).toBe('');
  });
});
