import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test as base, expect, screenshot } from './fixtures';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Host } from '../host/server';
import type { SessionListItem } from '../../shared/ipc/contract';
import { generateClinic } from '../tools/synthetic/generateClinic';
import { formatDateTime } from '../../shared/domain/parse';
import { patientName } from '../../renderer/src/lib/patientName';

// The home list at a size where rendering every row would show: 1,500 synthetic sessions
// (seeded generator; 999-range NHS numbers, invented names), fetched page by page as the list
// scrolls, with only the rows in view in the DOM.
const SESSIONS = 1500;

const test = base.extend({
  dbDir: async ({ dbDir }, use) => {
    generateClinic(path.join(dbDir, 'cryolog.sqlite'), { seed: 7, patients: 300, sessions: SESSIONS, cyclesPerTarget: 1 });
    await use(dbDir);
  },
});

/** Every session, newest first, as the main process orders them (paged the way the app pages). */
function allSessions(host: Host): SessionListItem[] {
  const all: SessionListItem[] = [];
  for (;;) {
    const last = all.at(-1);
    const r = dispatch(host.ctx, 'listSessions', last ? { limit: 500, after: { startedAt: last.startedAt, id: last.id } } : { limit: 500 });
    if (!r.ok) throw new Error(r.error.message);
    const page = r.data as SessionListItem[];
    all.push(...page);
    if (page.length < 500) return all;
  }
}

const list = (page: Page) => page.getByRole('table', { name: 'Recent sessions' });
const row = (table: Locator, index: number) => table.locator(`[role="row"][aria-rowindex="${index + 2}"]`);

/** Scrolls the list until row `index` (0-based) is in the DOM; pages load as it goes. */
async function scrollToRow(page: Page, index: number): Promise<void> {
  const table = list(page);
  await expect(async () => {
    await table.locator('.vlist-scroller').evaluate((el, top) => (el.scrollTop = top), index * 56);
    await expect(row(table, index)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
}

test('scrolling far keeps a few dozen rows in the DOM, and the row shown is the right session', async ({ app: page, host }) => {
  const sessions = allSessions(host);
  expect(sessions).toHaveLength(SESSIONS);
  const table = list(page);
  await expect(row(table, 0)).toContainText(patientName(sessions[0]!.familyName, sessions[0]!.givenName));

  for (const index of [1200, SESSIONS - 1]) {
    await scrollToRow(page, index);
    const s = sessions[index]!;
    await expect(row(table, index)).toContainText(patientName(s.familyName, s.givenName));
    await expect(row(table, index).getByRole('link')).toHaveText(formatDateTime(s.startedAt));
    await expect(row(table, index).getByRole('link')).toHaveAttribute('href', `#/session/${s.id}`);
    // The header plus the rows in view and a few either side: nowhere near 1,500.
    expect(await table.getByRole('row').count()).toBeLessThan(60);
  }
  // Every page fetched: the table now says how many rows it has, and no page came twice.
  await expect(table).toHaveAttribute('aria-rowcount', String(SESSIONS + 1));
  await screenshot(page, '24-home-list-scrolled-far');
});

test('the keyboard moves through the list (arrows, Page Down/Up, End, Home) and Enter opens the session in focus', async ({ app: page, host }) => {
  const sessions = allSessions(host);
  const table = list(page);
  const focusedRow = () => table.locator('[role="row"]:has(.row-link:focus)');
  await page.getByLabel('Find a patient’s sessions').focus();
  await page.keyboard.press('Tab');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('ArrowUp');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '3');

  await page.keyboard.press('PageDown');
  const afterPageDown = Number(await focusedRow().getAttribute('aria-rowindex'));
  expect(afterPageDown).toBeGreaterThan(8);
  await expect(focusedRow()).toBeInViewport();
  await page.keyboard.press('PageUp');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '3');

  // End goes to the last row loaded so far (the next page follows as the list nears its end).
  await page.keyboard.press('End');
  await expect(focusedRow()).toBeInViewport();
  expect(Number(await focusedRow().getAttribute('aria-rowindex'))).toBeGreaterThanOrEqual(51);
  await page.keyboard.press('Home');
  await expect(focusedRow()).toHaveAttribute('aria-rowindex', '2');
  await expect(focusedRow()).toBeInViewport();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/session/${sessions[2]!.id}$`));
  await expect(page.getByRole('main')).toContainText(patientName(sessions[2]!.familyName, sessions[2]!.givenName));
});
