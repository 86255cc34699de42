import { expect, type Page } from '@playwright/test';
import { testAt, windowShot } from './clinician';
import { call, seedSessionWithTarget } from './seed';

// The freeze-cycle timer and the stop moment, driven the way the assistant drives them: the
// timer key (F8 by default; a foot pedal sends it), with the page's clock under the test's
// control so that 90 seconds pass in an instant.
const test = testAt('2026-03-10T09:00:00.000Z');
const MORNING = new Date('2026-03-10T09:15:00Z');

/** The page's clock, stopped at 09:15:00: from here only the test moves it. */
async function controlClock(page: Page): Promise<void> {
  await page.clock.install({ time: new Date(MORNING.getTime() - 60_000) });
}
async function pauseClock(page: Page): Promise<void> {
  await page.clock.pauseAt(MORNING);
}

/** A seeded session opened at 09:15 with the page clock stopped, its stop moment confirmed. */
async function openPastStopMoment(page: Page, host: { ctx: Parameters<typeof seedSessionWithTarget>[0]; origin: string }): Promise<string> {
  const { sessionId } = seedSessionWithTarget(host.ctx);
  await controlClock(page);
  await page.goto(`${host.origin}/#/session/${sessionId}`);
  await pauseClock(page);
  await page.getByRole('button', { name: 'Stop moment', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm stop moment' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  return sessionId;
}

/** Counts the beeps the page asks the sound card for (three short tones per signal). */
async function countTones(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __tones: number };
    w.__tones = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.__tones++;
      return original.call(this);
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);

test('stop moment first, then one key times the freeze, signals the planned time, times the thaw and asks for the temperature', async ({ app: page, host }) => {
  const { sessionId } = seedSessionWithTarget(host.ctx);
  await controlClock(page);
  await page.goto(`${host.origin}/#/session/${sessionId}`);
  await pauseClock(page);
  await countTones(page);
  const timer = page.getByRole('group', { name: 'Freeze timer, target 1' });
  await expect(timer.getByRole('button', { name: /Start freeze/ })).toBeVisible();

  // No stop moment yet: the key opens it instead of starting a freeze.
  await page.keyboard.press('F8');
  const stop = page.getByRole('dialog', { name: 'Stop before you block: target 1' });
  await expect(stop).toBeVisible();
  await expect(stop.getByTestId('stop-site')).toHaveText('LEFT Musculocutaneous → brachialis');
  await expect(stop).toContainText('left upper limb (musculocutaneous)');
  await expect(stop).toContainText('✓ Matches the consent.');
  await expect(stop.getByLabel('Confirmed by')).toHaveValue('Dr Synthetic Operator');
  await expect(stop.getByLabel('…and by')).toHaveValue('Nurse Synthetic Assistant');
  await windowShot(page, '50-stop-moment');
  // Keyboard path: the confirm button has the focus, so Enter records it.
  await expect(stop.getByRole('button', { name: 'Confirm stop moment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stop).toBeHidden();
  await expect(page.getByTestId('target-1')).toContainText('✓ Stop moment at 09:15 by Dr Synthetic Operator and Nurse Synthetic Assistant');

  // Freeze: the key starts it; the count runs with the plan in view.
  await page.clock.runFor(5_000); // the check takes a moment; then the needle, then the freeze
  await page.keyboard.press('F8');
  await expect(timer).toContainText('Freezing');
  await expect(timer).toContainText('of 1:30 planned');
  await page.clock.runFor(45_000);
  await expect(page.getByTestId('timer-clock-1')).toHaveText('0:45');
  await windowShot(page, '51-timer-running', timer);
  expect(await tones(page)).toBe(0);

  // The planned time: on screen and a sound.
  await page.clock.runFor(46_000);
  await expect(timer.getByRole('alert')).toHaveText('Planned 1:30 reached: stop the freeze (F8).');
  await expect.poll(() => tones(page)).toBe(3);
  await windowShot(page, '52-timer-planned-reached', timer);

  // Stop → the thaw is timed; the key again ends it; then the temperature is asked, with the focus on it.
  await page.keyboard.press('F8');
  await expect(timer).toContainText('Thawing');
  await page.clock.runFor(25_000);
  await expect(page.getByTestId('timer-clock-1')).toHaveText('0:25');
  await page.keyboard.press('F8');
  const details = page.getByTestId('cycle-prompt-1');
  const temperature = details.getByLabel(/^Lowest probe temperature/);
  await expect(temperature).toBeFocused();
  await expect(details).toContainText('Site 1, cycle 1: frozen 1:31 of 1:30 planned · thaw 0:25');
  await page.keyboard.type('-72');
  await page.keyboard.press('Enter');
  await details.getByRole('radiogroup', { name: /^Ice ball seen/ }).getByRole('radio', { name: 'Yes' }).click();
  await expect(details).toBeHidden();
  await expect(timer.getByRole('button', { name: /Start freeze/ })).toBeFocused();

  const cycle = call(host.ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]!;
  expect(cycle).toMatchObject({ siteNo: 1, durationS: 91, thawS: 25, thawType: 'passive', tipTempC: -72, iceBallSeen: true, outcome: 'completed' });
  expect(cycle).toMatchObject({ startedAt: '2026-03-10T09:15:05+00:00', endedAt: '2026-03-10T09:16:36+00:00' });
  // The cycle row below shows what the timer wrote, editable for a late correction.
  await expect(page.getByTestId('cycle-1-1').getByLabel(/^Freeze duration/)).toHaveValue(/^(91|1:31)$/);

  // A double press (a bouncing pedal) starts one cycle, not two.
  await page.clock.runFor(10_000);
  await page.keyboard.press('F8');
  await page.keyboard.press('F8');
  await expect(timer).toContainText('Freezing');
  await page.clock.runFor(2_000);
  await expect(page.getByTestId('cycle-1-2')).toBeVisible();
  await expect(page.getByTestId('cycle-1-3')).toHaveCount(0);
  expect(call(host.ctx, 'getSession', { id: sessionId }).targets[0]!.cycles).toHaveLength(2);

  // Stopping early asks whether it was aborted, and why.
  await page.clock.runFor(38_000);
  await page.keyboard.press('F8');
  const early = page.getByRole('group', { name: 'Stopped early: was the cycle aborted?' });
  await expect(early).toContainText('Stopped before the planned time.');
  await expect(details).toContainText('Site 1, cycle 2: frozen 0:40 of 1:30 planned');
  await early.getByRole('button', { name: 'Aborted: pain' }).click();
  await expect(early.getByRole('button', { name: 'Aborted: pain' })).toHaveAttribute('aria-pressed', 'true');
  await windowShot(page, '53-timer-aborted', timer);
  await expect.poll(() => call(host.ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[1]).toMatchObject({ durationS: 40, outcome: 'aborted', abortReason: 'pain' });
});

test('closing the window mid-freeze keeps the start and what was timed, and says so on reopening', async ({ app: page, host }) => {
  const sessionId = await openPastStopMoment(page, host);
  await page.getByRole('button', { name: /Start freeze/ }).click();
  await expect(page.getByTestId('timer-clock-1')).toHaveText('0:00');
  await page.clock.runFor(47_000);
  await expect(page.getByTestId('timer-clock-1')).toHaveText('0:47');
  // Heartbeats every 5 s: the last one saved before closing was at 0:45 at the latest.
  await expect.poll(() => call(host.ctx, 'getTimer', { sessionId })?.lastSeenAt.slice(11, 19)).toBe('09:15:45');

  await page.reload(); // the window goes and comes back; a last pulse may or may not make it out
  const lastSeen = call(host.ctx, 'getTimer', { sessionId })!.lastSeenAt.slice(11, 19);
  expect(['09:15:45', '09:15:47']).toContain(lastSeen);
  const timed = `0:${lastSeen.slice(-2)}`;
  const notice = page.getByRole('alert').filter({ hasText: 'CryoLog was closed while this timer was running' });
  await expect(notice).toContainText('freezing, site 1, cycle 1');
  await expect(notice).toContainText(`The freeze started at 09:15:00; ${timed} was timed before it closed (last seen ${lastSeen})`);
  await windowShot(page, '54-timer-interrupted', notice);
  // The key does nothing until someone says what happened.
  await page.keyboard.press('F8');
  await expect(page.getByRole('group', { name: 'Freeze timer, target 1' })).toContainText('Say first what happened while CryoLog was closed');
  await notice.getByRole('button', { name: `It ended there: keep ${timed}` }).click();
  await expect(notice).toBeHidden();
  expect(call(host.ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]).toMatchObject({ durationS: Number(lastSeen.slice(-2)), endedAt: expect.stringContaining(`T${lastSeen}`) });
  expect(call(host.ctx, 'getTimer', { sessionId })).toBeNull();
});

test('a side that was not consented cannot pass the stop moment without a wrong-site incident and its reference', async ({ app: page, host }) => {
  const { sessionId } = seedSessionWithTarget(host.ctx, { targetSide: 'right', consentSide: 'left' });
  await page.goto(`${host.origin}/#/session/${sessionId}`);
  await page.getByRole('button', { name: 'Stop moment', exact: true }).click();
  const stop = page.getByRole('dialog');
  await expect(stop.getByTestId('stop-site')).toHaveText('RIGHT Musculocutaneous → brachialis');
  await expect(stop.getByRole('alert').first()).toContainText('Right is not among the consented sites.');
  await stop.getByRole('button', { name: 'Record stop moment and wrong-site incident' }).click();
  await expect(stop).toContainText('This side is not consented: correct the side, or declare a wrong-site incident with its reference.');
  await stop.getByLabel('Declare a wrong-site incident').check();
  await stop.getByRole('button', { name: 'Record stop moment and wrong-site incident' }).click();
  await expect(stop).toBeVisible();
  await stop.getByLabel('Incident reference').fill('LFPSE-SYN-0042');
  await windowShot(page, '55-stop-moment-wrong-site');
  await stop.getByRole('button', { name: 'Record stop moment and wrong-site incident' }).click();
  await expect(stop).toBeHidden();
  const doc = call(host.ctx, 'getSession', { id: sessionId });
  expect(doc.targets[0]).toMatchObject({ stopMomentDone: true, wrongSiteDeclared: true, wrongSiteIncidentRef: 'LFPSE-SYN-0042' });
  expect(doc.complications).toEqual([expect.objectContaining({ type: 'wrong-site', incidentRef: 'LFPSE-SYN-0042' })]);
  expect(doc.session.complicationsAnswer).toBe('present');
});

test('the service sets the timer key by pressing the pedal; that key then drives the timer', async ({ app: page, host }) => {
  const { sessionId } = seedSessionWithTarget(host.ctx);
  await page.goto(`${host.origin}/#/settings`);
  const panel = page.getByRole('region', { name: 'Freeze timer key' });
  await expect(panel.getByTestId('timer-key')).toHaveText('F8');
  await panel.getByRole('button', { name: 'Change: press the new key' }).click();
  await page.keyboard.press('F9');
  await expect(panel.getByTestId('timer-key')).toHaveText('F9');
  await panel.getByRole('button', { name: 'Save timer settings' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Saved.');
  await windowShot(page, '56-timer-key-settings', panel);

  await page.goto(`${host.origin}/#/session/${sessionId}`);
  await page.getByRole('button', { name: 'Stop moment', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm stop moment' }).click();
  await expect(page.getByRole('dialog')).toBeHidden(); // keys pressed while it closes could go to it
  await page.keyboard.press('F8');
  await expect(page.getByRole('group', { name: 'Freeze timer, target 1' })).not.toContainText('Freezing');
  await page.keyboard.press('F9');
  await expect(page.getByRole('group', { name: 'Freeze timer, target 1' })).toContainText('Freezing');
});

test('a press made while the screen is still re-reading the session after the last press counts', async ({ app: page, host }) => {
  const sessionId = await openPastStopMoment(page, host);
  // A slow machine: each re-read of the timer is answered at once but reaches the page a second
  // and a half later, so its answer is older than the presses made in between.
  const reads = { asked: 0, answered: 0 };
  await page.route('**/api/getTimer', async (route) => {
    reads.asked++;
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fulfill({ response });
    reads.answered++;
  });
  const timer = page.getByRole('group', { name: 'Freeze timer, target 1' });
  await page.clock.runFor(5_000);
  await page.keyboard.press('F8');
  await expect(timer).toContainText('Freezing');
  await page.clock.runFor(90_000);
  await page.keyboard.press('F8'); // the re-read after the start is still on its way
  await expect(timer).toContainText('Thawing');
  await page.clock.runFor(20_000);
  await page.keyboard.press('F8');
  const details = page.getByTestId('cycle-prompt-1');
  const temperature = details.getByLabel(/^Lowest probe temperature/);
  await expect(temperature).toBeFocused();
  // From here the timer is idle: any phase shown again would be a late, older answer.
  await page.evaluate(() => {
    const w = window as unknown as { __phasesSeen: string[] };
    w.__phasesSeen = [];
    const group = document.querySelector('[data-testid="timer-1"]')!;
    new MutationObserver(() => {
      const text = group.textContent ?? '';
      for (const phase of ['Freezing', 'Thawing']) if (text.includes(phase)) w.__phasesSeen.push(phase);
    }).observe(group, { subtree: true, childList: true, characterData: true });
  });
  await expect.poll(() => reads.answered, { timeout: 10_000 }).toBe(reads.asked);
  expect(reads.asked).toBeGreaterThanOrEqual(3);
  await page.keyboard.type('-70');
  await page.keyboard.press('Enter');
  await expect.poll(() => call(host.ctx, 'getSession', { id: sessionId }).targets[0]!.cycles[0]?.tipTempC).toBe(-70);
  expect(await page.evaluate(() => (window as unknown as { __phasesSeen: string[] }).__phasesSeen)).toEqual([]);
  await expect(details).toContainText('Site 1, cycle 1: frozen 1:30 of 1:30 planned · thaw 0:20');
  expect(call(host.ctx, 'getSession', { id: sessionId }).targets[0]!.cycles).toEqual([expect.objectContaining({ durationS: 90, thawS: 20 })]);
  expect(call(host.ctx, 'getTimer', { sessionId })).toBeNull();
});
