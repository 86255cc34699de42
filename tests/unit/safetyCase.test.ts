// The clinical safety case (docs/clinical-safety.md, DCB0129 hazard log) cites the tests that
// prove each control. This keeps it true: a renamed or removed test, a control without a test
// that is not marked OPEN, or a risk rating that is missing or off the matrix fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHazardLog, riskRating, safetyCaseProblems } from '../helpers/safetyCase';

const ROOT = path.resolve(__dirname, '../..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'clinical-safety.md'), 'utf8');

/** One hazard in the documented format, with the parts a test changes. */
function hazard({ test = '`tests/unit/nhsNumber.test.ts` › `rejects a wrong check digit`', residual = '2', status = 'Closed', likelihoodAfter = 'Low' } = {}): string {
  return [
    '### H01 Wrong patient',
    '',
    '| Field | Entry |',
    '|---|---|',
    '| Hazard | A record for another patient |',
    '| Causes | A mistyped NHS number |',
    '| Effect on the patient | Decisions on the wrong record |',
    '| Severity | Considerable |',
    '| Likelihood before controls | Medium |',
    '| Initial risk | 3 |',
    `| Likelihood after controls | ${likelihoodAfter} |`,
    `| Residual risk | ${residual} |`,
    `| Status | ${status} |`,
    '',
    '| Control | In CryoLog | Test |',
    '|---|---|---|',
    `| NHS number check (E01) | shared/domain/nhsNumber.ts | ${test} |`,
    '',
  ].join('\n');
}

describe('docs/clinical-safety.md', () => {
  it('holds the nine hazards of issue 6 and more, each with its controls', () => {
    const hazards = parseHazardLog(DOC);
    expect(hazards.map((h) => h.id)).toEqual(expect.arrayContaining(['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08', 'H09']));
    for (const h of hazards) expect(h.controls.length, h.id).toBeGreaterThan(0);
  });

  it('cites only tests that exist under their exact titles, marks every untested control OPEN, and rates every hazard on the matrix', () => {
    expect(safetyCaseProblems(DOC, ROOT)).toEqual([]);
  });

  it('leaves the wrong-person hazard OPEN until sign-in has its tests', () => {
    const h09 = parseHazardLog(DOC).find((h) => h.id === 'H09')!;
    expect(h09.fields.get('Status')).toMatch(/^OPEN/);
    expect(h09.controls.some((c) => c.open)).toBe(true);
  });
});

describe('the check of the safety case fails when it should', () => {
  it('accepts a well-formed hazard', () => {
    expect(safetyCaseProblems(hazard(), ROOT)).toEqual([]);
  });

  it('catches a test title that is not in the cited file', () => {
    const problems = safetyCaseProblems(hazard({ test: '`tests/unit/nhsNumber.test.ts` › `rejects a wrong check digits`' }), ROOT);
    expect(problems).toEqual(['H01 (Wrong patient): no test titled "rejects a wrong check digits" in tests/unit/nhsNumber.test.ts.']);
  });

  it('catches a cited file that does not exist', () => {
    const problems = safetyCaseProblems(hazard({ test: '`tests/unit/nhsNumbers.test.ts` › `rejects a wrong check digit`' }), ROOT);
    expect(problems).toEqual(['H01 (Wrong patient): cited test file tests/unit/nhsNumbers.test.ts does not exist.']);
  });

  it('catches a table-driven title filled with a value the table does not hold', () => {
    const good = '`tests/unit/rules/everyRule.test.ts` › `fires: INR 8 days old`';
    expect(safetyCaseProblems(hazard({ test: good }), ROOT)).toEqual([]);
    const problems = safetyCaseProblems(hazard({ test: '`tests/unit/rules/everyRule.test.ts` › `fires: INR 9 days old`' }), ROOT);
    expect(problems).toHaveLength(1);
  });

  it('catches a control with no test that is not marked OPEN, and an OPEN control under a hazard that is not OPEN', () => {
    expect(safetyCaseProblems(hazard({ test: 'checked by hand' }), ROOT)).toEqual(['H01 (Wrong patient): control "NHS number check (E01)" has no test and is not marked OPEN.']);
    expect(safetyCaseProblems(hazard({ test: 'OPEN: no test yet' }), ROOT)).toEqual([
      'H01 (Wrong patient): control "NHS number check (E01)" is OPEN or pending, so the hazard\'s Status must start with OPEN.',
    ]);
    expect(safetyCaseProblems(hazard({ test: 'OPEN: no test yet', status: 'OPEN: the check has no test' }), ROOT)).toEqual([]);
  });

  it('catches a missing residual rating and one the matrix does not give', () => {
    expect(safetyCaseProblems(hazard({ residual: '' }), ROOT)).toEqual(['H01 (Wrong patient): "Residual risk" is missing or empty.']);
    expect(safetyCaseProblems(hazard({ residual: '1' }), ROOT)).toEqual(['H01 (Wrong patient): Residual risk says "1", the matrix gives 2.']);
    expect(safetyCaseProblems(hazard({ likelihoodAfter: 'Rare' }), ROOT)).toEqual(['H01 (Wrong patient): severity "Considerable" × likelihood "Rare" is not on the risk matrix.']);
  });

  it('uses the DCB0129 matrix: a lookup from 1 to 5, not a product', () => {
    expect(riskRating('Minor', 'Very low')).toBe(1);
    expect(riskRating('Major', 'Low')).toBe(3);
    expect(riskRating('Catastrophic', 'Very low')).toBe(3);
    expect(riskRating('Significant', 'Very high')).toBe(4);
    expect(riskRating('Catastrophic', 'Very high')).toBe(5);
  });
});
