import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatMoney, formatTime } from './format';

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

describe('formatMoney', () => {
  it.each([['70499.00', '$70,499.00'], ['6500', '$6,500.00'], ['49.2', '$49.20'], ['0.00', '$0.00'], ['1234567.89', '$1,234,567.89'], ['225.107', '$225.107']])(
    '%s → %s', (amount, text) => expect(formatMoney(amount)).toBe(text),
  );
});

describe('formatDate and formatDateTime', () => {
  it('write dates MM/DD/YYYY and times of day 12-hour, leaving text that is not a date as it is', () => {
    expect(formatDate('2023-03-10')).toBe('03/10/2023');
    expect(formatDate('2023-02-30')).toBe('2023-02-30');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('2023-03-10T09:05')).toBe('03/10/2023 9:05 AM');
    expect(formatDateTime('2023-03-10T00:30')).toBe('03/10/2023 12:30 AM');
    expect(formatDateTime('2023-03-10T12:00')).toBe('03/10/2023 12:00 PM');
    expect(formatDateTime('2023-03-10T23:59')).toBe('03/10/2023 11:59 PM');
    expect(formatDateTime('soon')).toBe('soon');
  });
});
