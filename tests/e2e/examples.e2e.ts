import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, screenshot } from './fixtures';
import { allSaved, Clinician, testAt, windowShot } from './clinician';
import { dropIn, exportEveryFormat } from './exportAll';
import { exportProblems } from '../export/verifyExports';
import { TEST_ADMIN } from '../helpers/testClinician';
import { dispatch } from '../../electron/main/ipc/dispatch';

// Examples S1 and S2 of domain.md §5, entered through the real UI from an empty database as a
// clinician would (the first field of a new row takes the focus; text fields are typed;
// buttons pressed), ending with a clean findings panel; then the rows straight from SQLite.
// The device clock is set to the morning of the session (the examples' dates depend on it:
// S1's probe expires on 30 Sep 2026).

const checks = (page: Page) => page.getByRole('region', { name: 'Checks before sign-off' });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

// The signing clinicians of the examples, each the first administrator of their test's database.
const ADA = { ...TEST_ADMIN, username: 'ada.lovelace', displayName: 'Dr Ada Lovelace', registrationNumber: '7012345', secret: '280615' } as const;
const RHYS = { ...TEST_ADMIN, username: 'rhys.pemberton', displayName: 'Dr Rhys Pemberton', registrationNumber: '7023456', secret: '904417' } as const;

const s1Test = testAt('2026-03-12T10:20:00Z', ADA);

s1Test('S1: upper limb, console device, everything normal, ends with no error and no warning', async ({ app: page, dbDir, host }) => {
  s1Test.setTimeout(240_000); // a whole session, several hundred actions
  // The page clock below jumps from one stop moment to the next (17 minutes in a step) with
  // nobody typing meanwhile; a real morning has the clinician at the keys. So the service's
  // automatic lock is set to its longest, 60 minutes (the lock itself: signIn.e2e.ts).
  expect(dispatch(host.ctx, 'saveAutoLockMinutes', { minutes: 60 }).ok).toBe(true);
  await page.reload();
  const c = new Clinician(page);
  await expect(page.getByText('No sessions yet')).toBeVisible();

  // ── Patient ──
  await c.click(page.getByRole('button', { name: 'New patient' }));
  const family = c.field(page, 'Family name');
  await expect(family).toBeFocused();
  await c.type(family, 'Example-One');
  await c.tabTo(c.field(page, 'Given name'));
  await c.type(c.field(page, 'Given name'), 'Susan');
  await c.tabTo(c.field(page, 'Date of birth'));
  await c.type(c.field(page, 'Date of birth'), '05/07/1963');
  await c.tabTo(page.getByLabel('NHS number', { exact: true }));
  await c.type(page.getByLabel('NHS number', { exact: true }), '999 007 9196');
  await c.choose(page, 'Sex', 'Female');
  await c.fill(page, 'Weight (kg)', '68');
  await c.select(c.field(page, 'Cause of spasticity'), { label: 'Stroke' });
  await c.choose(page, 'Affected side', 'Left');
  await c.choose(page, 'Allergies', 'No known allergies');
  await c.check(page, 'Cold-related contraindications', 'None');
  await c.check(page, 'Implanted electrical devices', 'None');
  await allSaved(page);
  await expect(page.getByLabel('NHS number', { exact: true })).toHaveValue('999 007 9196');
  await expect(page.getByRole('heading', { name: 'EXAMPLE-ONE, Susan' })).toBeVisible();
  await screenshot(page, '10-patient-filled-S1');
  await c.click(page.getByRole('button', { name: 'Start session' }));

  // ── Session: empty ──
  await expect(page.getByText('No target yet')).toBeVisible();
  await screenshot(page, '11-session-empty');

  // ── Before ──
  const before = section(page, 'Before the procedure');
  await c.fill(before, 'Location', 'Rehabilitation day unit, Room 3');
  await c.fill(before, 'Session start', '09:10');
  await c.tabTo(c.field(before, 'Session end'));
  await c.type(c.field(before, 'Session end'), '10:05');
  await c.choose(before, 'Consent type', 'Written, by the patient (e.g. form 1)');
  await c.fill(before, 'Consent date', 'today');
  await c.tabTo(c.field(before, 'Consent taken by'));
  await c.type(c.field(before, 'Consent taken by'), 'Dr Ada Lovelace');
  await c.yes(before, 'Patient leaflet given');

  for (const [i, nerve] of (['Musculocutaneous', 'Radial'] as const).entries()) {
    await c.click(before.getByRole('button', { name: 'Add consented site' }));
    const site = page.getByTestId(`consentSite-${i + 1}`);
    await expect(c.field(site, 'Nerve')).toBeFocused(); // a new row's first entry takes the focus
    await c.select(c.field(site, 'Nerve'), { label: nerve });
    await c.choose(site, 'Side', 'Left');
  }
  await expect(page.getByTestId('consentSite-2').getByRole('radio', { name: 'Upper limb' })).toHaveAttribute('aria-checked', 'true');

  await c.select(c.field(before, 'Anticoagulant'), { label: 'Antiplatelet(s) only' });
  await c.choose(before, 'Anticoagulant action', 'Continued');
  await c.fill(before, 'Baseline pain (0–10)', '6');
  await c.yes(before, 'First cryoneurolysis treatment');

  for (const [i, goal] of ['Put the left arm into a sleeve without help', 'Night elbow pain 3/10 or less'].entries()) {
    await c.click(before.getByRole('button', { name: 'Add goal' }));
    const row = page.getByTestId(`goal-${i + 1}`);
    await expect(c.field(row, 'Goal')).toBeFocused();
    await c.type(c.field(row, 'Goal'), goal);
    await c.choose(row, 'Baseline level', '−1');
  }
  await expect(before).toContainText('Baseline GAS T-score 37.6 (equal weights)');

  const blocks = [
    { label: 'Musculocutaneous → brachialis' },
    { label: 'Musculocutaneous → biceps brachii' },
    { label: 'Radial → brachioradialis' },
  ];
  for (const [i, nerve] of blocks.entries()) {
    await c.click(before.getByRole('button', { name: 'Add diagnostic block' }));
    const row = page.getByTestId(`diagnosticBlock-${i + 1}`);
    await expect(c.field(row, 'Nerve and branch')).toBeFocused();
    await c.select(c.field(row, 'Nerve and branch'), nerve);
    if (i === 0) {
      await c.choose(row, 'Side', 'Left');
      await c.fill(row, 'Block date', '-4w');
      await c.choose(row, 'Agent', 'Lidocaine 1%');
      await c.yes(row, 'Ultrasound guided');
      await c.yes(row, 'Stimulation guided');
    } else {
      // Copied from the block before (same day, same way); shown at once.
      await expect(row.getByRole('radio', { name: 'Lidocaine 1%' })).toHaveAttribute('aria-checked', 'true');
    }
    await c.fill(row, 'Volume (mL)', '1');
    await c.choose(row, 'Result', 'Positive');
    await c.choose(row, 'MAS before', '3');
    await c.choose(row, 'MAS after', '1+');
  }
  await expect(c.field(page.getByTestId('diagnosticBlock-3'), 'Block date')).toHaveValue('12/02/2026');

  const team = [
    { role: 'Operator', name: 'Dr Ada Lovelace', profession: 'Consultant in rehabilitation medicine', body: 'GMC', number: '7012345' },
    { role: 'Assistant', name: 'Grace Hopper', profession: 'Physiotherapist', body: 'HCPC', number: 'PH123456' },
  ];
  for (const [i, m] of team.entries()) {
    await c.click(before.getByRole('button', { name: 'Add team member' }));
    const row = page.getByTestId(`teamMember-${i + 1}`);
    await c.choose(row, 'Role', m.role);
    await c.fill(row, 'Name', m.name);
    await c.tabTo(c.field(row, 'Profession'));
    await c.type(c.field(row, 'Profession'), m.profession);
    await c.choose(row, 'Registration body', m.body);
    await c.fill(row, 'Registration number', m.number);
  }
  await windowShot(page, '12-session-editing-before', page.getByTestId('teamMember-2'));

  // ── Safety ──
  const safety = section(page, 'Safety checks');
  await c.yes(safety, 'Sign-in done');
  await c.fill(safety, 'Sign-in time', '09:02');
  await c.tabTo(c.field(safety, 'Sign-in by'));
  await c.type(c.field(safety, 'Sign-in by'), 'Grace Hopper');
  await c.yes(safety, 'Patient identity confirmed (two identifiers)');
  await c.yes(safety, 'Procedure and sites match the consent');
  await c.choose(safety, 'Site marking', 'Marked and visible');
  await c.yes(safety, 'Allergies reconfirmed');
  await c.yes(safety, 'Anticoagulation reconfirmed');
  await c.yes(safety, 'Equipment checked');
  await c.fill(safety, 'Time-out time', '09:10');
  await c.tabTo(c.field(safety, 'Time-out by'));
  await c.type(c.field(safety, 'Time-out by'), 'Dr Ada Lovelace');

  // ── Devices: the probe packet's barcode fills GTIN, expiry and lot ──
  const devices = section(page, 'Devices and consumables');
  await c.click(devices.getByRole('button', { name: 'Add device' }));
  const dev = page.getByTestId('device-1');
  await c.choose(dev, 'System type', 'Console with probe');
  await c.fill(dev, 'Manufacturer', 'Cryo Medical (fictional)');
  await c.tabTo(c.field(dev, 'Model'));
  await c.type(c.field(dev, 'Model'), 'CryoConsole N2O');
  await c.tabTo(c.field(dev, 'Console / handpiece serial or asset number'));
  await c.type(c.field(dev, 'Console / handpiece serial or asset number'), 'CC-00417');
  await c.tabTo(c.field(dev, 'Scanned barcode (GS1)'));
  await c.type(c.field(dev, 'Scanned barcode (GS1)'), '(01)05012345678900(17)260930(10)PRB-24-1187');
  await expect(c.field(dev, 'Probe lot')).toHaveValue('PRB-24-1187');
  await expect(c.field(dev, 'Probe expiry')).toHaveValue('30/09/2026');
  await c.fill(dev, 'Probe gauge (G)', '16');
  await c.tabTo(c.field(dev, 'Probe length (mm)'));
  await c.type(c.field(dev, 'Probe length (mm)'), '100');
  await c.fill(dev, 'Gas cartridge / cylinder lot', 'N2O-5531');
  await c.tabTo(c.field(dev, 'Nerve stimulator model / asset'));
  await c.type(c.field(dev, 'Nerve stimulator model / asset'), 'Built-in (stimulating probe)');

  await c.fill(dev, 'Planned freeze (s)', '90');

  // ── Targets: the stop moment, then the freeze timer driven by its key (a foot pedal sends F8).
  // The page's clock is held at each stop moment of S1 and moved on by the freeze and thaw
  // times, so the cycles get S1's times and durations without waiting for them. ──
  const s1Targets = [
    { nerve: 'Musculocutaneous → brachialis', stop: '09:14', mA: '0,42', muscle: 'brachialis', sites: [1, 1, 2, 2], temps: ['-71', '-72', '-69', '-70'], pain: ['3', '4', '4', '5'] },
    { nerve: 'Musculocutaneous → biceps brachii', stop: '09:31', mA: '0.36', muscle: 'biceps brachii', sites: [1, 1], temps: ['-68', '-70'], pain: ['3', '4'] },
    { nerve: 'Radial → brachioradialis', stop: '09:47', mA: '0.55', muscle: 'brachioradialis', sites: [1, 1, 1], temps: ['-72', '-73', '-71'], pain: ['3', '4', '4'] },
  ];
  const targets = section(page, 'Targets and freeze cycles');
  await page.clock.install({ time: new Date('2026-03-12T09:12:00Z') });
  for (const [ti, t] of s1Targets.entries()) {
    const n = ti + 1;
    await page.clock.pauseAt(new Date(`2026-03-12T${t.stop}:00Z`));
    await c.click(targets.getByRole('button', { name: 'Add target' }));
    const card = page.getByTestId(`target-${n}`);
    await expect(card.getByLabel('Nerve and branch')).toBeFocused();
    await c.select(card.getByLabel('Nerve and branch'), { label: t.nerve });
    await c.choose(card, 'Side', 'Left');
    if (n === 1) await c.select(c.field(card, 'Clinical pattern'), { label: 'Flexed elbow' });
    // The timer key first asks for the stop moment: side, nerve and consent on screen, the
    // operator and the assistant offered as the two who confirm; Enter records it.
    await c.press('F8');
    const stop = page.getByRole('dialog', { name: `Stop before you block: target ${n}` });
    await expect(stop).toContainText('✓ Matches the consent.');
    await expect(stop.getByLabel('Confirmed by')).toHaveValue('Dr Ada Lovelace');
    await expect(stop.getByLabel('…and by')).toHaveValue('Grace Hopper');
    await c.press('Enter');
    await expect(stop).toBeHidden();
    if (n === 1) {
      await c.choose(card, 'Skin local anaesthetic', 'Lidocaine (plain)');
      await c.fill(card, 'Concentration (%)', '1');
      await c.tabTo(c.field(card, 'Volume (mL)'));
      await c.type(c.field(card, 'Volume (mL)'), '2');
    } else {
      await c.fill(card, 'Volume (mL)', '2'); // agent and strength came from target 1
    }
    await c.yes(card, 'Ultrasound used');
    await c.yes(card, 'Nerve seen on ultrasound');
    await c.yes(card, 'Nerve stimulation used');
    if (n === 1) await c.choose(card, 'Stimulation via', 'Stimulating cryoprobe');
    await c.fill(card, 'Stimulation threshold (mA)', t.mA);
    if (n === 1) {
      await c.tabTo(c.field(card, 'Pulse width (ms)'));
      await c.type(c.field(card, 'Pulse width (ms)'), '0.1');
      await c.tabTo(c.field(card, 'Frequency (Hz)'));
      await c.type(c.field(card, 'Frequency (Hz)'), '2');
    }
    await c.yes(card, 'Motor response seen');
    await c.select(c.field(card, 'Muscle that responded'), { label: t.muscle });
    await page.clock.runFor(60_000); // the needle goes in

    const timer = card.getByRole('group', { name: `Freeze timer, target ${n}` });
    for (const [ci, temp] of t.temps.entries()) {
      if (ci > 0 && t.sites[ci] !== t.sites[ci - 1]) await c.click(timer.getByRole('button', { name: 'New site' }));
      await page.clock.runFor(5_000);
      await c.press('F8'); // freeze
      await expect(timer).toContainText('Freezing');
      await page.clock.runFor(90_000);
      await expect(timer.getByRole('alert')).toContainText('Planned 1:30 reached');
      await c.press('F8'); // stop: the thaw is timed
      await expect(timer).toContainText('Thawing');
      await page.clock.runFor(30_000);
      await c.press('F8'); // thaw over: the temperature is asked, with the focus on it
      const details = card.getByTestId(`cycle-prompt-${n}`);
      await c.type(c.field(details, 'Lowest probe temperature (°C)'), temp);
      await c.press('Tab');
      await c.type(c.field(details, 'Pain during freeze (0–10)'), t.pain[ci]!);
      // The last answer: the prompt steps aside and the timer button has the focus again.
      await c.click(details.getByRole('radiogroup', { name: /^Ice ball seen on ultrasound/ }).getByRole('radio', { name: 'Yes' }));
      await expect(details).toBeHidden();
      await expect(timer.getByRole('button', { name: /Start freeze/ })).toBeFocused();
    }
  }
  await page.clock.resume();
  await expect(page.getByTestId('lidocaine-3')).toContainText('session total 60 mg = 0.88 mg/kg (weight 68 kg)');
  await allSaved(page);
  await windowShot(page, '13-session-editing-targets', page.getByTestId('target-3'));

  // ── Outcome ──
  const outcome = section(page, 'Immediate outcome');
  await c.click(outcome.getByRole('button', { name: 'Add muscle group' }));
  const og = page.getByTestId('outcome-1');
  await expect(c.field(og, 'Muscle group')).toBeFocused();
  await c.select(c.field(og, 'Muscle group'), { label: 'Elbow flexors' });
  await c.choose(og, 'Side', 'Left');
  await c.choose(og, 'MAS before', '3');
  await c.choose(og, 'MAS after', '1+');
  await c.fill(og, 'Angle convention', 'Elbow 0° = full extension, flexion +');
  // S1 gives no test position; biceps crosses two joints, so the rules (W16) ask for one.
  await c.tabTo(c.field(og, 'Test position'));
  await c.type(c.field(og, 'Test position'), 'Supine, shoulder neutral');
  for (const [label, value] of [
    ['Tardieu R1 before (°)', '85'],
    ['Tardieu R1 after (°)', '40'],
    ['Tardieu R2 before (°)', '10'],
    ['Tardieu R2 after (°)', '10'],
  ] as const) {
    await c.fill(og, label, value);
  }
  await c.choose(og, 'Tardieu X before', '2');
  await c.choose(og, 'Tardieu X after', '1');
  await c.fill(outcome, 'Pain after (0–10)', '3');

  // ── Complications, sign-out, aftercare ──
  await c.choose(section(page, 'Complications'), 'Any complication?', 'None');
  const signOut = section(page, 'Sign-out');
  await c.yes(signOut, 'Sign-out done');
  await c.fill(signOut, 'Sign-out time', '10:05');
  const after = section(page, 'Aftercare and follow-up');
  await c.yes(after, 'Aftercare advice given');
  await c.yes(after, 'GP letter');
  await c.check(after, 'Aftercare advice covered', 'Delayed pain may start within days and settle in weeks');
  await c.check(after, 'Aftercare advice covered', 'Who to contact');
  for (const [i, [when, kind]] of ([
    ['+7d', 'Phone call'],
    ['+6w', 'Clinic'],
    ['+12w', 'Clinic'],
  ] as const).entries()) {
    await c.click(after.getByRole('button', { name: 'Add follow-up' }));
    const row = page.getByTestId(`followUp-${i + 1}`);
    await expect(c.field(row, 'Date')).toBeFocused();
    await c.type(c.field(row, 'Date'), when);
    await c.choose(row, 'Type', kind);
  }
  await allSaved(page);
  await expect(c.field(page.getByTestId('followUp-2'), 'Date')).toHaveValue('23/04/2026');

  // ── Clean: no error, no warning ──
  await expect(checks(page).getByText('No problems found.')).toBeVisible();
  const summary = page.getByTestId('summary-text');
  await expect(summary).toContainText('NHS number: 999 007 9196');
  await screenshot(page, '14-S1-finished');
  await windowShot(page, '14b-S1-finished-window', page.getByRole('heading', { name: 'Aftercare and follow-up' }));
  console.log(c.summary('S1'));

  // ── Sign, amend with a reason, sign again: both versions readable ──
  const signing = new Clinician(page);
  const signoff = page.getByRole('region', { name: 'Sign-off', exact: true });
  const signAs = async () => {
    await expect(signoff.getByTestId('signing-as')).toHaveText('Signing as Dr Ada Lovelace, Consultant in rehabilitation medicine, GMC 7012345');
    await signing.fill(signoff, 'Your PIN, to sign', ADA.secret);
  };
  await signAs();
  await signing.click(signoff.getByRole('button', { name: 'Sign and lock' }));
  await expect(signoff).toContainText('Signed and locked.');
  await signing.fill(signoff, 'Reason for the amendment', 'Pain after corrected: the patient said 2, not 3');
  await signing.click(signoff.getByRole('button', { name: 'Open an amendment' }));
  await signing.fill(outcome, 'Pain after (0–10)', '2');
  await signAs();
  await signing.click(signoff.getByRole('button', { name: 'Sign the amendment' }));
  await expect(signoff).toContainText('Version 2: signed by Dr Ada Lovelace');
  await expect(signoff).toContainText('Addendum: Pain after corrected: the patient said 2, not 3');
  await signing.click(signoff.getByRole('button', { name: 'Show version 1' }));
  await expect(signoff.getByLabel('Version 1 as signed')).toContainText('Record version: 1');
  await expect(signoff.getByLabel('Version 1 as signed')).toContainText('Amendments: none');
  await signing.click(signoff.getByRole('button', { name: 'Show version 2' }));
  await expect(signoff.getByLabel('Version 2 as signed')).toContainText('Amendments:\n- Version 2, 12 Mar 2026');
  await windowShot(page, '42-S1-two-versions', signoff);
  console.log(signing.summary('S1 sign, amend with a reason, sign again, read both versions'));

  // ── Export version 2 in every format and print the aftercare sheet; the receivers' checks ──
  const exporting = new Clinician(page);
  const s1Files = await exportEveryFormat(page, exporting, host, dropIn(dbDir), 2);
  expect(
    exportProblems(s1Files, {
      nhsNumber: '9990079196',
      cycles: 9,
      version: 2,
      pdfContains: ['Left musculocutaneous nerve → branch to brachialis', 'Left musculocutaneous nerve → branch to biceps brachii', 'Left radial nerve → branch to brachioradialis', 'PRB-24-1187', '−73 °C', '−68 °C', 'Pain after corrected'],
    }),
  ).toEqual([]);
  console.log(exporting.summary('S1 export in every format and print the aftercare sheet'));


  const db = new Database(path.join(dbDir, 'cryolog.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT nhs_number, weight_kg, allergy_status, cold_contraindications FROM patient').get()).toEqual({
      nhs_number: '9990079196',
      weight_kg: 68,
      allergy_status: 'nkda',
      cold_contraindications: '["none"]',
    });
    expect(db.prepare('SELECT consent_type, time_out_time, complications_answer, anticoagulant FROM session').get()).toEqual({
      consent_type: 'written-patient',
      time_out_time: '2026-03-12T09:10:00+00:00',
      complications_answer: 'none',
      anticoagulant: 'antiplatelet',
    });
    expect(db.prepare('SELECT seq, branch, side, la_volume_ml, la_conc_pct, stim_threshold_ma FROM target ORDER BY seq').all()).toEqual([
      { seq: 1, branch: 'brachialis', side: 'left', la_volume_ml: 2, la_conc_pct: 1, stim_threshold_ma: 0.42 },
      { seq: 2, branch: 'biceps-brachii', side: 'left', la_volume_ml: 2, la_conc_pct: 1, stim_threshold_ma: 0.36 },
      { seq: 3, branch: 'brachioradialis', side: 'left', la_volume_ml: 2, la_conc_pct: 1, stim_threshold_ma: 0.55 },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n, MIN(tip_temp_c) AS coldest, MAX(duration_s) AS longest FROM freeze_cycle').get()).toEqual({ n: 9, coldest: -73, longest: 90 });
    // Written by the timer: S1's times, 90 s freezes, 30 s thaws, all completed, sites 1,1,2,2 / 1,1 / 1,1,1.
    expect(db.prepare("SELECT t.seq AS target, c.site_no AS site, substr(c.started_at, 12, 8) AS start, c.duration_s AS d, c.thaw_s AS thaw, c.outcome FROM freeze_cycle c JOIN target t ON t.id = c.target_id ORDER BY t.seq, c.seq").all()).toEqual([
      { target: 1, site: 1, start: '09:15:05', d: 90, thaw: 30, outcome: 'completed' },
      { target: 1, site: 1, start: '09:17:10', d: 90, thaw: 30, outcome: 'completed' },
      { target: 1, site: 2, start: '09:19:15', d: 90, thaw: 30, outcome: 'completed' },
      { target: 1, site: 2, start: '09:21:20', d: 90, thaw: 30, outcome: 'completed' },
      { target: 2, site: 1, start: '09:32:05', d: 90, thaw: 30, outcome: 'completed' },
      { target: 2, site: 1, start: '09:34:10', d: 90, thaw: 30, outcome: 'completed' },
      { target: 3, site: 1, start: '09:48:05', d: 90, thaw: 30, outcome: 'completed' },
      { target: 3, site: 1, start: '09:50:10', d: 90, thaw: 30, outcome: 'completed' },
      { target: 3, site: 1, start: '09:52:15', d: 90, thaw: 30, outcome: 'completed' },
    ]);
    expect(db.prepare('SELECT seq, substr(stop_moment_time, 12, 5) AS stop, stop_moment_by_1 AS by1, stop_moment_by_2 AS by2 FROM target ORDER BY seq').all()).toEqual([
      { seq: 1, stop: '09:14', by1: 'Dr Ada Lovelace', by2: 'Grace Hopper' },
      { seq: 2, stop: '09:31', by1: 'Dr Ada Lovelace', by2: 'Grace Hopper' },
      { seq: 3, stop: '09:47', by1: 'Dr Ada Lovelace', by2: 'Grace Hopper' },
    ]);
    expect(db.prepare('SELECT mas_pre, mas_post, tardieu_r1pre, tardieu_r1post FROM outcome').get()).toEqual({ mas_pre: '3', mas_post: '1+', tardieu_r1pre: 85, tardieu_r1post: 40 });
    expect(db.prepare('SELECT date FROM follow_up ORDER BY seq').all()).toEqual([{ date: '2026-03-19' }, { date: '2026-04-23' }, { date: '2026-06-04' }]);
    expect(db.prepare('SELECT probe_lot, probe_expiry, probe_gtin FROM device').get()).toEqual({ probe_lot: 'PRB-24-1187', probe_expiry: '2026-09-30', probe_gtin: '05012345678900' });
  } finally {
    db.close();
  }

  // ── The patient comes back: the next session shows each nerve's history ──
  await page.getByRole('link', { name: /EXAMPLE-ONE, Susan/ }).first().click();
  await page.getByRole('button', { name: 'Start session', exact: true }).click();
  await page.getByRole('button', { name: 'L musculocutaneous → brachialis' }).click();
  const earlier = page.getByRole('group', { name: 'Earlier treatments of this nerve, target 1' });
  await expect(earlier).toContainText('L musculocutaneous → brachialis: 2nd treatment, the last one earlier the same day');
  await expect(earlier).toContainText('2 sites, 4 cycles');
  await windowShot(page, '43-S1-next-session-history', earlier);
});

const s2Test = testAt('2026-03-12T10:20:00Z', RHYS);

s2Test('S2: lower limb, handheld fixed-cycle device, on warfarin, bruising recorded, ends clean', async ({ app: page, dbDir, host }) => {
  s2Test.setTimeout(240_000);
  const c = new Clinician(page);

  // ── Patient ──
  await c.click(page.getByRole('button', { name: 'New patient' }));
  await expect(c.field(page, 'Family name')).toBeFocused();
  await c.type(c.field(page, 'Family name'), 'Example-Two');
  await c.tabTo(c.field(page, 'Given name'));
  await c.type(c.field(page, 'Given name'), 'Robert');
  await c.tabTo(c.field(page, 'Date of birth'));
  await c.type(c.field(page, 'Date of birth'), '18/09/1977');
  await c.tabTo(page.getByLabel('NHS number', { exact: true }));
  await c.type(page.getByLabel('NHS number', { exact: true }), '9990237573');
  await c.choose(page, 'Sex', 'Male');
  await c.fill(page, 'Weight (kg)', '82');
  await c.select(c.field(page, 'Cause of spasticity'), { label: 'Multiple sclerosis' });
  await c.choose(page, 'Affected side', 'Right');
  await c.yes(page, 'Walks (ambulant)');
  await c.choose(page, 'Allergies', 'No known allergies');
  await c.check(page, 'Cold-related contraindications', 'None');
  await c.check(page, 'Implanted electrical devices', 'None');
  await allSaved(page);
  await c.click(page.getByRole('button', { name: 'Start session' }));
  await expect(page.getByText('No target yet')).toBeVisible();

  // ── Before: consent, warfarin with INR 5 days old, block 2 weeks earlier, team ──
  const before = section(page, 'Before the procedure');
  await c.fill(before, 'Location', 'Spasticity clinic');
  await c.choose(before, 'Consent type', 'Written, by the patient (e.g. form 1)');
  await c.fill(before, 'Consent date', 'today');
  await c.tabTo(c.field(before, 'Consent taken by'));
  await c.type(c.field(before, 'Consent taken by'), 'Dr Mary Somerville');
  await c.yes(before, 'Patient leaflet given');
  await c.click(before.getByRole('button', { name: 'Add consented site' }));
  const site = page.getByTestId('consentSite-1');
  await expect(c.field(site, 'Nerve')).toBeFocused();
  await c.select(c.field(site, 'Nerve'), { label: 'Tibial' });
  await c.choose(site, 'Side', 'Right');

  await c.select(c.field(before, 'Anticoagulant'), { label: 'Warfarin' });
  await c.choose(before, 'Anticoagulant action', 'Continued');
  await c.fill(before, 'INR', '2,6'); // a comma decimal, as typed on a continental keyboard
  await c.tabTo(c.field(before, 'INR date'));
  await c.type(c.field(before, 'INR date'), '-5d');
  await c.choose(before, 'INR source', 'GP / anticoagulation clinic');
  await c.fill(before, 'INR target, low', '2.0');
  await c.tabTo(c.field(before, 'INR target, high'));
  await c.type(c.field(before, 'INR target, high'), '3.0');

  await c.click(before.getByRole('button', { name: 'Add diagnostic block' }));
  const block = page.getByTestId('diagnosticBlock-1');
  await expect(c.field(block, 'Nerve and branch')).toBeFocused();
  await c.select(c.field(block, 'Nerve and branch'), { label: 'Tibial: several branches / not specified' });
  await c.choose(block, 'Side', 'Right');
  await c.fill(block, 'Block date', '-2w');
  await c.choose(block, 'Agent', 'Lidocaine 1%');
  await c.fill(block, 'Volume (mL)', '3');
  await c.yes(block, 'Ultrasound guided');
  await c.yes(block, 'Stimulation guided');
  await c.choose(block, 'Result', 'Positive');
  await c.fill(block, 'Notes', 'Branches to both gastrocnemius heads and soleus. Ankle DF, knee extended: -10° to +5°; clonus shorter.');

  for (const [i, m] of [
    { role: 'Operator', name: 'Dr Mary Somerville', body: 'GMC', number: '7054321' },
    { role: 'Assistant', name: 'Rosalind Franklin', body: 'NMC', number: '12A3456E' },
  ].entries()) {
    await c.click(before.getByRole('button', { name: 'Add team member' }));
    const row = page.getByTestId(`teamMember-${i + 1}`);
    await c.choose(row, 'Role', m.role);
    await c.fill(row, 'Name', m.name);
    await c.choose(row, 'Registration body', m.body);
    await c.fill(row, 'Registration number', m.number);
  }

  // ── Safety ──
  const safety = section(page, 'Safety checks');
  await c.yes(safety, 'Sign-in done');
  await c.yes(safety, 'Patient identity confirmed (two identifiers)');
  await c.yes(safety, 'Procedure and sites match the consent');
  await c.choose(safety, 'Site marking', 'Marked and visible');
  await c.yes(safety, 'Allergies reconfirmed');
  await c.yes(safety, 'Anticoagulation reconfirmed');
  await c.yes(safety, 'Equipment checked');
  await c.fill(safety, 'Time-out time', '10:25');

  // ── Device: handheld, fixed 106 s cycle, no temperature readout ──
  await c.click(section(page, 'Devices and consumables').getByRole('button', { name: 'Add device' }));
  const dev = page.getByTestId('device-1');
  await c.choose(dev, 'System type', 'Handheld, fixed cycle');
  await c.fill(dev, 'Manufacturer', 'Handheld Cryo (fictional)');
  await c.tabTo(c.field(dev, 'Model'));
  await c.type(c.field(dev, 'Model'), 'HC-1 handpiece, 20 G × 90 mm stimulating tip');
  await c.tabTo(c.field(dev, 'Console / handpiece serial or asset number'));
  await c.type(c.field(dev, 'Console / handpiece serial or asset number'), 'HP-2210');
  await c.fill(dev, 'Probe lot', 'ST-2411-072');
  await c.fill(dev, 'Probe gauge (G)', '20');
  await c.tabTo(c.field(dev, 'Probe length (mm)'));
  await c.type(c.field(dev, 'Probe length (mm)'), '90');
  await c.tabTo(c.field(dev, 'Planned freeze (s)'));
  await c.type(c.field(dev, 'Planned freeze (s)'), '106');
  await c.tabTo(c.field(dev, 'Gas cartridge / cylinder lot'));
  await c.type(c.field(dev, 'Gas cartridge / cylinder lot'), 'CART-0912');
  await c.tabTo(c.field(dev, 'Nerve stimulator model / asset'));
  await c.type(c.field(dev, 'Nerve stimulator model / asset'), 'Stimulator NS-2 (asset 4471)');

  // ── Targets: right tibial branches, 3 mL of 1 % lidocaine each (90 mg) ──
  const s2Targets = [
    { nerve: 'Tibial → medial gastrocnemius', mA: '0.50', muscle: 'medial gastrocnemius', sites: 3 },
    { nerve: 'Tibial → lateral gastrocnemius', mA: '0.48', muscle: 'lateral gastrocnemius', sites: 2 },
    { nerve: 'Tibial → soleus', mA: '0.60', muscle: 'soleus', sites: 3 },
  ];
  const targets = section(page, 'Targets and freeze cycles');
  for (const [ti, t] of s2Targets.entries()) {
    const n = ti + 1;
    await c.click(targets.getByRole('button', { name: 'Add target' }));
    const card = page.getByTestId(`target-${n}`);
    await expect(card.getByLabel('Nerve and branch')).toBeFocused();
    await c.select(card.getByLabel('Nerve and branch'), { label: t.nerve });
    await c.choose(card, 'Side', 'Right');
    if (n === 1) await c.select(c.field(card, 'Clinical pattern'), { label: 'Equinovarus' });
    await c.yes(card, 'Stop moment done');
    await c.fill(card, 'Stop moment confirmed by', 'Dr Mary Somerville');
    await c.tabTo(c.field(card, '…and by'));
    await c.type(c.field(card, '…and by'), 'Rosalind Franklin');
    if (n === 1) {
      await c.choose(card, 'Skin local anaesthetic', 'Lidocaine (plain)');
      await c.fill(card, 'Concentration (%)', '1');
      await c.tabTo(c.field(card, 'Volume (mL)'));
      await c.type(c.field(card, 'Volume (mL)'), '3');
    } else {
      await c.fill(card, 'Volume (mL)', '3');
    }
    await c.yes(card, 'Ultrasound used');
    await c.yes(card, 'Nerve seen on ultrasound');
    await c.yes(card, 'Nerve stimulation used');
    if (n === 1) await c.choose(card, 'Stimulation via', 'Stimulating cryoprobe');
    await c.fill(card, 'Stimulation threshold (mA)', t.mA);
    if (n === 1) {
      await c.tabTo(c.field(card, 'Pulse width (ms)'));
      await c.type(c.field(card, 'Pulse width (ms)'), '0.1');
      await c.tabTo(c.field(card, 'Frequency (Hz)'));
      await c.type(c.field(card, 'Frequency (Hz)'), '2');
    }
    await c.yes(card, 'Motor response seen');
    await c.select(c.field(card, 'Muscle that responded'), { label: t.muscle });
    for (let site = 1; site <= t.sites; site++) {
      await c.click(card.getByRole('button', { name: 'Add freeze cycle' }));
      const cyc = page.getByTestId(`cycle-${n}-${site}`);
      // The handheld's fixed cycle fills the duration; there is no temperature to record.
      await expect(c.field(cyc, 'Freeze duration (s)')).toHaveValue('106');
      await expect(cyc).toContainText('no temperature readout');
      if (site > 1) await c.fill(cyc, 'Lesion site', String(site));
      if (n === 1 && site === 1) await c.choose(cyc, 'Thaw', 'Passive');
      await c.yes(cyc, 'Ice ball seen on ultrasound');
      await c.fill(cyc, 'Pain during freeze (0–10)', site === 2 ? '4' : '3');
      await c.choose(cyc, 'Cycle outcome', 'Completed');
    }
  }
  await expect(page.getByTestId('lidocaine-3')).toContainText('session total 90 mg = 1.1 mg/kg (weight 82 kg)');

  // ── Outcome ──
  const outcome = section(page, 'Immediate outcome');
  await c.click(outcome.getByRole('button', { name: 'Add muscle group' }));
  const og = page.getByTestId('outcome-1');
  await expect(c.field(og, 'Muscle group')).toBeFocused();
  await c.select(c.field(og, 'Muscle group'), { label: 'Ankle plantarflexors (knee straight)' });
  await c.choose(og, 'Side', 'Right');
  await c.choose(og, 'MAS before', '2');
  await c.choose(og, 'MAS after', '1');
  await c.fill(og, 'Angle convention', 'Ankle 0° = neutral, dorsiflexion +');
  await c.tabTo(c.field(og, 'Test position'));
  await c.type(c.field(og, 'Test position'), 'Knee extended');
  for (const [label, value] of [
    ['Tardieu R1 before (°)', '−15'],
    ['Tardieu R1 after (°)', '-5'],
    ['Tardieu R2 before (°)', '+5'],
    ['Tardieu R2 after (°)', '5'],
  ] as const) {
    await c.fill(og, label, value);
  }
  await c.choose(og, 'Tardieu X before', '3');
  await c.choose(og, 'Tardieu X after', '1');

  // ── Complications: bruising at one entry site ──
  const comp = section(page, 'Complications');
  await c.choose(comp, 'Any complication?', 'Yes (record each one)');
  const row = page.getByTestId('complication-1');
  await expect(c.field(row, 'Complication')).toBeFocused();
  await c.select(c.field(row, 'Complication'), { label: 'Bruising / swelling' });
  await c.choose(row, 'Severity', 'Mild');
  await c.choose(row, 'Onset', 'Before discharge');
  await c.fill(row, 'Details', 'Small bruise at one entry site over the medial gastrocnemius; noted, no action needed.');
  await windowShot(page, '15-complications-present', row);
  // Long entries (the device model here) never widen the form past its column.
  expect(await page.evaluate(() => {
    const main = document.querySelector('.session-main')!.getBoundingClientRect();
    return (Array.from(document.querySelectorAll('.session-main *')) as HTMLElement[]).filter((el) => el.getBoundingClientRect().right > main.right + 1).map((el) => `${el.tagName}.${el.className}`);
  })).toEqual([]);

  // ── Sign-out and aftercare ──
  await c.yes(section(page, 'Sign-out'), 'Sign-out done');
  const after = section(page, 'Aftercare and follow-up');
  await c.yes(after, 'Aftercare advice given');
  await c.yes(after, 'Falls advice given');
  await c.yes(after, 'GP letter');
  for (const [i, weeks] of [6, 12, 18, 24].entries()) {
    await c.click(after.getByRole('button', { name: 'Add follow-up' }));
    const fu = page.getByTestId(`followUp-${i + 1}`);
    await expect(c.field(fu, 'Date')).toBeFocused();
    await c.type(c.field(fu, 'Date'), `+${weeks}w`);
    await c.choose(fu, 'Type', 'Clinic');
  }
  await allSaved(page);

  await expect(checks(page).getByText('No problems found.')).toBeVisible();
  await expect(page.getByTestId('summary-text')).toContainText('NHS number: 999 023 7573');
  await screenshot(page, '16-S2-finished');
  console.log(c.summary('S2'));

  // ── Sign, export in every format, print the aftercare sheet; the receivers' checks ──
  const signing = new Clinician(page);
  const signoff = page.getByRole('region', { name: 'Sign-off', exact: true });
  await expect(signoff.getByTestId('signing-as')).toHaveText('Signing as Dr Rhys Pemberton, Consultant in rehabilitation medicine, GMC 7023456');
  await signing.fill(signoff, 'Your PIN, to sign', RHYS.secret);
  await signing.click(signoff.getByRole('button', { name: 'Sign and lock' }));
  await expect(signoff).toContainText('Signed and locked.');
  const s2Files = await exportEveryFormat(page, signing, host, dropIn(dbDir), 1);
  expect(
    exportProblems(s2Files, {
      nhsNumber: '9990237573',
      cycles: 8,
      version: 1,
      pdfContains: ['Right tibial nerve', 'ST-2411-072', 'no temperature readout', 'INR', '2.6', 'Bruising'],
    }),
  ).toEqual([]);
  await windowShot(page, '17-S2-exported', page.getByRole('region', { name: 'Export', exact: true }));
  console.log(signing.summary('S2 sign, export in every format and print the aftercare sheet'));

  const db = new Database(path.join(dbDir, 'cryolog.sqlite'), { readonly: true });
  try {
    expect(db.prepare('SELECT anticoagulant, anticoagulant_action, inr_value, inr_date FROM session').get()).toEqual({
      anticoagulant: 'warfarin',
      anticoagulant_action: 'continued',
      inr_value: 2.6,
      inr_date: '2026-03-07',
    });
    expect(db.prepare('SELECT system_type, planned_freeze_s, probe_lot FROM device').get()).toEqual({ system_type: 'handheld-fixed-cycle', planned_freeze_s: 106, probe_lot: 'ST-2411-072' });
    expect(db.prepare('SELECT COUNT(*) AS n, COUNT(tip_temp_c) AS temps, MIN(duration_s) AS shortest, MAX(site_no) AS sites FROM freeze_cycle').get()).toEqual({ n: 8, temps: 0, shortest: 106, sites: 3 });
    expect(db.prepare('SELECT type, severity, onset FROM complication').all()).toEqual([{ type: 'bruising-swelling', severity: 'mild', onset: 'before-discharge' }]);
    expect(db.prepare('SELECT tardieu_r1pre, tardieu_r2pre, tardieu_xpre, test_position FROM outcome').get()).toEqual({ tardieu_r1pre: -15, tardieu_r2pre: 5, tardieu_xpre: '3', test_position: 'Knee extended' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM follow_up WHERE date > ?').get('2026-03-12')).toEqual({ n: 4 });
  } finally {
    db.close();
  }
});
