import type { SessionDocument, TargetWithCycles } from '../../../../shared/domain/model';
import { SIDE_LABELS, targetLabel } from '../../../../shared/domain/valueSets';
import type { AppState } from '../../state/store';

/**
 * A wrong-site incident is recorded as a complication too (rules E04 / E12), with the session's
 * complications answered "present". One place, used by the stop moment and by the target's own
 * wrong-site field.
 */
export async function recordWrongSiteComplication(
  doc: SessionDocument,
  t: TargetWithCycles,
  incidentRef: string | null,
  store: Pick<AppState, 'addRow' | 'saveFields'>,
): Promise<void> {
  if (!doc.complications.some((c) => c.type === 'wrong-site')) {
    await store.addRow('complication', doc.session.id, {
      type: 'wrong-site',
      onset: 'intra-procedure',
      ...(incidentRef ? { incidentRef } : {}),
      note: `Target ${t.seq}: ${t.side ? SIDE_LABELS[t.side] : ''} ${targetLabel(t.nerve, t.branch)}`.trim(),
    });
  }
  if (doc.session.complicationsAnswer !== 'present') await store.saveFields({ entity: 'session', id: doc.session.id, patch: { complicationsAnswer: 'present' } });
}
