import { describe, expect, it } from 'vitest';
import { cyclesSummary, nerveHistory, ordinal, targetWithCycles, timeSince, type HistoryCycle, type HistorySession, type HistoryTarget } from '../../shared/domain/history';

const cycle = (siteNo: number, durationS: number | null, tipTempC: number | null, outcome: HistoryCycle['outcome'] = 'completed'): HistoryCycle => ({
  siteNo,
  durationS,
  startedAt: null,
  endedAt: null,
  tipTempC,
  outcome,
});
const target = (seq: number, nerve: string, branch: string, side: 'left' | 'right', cycles: HistoryCycle[] = [cycle(1, 90, -72), cycle(1, 90, -70)]): HistoryTarget => ({
  seq,
  nerve,
  branch,
  side,
  cycles,
});
let n = 0;
const session = (startedAt: string, targets: HistoryTarget[], extra: Partial<HistorySession> = {}): HistorySession => ({
  sessionId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  startedAt,
  status: 'completed',
  signedAt: `${startedAt.slice(0, 10)}T12:00:00.000Z`,
  targets,
  outcomes: [{ muscleGroup: 'plantarflexors-knee-straight', side: 'left', masPre: '3', masPost: '1+' }],
  ...extra,
});

const NOW = '2026-05-26T09:00:00+01:00';
const current = (nerve: string | null, branch: string | null, side: 'left' | 'right' | null, sessionId = 'current') => ({ sessionId, startedAt: NOW, nerve, branch, side });

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [101, '101st'],
    [111, '111th'],
  ])('%d → %s', (value, text) => expect(ordinal(value)).toBe(text));
});

describe('time since, by calendar date in the clinician’s local time', () => {
  it.each([
    ['2026-05-26T08:00:00+01:00', 'the same day'],
    ['2026-05-25T17:00:00+01:00', '1 day ago'],
    ['2026-05-13T10:00:00+01:00', '13 days ago'],
    ['2026-05-12T10:00:00+01:00', '2 weeks ago'],
    ['2026-03-10T09:10:00+00:00', '11 weeks ago'],
    ['2025-11-27T10:00:00+00:00', '25 weeks ago'], // 180 days
    ['2025-11-25T10:00:00+00:00', '6 months ago'], // 182 days
    ['2025-05-26T10:00:00+01:00', '12 months ago'],
  ])('%s → %s', (from, text) => expect(timeSince(from, NOW)).toBe(text));
});

describe('each nerve’s history', () => {
  it('says so when the nerve has never been treated on that side', () => {
    const h = nerveHistory([], current('tibial', 'medial-gastrocnemius', 'left'))!;
    expect(h.ordinal).toBe(1);
    expect(h.headline).toBe('First recorded treatment of the left tibial nerve for this patient.');
    expect(h.earlier).toEqual([]);
  });

  it('waits for both the nerve and the side', () => {
    expect(nerveHistory([], current('tibial', 'soleus', null))).toBeNull();
    expect(nerveHistory([], current(null, null, 'left'))).toBeNull();
  });

  it('counts this session as the nth treatment, newest earlier one first, with date, time since, cycles, temperatures and MAS', () => {
    const first = session('2025-11-04T10:00:00+00:00', [target(1, 'tibial', 'soleus', 'left', [cycle(1, 106, null), cycle(2, 106, null)])]);
    const second = session('2026-03-10T09:10:00+00:00', [target(2, 'tibial', 'medial-gastrocnemius', 'left')]);
    const h = nerveHistory([first, second], current('tibial', 'medial-gastrocnemius', 'left'))!;
    expect(h.ordinal).toBe(3);
    expect(h.headline).toBe('L tibial → medial gastrocnemius: 3rd treatment, last 11 weeks ago');
    expect(h.earlier.map((e) => e.when)).toEqual(['10 Mar 2026 (11 weeks ago)', '4 Nov 2025 (7 months ago)']);
    expect(h.earlier[0]).toMatchObject({
      targets: ['L tibial → medial gastrocnemius · 1 site, 2 cycles · 90 s, 90 s · −72 °C, −70 °C'],
      mas: 'MAS ankle plantarflexors (knee straight) 3 → 1+',
    });
    // A different branch of the same nerve is the same nerve: it counts, and shows its branch.
    expect(h.earlier[1]!.targets).toEqual(['L tibial → soleus · 2 sites, 2 cycles · 106 s, 106 s · temperature not recorded']);
  });

  it('leaves out the other side, other nerves, later sessions, this session, and sessions where nothing was treated', () => {
    const sessions = [
      session('2026-03-10T09:10:00+00:00', [target(1, 'tibial', 'medial-gastrocnemius', 'right')]),
      session('2026-03-11T09:10:00+00:00', [target(1, 'musculocutaneous', 'brachialis', 'left')]),
      session('2026-06-01T09:10:00+01:00', [target(1, 'tibial', 'medial-gastrocnemius', 'left')]),
      session('2026-04-01T09:10:00+01:00', [target(1, 'tibial', 'medial-gastrocnemius', 'left')], { status: 'not-done' }),
      session('2026-04-02T09:10:00+01:00', [target(1, 'tibial', 'medial-gastrocnemius', 'left')], { status: 'entered-in-error' }),
      session('2026-05-26T08:59:59+01:00', [target(1, 'tibial', 'medial-gastrocnemius', 'left')], { sessionId: 'current' }),
    ];
    const h = nerveHistory(sessions, current('tibial', 'medial-gastrocnemius', 'left'))!;
    expect(h.earlier).toEqual([]);
    expect(h.headline).toMatch(/^First recorded treatment/);
  });

  it('compares start times, not text: an earlier start in another offset still counts', () => {
    // 08:30Z is 09:30 in BST: after this session's 09:00+01:00, though it sorts before it as text.
    const later = session('2026-05-26T08:30:00Z', [target(1, 'tibial', 'soleus', 'left')]);
    const earlier = session('2026-05-26T07:30:00Z', [target(1, 'tibial', 'soleus', 'left')]);
    const h = nerveHistory([later, earlier], current('tibial', 'soleus', 'left'))!;
    expect(h.earlier.map((e) => e.sessionId)).toEqual([earlier.sessionId]);
    expect(h.headline).toBe('L tibial → soleus: 2nd treatment, the last one earlier the same day');
  });

  it('counts a session once when it treated two branches of the nerve, listing both', () => {
    const s = session('2026-03-10T09:10:00+00:00', [target(1, 'musculocutaneous', 'brachialis', 'left'), target(2, 'musculocutaneous', 'biceps-brachii', 'left', [cycle(1, 90, -68)])], {
      outcomes: [
        { muscleGroup: 'elbow-flexors', side: 'left', masPre: '3', masPost: '1+' },
        { muscleGroup: 'elbow-flexors', side: 'right', masPre: '2', masPost: '2' },
      ],
    });
    const h = nerveHistory([s], current('musculocutaneous', 'brachialis', 'left'))!;
    expect(h.headline).toBe('L musculocutaneous → brachialis: 2nd treatment, last 11 weeks ago');
    expect(h.earlier).toHaveLength(1);
    expect(h.earlier[0]).toMatchObject({
      targets: ['L musculocutaneous → brachialis · 1 site, 2 cycles · 90 s, 90 s · −72 °C, −70 °C', 'L musculocutaneous → biceps brachii · 1 site, 1 cycle · 90 s · −68 °C'],
      mas: 'MAS elbow flexors 3 → 1+', // the right side's row is not this side's
    });
  });

  it('marks drafts (never signed) and says when MAS was not recorded on that side', () => {
    const s = session('2026-05-20T10:00:00+01:00', [target(1, 'tibial', 'trunk', 'right')], { signedAt: null, status: 'draft' });
    const h = nerveHistory([s], current('tibial', 'trunk', 'right'))!;
    expect(h.headline).toBe('R tibial trunk: 2nd treatment, last 6 days ago');
    expect(h.earlier[0]).toMatchObject({ draft: true, when: '20 May 2026 (6 days ago)' });
    expect(h.earlier[0]!.mas).toBe('MAS not recorded');
  });
});

describe('cycles in a line', () => {
  it('lists up to three values, then a range, or "n ×" when three or more are the same; counts aborted cycles', () => {
    const many = target(1, 'tibial', 'soleus', 'left', [cycle(1, 90, -73), cycle(1, 90, -71), cycle(2, 90, -69), cycle(2, 90, -70, 'aborted')]);
    expect(cyclesSummary(many)).toBe('2 sites, 4 cycles (1 aborted) · 4 × 90 s · −73 to −69 °C');
    const three = target(1, 'tibial', 'soleus', 'left', [cycle(1, 106, -60.5), cycle(2, 106, -61), cycle(3, 100, -61)]);
    expect(cyclesSummary(three)).toBe('3 sites, 3 cycles · 106 s, 106 s, 100 s · −60.5 °C, −61 °C, −61 °C');
    const same = target(1, 'tibial', 'soleus', 'left', [cycle(1, 106, null), cycle(2, 106, null), cycle(3, 106, null)]);
    expect(cyclesSummary(same)).toBe('3 sites, 3 cycles · 3 × 106 s · temperature not recorded');
    expect(cyclesSummary(target(1, 'tibial', 'soleus', 'left', []))).toBe('no freeze cycle recorded');
  });

  it('names a target with its cycles for the patient’s session list', () => {
    expect(targetWithCycles(target(1, 'musculocutaneous', 'brachialis', 'left'))).toBe('L musculocutaneous → brachialis (2 cycles)');
    expect(targetWithCycles({ seq: 1, nerve: null, branch: null, side: null, cycles: [] })).toBe('Nerve not chosen (0 cycles)');
  });
});
