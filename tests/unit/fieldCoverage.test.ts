import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from 'vitest';
import { ENTITY_DEFS, type EntityName } from '../../shared/domain/record';

// Every field declared in shared/domain/record.ts has a place on screen: a new declaration
// without one fails here. A source check (fast, in Node); the browser tests show the fields.

/** The screen files that render each entity's fields. */
const SCREENS: Record<EntityName, string[]> = {
  patient: ['features/patient/PatientScreen.tsx'],
  allergy: ['features/patient/PatientScreen.tsx'],
  session: ['features/session/BeforeSection.tsx', 'features/session/SafetySection.tsx', 'features/session/OutcomeSection.tsx', 'features/session/ComplicationsSection.tsx', 'features/session/AftercareSection.tsx'],
  teamMember: ['features/session/BeforeSection.tsx'],
  consentSite: ['features/session/BeforeSection.tsx'],
  goal: ['features/session/BeforeSection.tsx'],
  diagnosticBlock: ['features/session/BeforeSection.tsx', 'features/session/NerveBranchField.tsx'],
  device: ['features/session/DevicesSection.tsx'],
  target: ['features/session/TargetCard.tsx', 'features/session/NerveBranchField.tsx'],
  cycle: ['features/session/TargetCard.tsx'],
  outcome: ['features/session/OutcomeSection.tsx'],
  complication: ['features/session/ComplicationsSection.tsx'],
  followUp: ['features/session/AftercareSection.tsx'],
};

test('every declared field of the record is on a screen', () => {
  const missing: string[] = [];
  for (const [entity, def] of Object.entries(ENTITY_DEFS) as [EntityName, (typeof ENTITY_DEFS)[EntityName]][]) {
    const source = SCREENS[entity].map((f) => fs.readFileSync(path.join('renderer/src', f), 'utf8')).join('\n');
    for (const field of Object.keys(def.fields)) {
      // A RecordField names it (field="x"), or the nerve-and-branch list saves it ({ nerve, branch }).
      const shown = source.includes(`field="${field}"`) || ((field === 'nerve' || field === 'branch') && source.includes('patch: { nerve:'));
      if (!shown) missing.push(`${entity}.${field}`);
    }
  }
  expect(missing).toEqual([]);
});
