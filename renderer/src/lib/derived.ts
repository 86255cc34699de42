// Labels for the values the screen derives from the record; the values themselves come from
// the shared derived-values module (shared/domain/derived.ts), as the rules and exports use.
import type { NerveType } from '../../../shared/domain/valueSets';

export const NERVE_TYPE_LABELS: Record<NerveType, string> = { 'motor-branch': 'Pure motor branch', 'mixed-trunk': 'Mixed motor-sensory trunk' };

/** "60 mg" / "0.88 mg/kg": no trailing zeros. */
export const mg = (n: number) => `${Math.round(n * 10) / 10} mg`;
