import { fieldDomId, rowDomId } from '../../lib/findings';
import type { Finding } from '../../../../shared/domain/rules';
import { navigate } from '../../lib/navigate';
import { sectionDomId, sectionOf } from './sectionMap';

const FOCUSABLE = 'input, select, textarea, [role="radio"][tabindex="0"], button';

/** Brings a control into view and focuses it; a group passes the focus to its first control. */
export function focusElement(el: HTMLElement, block: ScrollLogicalPosition = 'center'): void {
  const target = el.matches('input, select, textarea, button, h2') ? el : (el.querySelector<HTMLElement>(FOCUSABLE) ?? el);
  target.scrollIntoView?.({ block });
  target.focus({ preventScroll: true });
}

/** Takes the clinician to where a finding can be fixed: the field, else its row, else its section. */
export function goToFinding(f: Pick<Finding, 'entity' | 'entityId' | 'field'>, patientId: string): void {
  if (f.entity === 'patient' || f.entity === 'allergy') {
    navigate({ name: 'patient', id: patientId });
    return;
  }
  const candidates = [fieldDomId(f.entity, f.entityId, f.field ?? ''), rowDomId(f.entity, f.entityId)];
  for (const id of candidates) {
    const el = document.getElementById(id);
    if (el) return focusElement(el);
  }
  const section = sectionOf(f.entity, f.field);
  const heading = section ? document.getElementById(`${sectionDomId(section)}-heading`) : null;
  if (heading) focusElement(heading, 'start');
}
