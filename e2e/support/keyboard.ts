/// <reference lib="dom" />
/**
 * The keyboard alone: Tab and Shift+Tab to reach a field, typing, Space, Enter and the arrow
 * keys to work it. No clicks, no `fill`. Reading where the focus is (to know when to stop
 * tabbing) is the only thing done outside the keyboard.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Driver } from './fields';
import { byLabel } from './fields';

const MAX_TABS = 120;

/** Tabs (forwards, or backwards when the target is behind the focus) until the target has the focus. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return 'here';
      const isBehind = active !== null && active !== document.body && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      return isBehind ? 'behind' : 'ahead';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'behind' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} not reached with ${MAX_TABS} presses of Tab`);
}

/** Tabs to a radio button's group (its tab stop) and moves with the arrow keys until it is checked. */
async function chooseRadio(page: Page, target: Locator): Promise<void> {
  const name = await target.getAttribute('name');
  for (let i = 0; i < MAX_TABS; i++) {
    const inGroup = await page.evaluate((n) => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement && active.type === 'radio' && active.name === n;
    }, name);
    if (inGroup) break;
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < 10 && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(target).toBeChecked();
}

/**
 * Types `2023-02-20` into a US date field (month, day, year: each segment moves on when full), or
 * `2023-02-20T21:05` into a date-and-time field: the year takes up to six digits, so ArrowRight
 * moves on to the hour, minute and AM/PM.
 */
async function typeDate(page: Page, value: string): Promise<void> {
  const [date = '', time] = value.split('T');
  const [year, month, day] = date.split('-');
  await page.keyboard.type(`${month}${day}${year}`);
  if (time === undefined) return;
  const hour = Number(time.slice(0, 2));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(`${String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0')}${time.slice(3, 5)}${hour < 12 ? 'A' : 'P'}`);
}

export const keyboard: Driver = {
  async type(page, label, value, kind) {
    const target = byLabel(page, label);
    await tabTo(page, target);
    if (kind === 'text') {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(value);
    } else {
      await typeDate(page, value);
    }
    await expect(target).toHaveValue(value);
  },
  async select(page, label, value) {
    const target = byLabel(page, label);
    await tabTo(page, target);
    // A closed select steps through its options with the arrow keys.
    await page.keyboard.press('Home');
    for (let i = 0; i < 40 && (await target.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
    await expect(target).toHaveValue(value);
  },
  async check(page, label, value) {
    const target = byLabel(page, label);
    if ((await target.getAttribute('type')) === 'radio') return chooseRadio(page, target);
    await tabTo(page, target);
    if ((await target.isChecked()) !== value) await page.keyboard.press('Space');
    await expect(target).toBeChecked({ checked: value });
  },
  async press(page, button) {
    await tabTo(page, page.getByRole('button', { name: button, exact: true }));
    await page.keyboard.press('Enter');
  },
  async enter(page, label, value) {
    await tabTo(page, byLabel(page, label));
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  },
  async attach(page, label, file) {
    await tabTo(page, byLabel(page, label));
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(file);
  },
};
