import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { test as base, RENDERER_DIR, type Fixtures } from './fixtures';
import { TEST_ADMIN } from '../helpers/testClinician';
import { integritySettled } from '../../electron/main/integrity/backgroundCheck';
import { startHost } from '../host/server';
import type { Clock } from '../../electron/main/context';

// Helpers for entering whole sessions through the UI the way a clinician does, counting what
// it costs: every click, every key press, and every typed value (one each).

/** A device clock that starts at `startIso` (UTC, offset 0: GMT) and runs on in real time. */
export function clockFrom(startIso: string): Clock {
  const base0 = Date.parse(startIso);
  const t0 = Date.now();
  return { now: () => new Date(base0 + (Date.now() - t0)), offsetMinutes: () => 0 };
}

/** The usual fixtures, with the host's clock set to a given morning (examples carry dates). */
export const testAt = (startIso: string, account: Fixtures['account'] = TEST_ADMIN) =>
  base.extend({
    // The signed-in first administrator of these tests (their signature is what gets signed).
    // eslint-disable-next-line no-empty-pattern
    account: async ({}, use) => use(account),
    host: async ({ dbDir }, use) => {
      const saveDialogFolder = path.join(dbDir, 'saved');
      fs.mkdirSync(saveDialogFolder, { recursive: true });
      const host = await startHost({ dbPath: path.join(dbDir, 'cryolog.sqlite'), rendererDir: RENDERER_DIR, appVersion: 'e2e', clock: clockFrom(startIso), saveDialogFolder });
      await integritySettled(host.ctx); // as in fixtures.ts: tests start once the start's check has answered
      await use(host);
      await host.close();
    },
  });

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as shown, followed by nothing or by the hidden row suffix (", target 2", " 1"). */
export const labelled = (label: string) => new RegExp(`^${esc(label)}($|,| \\d)`);

export class Clinician {
  clicks = 0;
  keys = 0;
  typed = 0;
  constructor(readonly page: Page) {}

  get total(): number {
    return this.clicks + this.keys + this.typed;
  }

  summary(name: string): string {
    return `${name}: ${this.total} user actions (${this.clicks} clicks, ${this.keys} key presses, ${this.typed} typed values)`;
  }

  private async focused(l: Locator): Promise<boolean> {
    return l.evaluate((el) => el === document.activeElement);
  }

  async click(l: Locator): Promise<void> {
    await l.click();
    this.clicks++;
  }

  /** Types a value into a field: one action, plus a click when the field does not have the focus yet. */
  async type(l: Locator, value: string): Promise<void> {
    if (!(await this.focused(l))) await this.click(l);
    await l.fill(value);
    this.typed++;
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.keys++;
  }

  /** Tab to the next field, checking it is the one expected (keyboard path). */
  async tabTo(next: Locator): Promise<void> {
    await this.press('Tab');
    await expect(next).toBeFocused();
  }

  /** Picks from a list: open and choose (two clicks), or one choice when the list already has the focus. */
  async select(l: Locator, option: string | { label: string }): Promise<void> {
    if (!(await this.focused(l))) this.clicks++;
    await l.selectOption(option);
    this.clicks++;
  }

  // ── Field finders within a scope (a section, a row) ──
  /** The text box or list labelled so (rows are labelled too: "Goal 1"; only the entry is wanted). */
  field(scope: Locator | Page, label: string): Locator {
    return scope.getByLabel(labelled(label)).and(scope.locator('input, select, textarea'));
  }

  /** Presses one of a group's buttons (a code, Yes/No): one click. */
  async choose(scope: Locator | Page, group: string, option: string): Promise<void> {
    const button = scope.getByRole('radiogroup', { name: labelled(group) }).getByRole('radio', { name: option, exact: true });
    await this.click(button);
    await expect(button).toHaveAttribute('aria-checked', 'true');
  }

  async check(scope: Locator | Page, group: string, option: string): Promise<void> {
    const button = scope.getByRole('group', { name: labelled(group) }).getByRole('checkbox', { name: option, exact: true });
    await this.click(button);
    await expect(button).toHaveAttribute('aria-checked', 'true');
  }

  async yes(scope: Locator | Page, group: string): Promise<void> {
    await this.choose(scope, group, 'Yes');
  }

  async fill(scope: Locator | Page, label: string, value: string): Promise<void> {
    await this.type(this.field(scope, label), value);
  }
}

/** Waits until every change has reached the database (the top bar says so). */
export async function allSaved(page: Page): Promise<void> {
  await page.keyboard.press('Tab'); // leave the last field (not counted: the next action would do it)
  await expect(page.getByRole('banner')).toContainText('All changes saved');
}

/**
 * Saves what is in the window (not the whole page) under test-results/screens: the sticky
 * section menu and side column are where people see them. Scrolls `at` into view first.
 */
export async function windowShot(page: Page, name: string, at?: Locator): Promise<void> {
  if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`) });
}
