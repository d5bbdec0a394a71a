import { describe, expect, it } from 'vitest';
import { draftNotSavedMessage, isStorageFull, notKeptMessage } from './storage-errors';

const BROWSER_TEXT = 'Transaction aborted: quota check failed in leveldb::Put';
const full = new DOMException(BROWSER_TEXT, 'QuotaExceededError');
const others: readonly unknown[] = [
  new DOMException(BROWSER_TEXT, 'AbortError'),
  new DOMException(BROWSER_TEXT, 'UnknownError'),
  new DOMException(BROWSER_TEXT, 'InvalidStateError'),
  new Error(BROWSER_TEXT),
  BROWSER_TEXT,
  undefined,
];

describe('storage errors, in the biller’s words', () => {
  it('knows the browser’s "storage full" from any other failure', () => {
    expect(isStorageFull(full)).toBe(true);
    for (const error of others) expect(isStorageFull(error), String(error)).toBe(false);
  });

  it('a claim not saved because storage is full: what happened, that it is still on screen, to download it and make room', () => {
    const message = draftNotSavedMessage(full);
    expect(message).toMatch(/^This claim could not be saved: the browser's storage is full\./);
    expect(message).toContain('Everything you typed is still on screen');
    expect(message).toContain('Download a copy of the claim now');
    expect(message).toContain('delete claims you no longer need, or old files on the Reference data screen');
    expect(message).toContain('Saving starts again by itself once there is room.');
  });

  it('any other failure to save: still on screen and to download, without blaming a full storage', () => {
    for (const error of others) {
      const message = draftNotSavedMessage(error);
      expect(message).toContain('Everything you typed is still on screen');
      expect(message).toContain('download a copy of the claim now');
      expect(message).not.toContain('full');
    }
  });

  it('something new that could not be kept is named, with what to do', () => {
    expect(notKeptMessage('invoice.pdf', full)).toBe(
      "invoice.pdf could not be kept: the browser's storage is full. Make room (delete claims you no longer need, or old files on the Reference data screen), then try again.",
    );
    expect(notKeptMessage('The new claim', others[0])).toBe("The new claim could not be kept in the browser's storage. Try again; if it fails again, reload the page.");
  });

  it('never shows the browser’s own error text', () => {
    for (const error of [full, ...others]) {
      expect(draftNotSavedMessage(error)).not.toContain(BROWSER_TEXT);
      expect(notKeptMessage('The copy', error)).not.toContain(BROWSER_TEXT);
    }
  });
});
