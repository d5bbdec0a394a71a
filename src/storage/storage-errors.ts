/**
 * What the biller reads when the browser refuses to keep something: its storage for the app is
 * full (IndexedDB's QuotaExceededError), or it failed for another reason. Never the browser's own
 * error text.
 */

/** The browser refused a write because the storage it gives this app is full. */
export function isStorageFull(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

const MAKE_ROOM = 'delete claims you no longer need, or old files on the Reference data screen';

/** The claim being edited could not be saved: it is still on screen, and the biller can download it. */
export function draftNotSavedMessage(error: unknown): string {
  return isStorageFull(error)
    ? "This claim could not be saved: the browser's storage is full. Everything you typed is still on screen, so keep this window open. "
      + `Download a copy of the claim now, then make room: in a new tab, ${MAKE_ROOM}. Saving starts again by itself once there is room.`
    : 'This claim could not be saved in the browser. Everything you typed is still on screen, so keep this window open and download a copy of the claim now. '
      + 'Saving is tried again every few seconds.';
}

/** Something new (a claim, a copy, an attached file) could not be kept: nothing was kept. */
export function notKeptMessage(what: string, error: unknown): string {
  return isStorageFull(error)
    ? `${what} could not be kept: the browser's storage is full. Make room (${MAKE_ROOM}), then try again.`
    : `${what} could not be kept in the browser's storage. Try again; if it fails again, reload the page.`;
}
