import type { ReactNode } from 'react';
import { SECTIONS, sectionDomId, type SectionId } from './sectionMap';

/** One section of the session screen: a heading the section menu can send the focus to. */
export function Section({ id, intro, children }: { id: SectionId; intro?: ReactNode; children: ReactNode }) {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  return (
    <section className="panel session-section" id={sectionDomId(id)} aria-labelledby={`${sectionDomId(id)}-heading`}>
      <h2 id={`${sectionDomId(id)}-heading`} tabIndex={-1}>
        {TITLES[id] ?? title}
      </h2>
      {intro ? <p className="muted section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}

const TITLES: Partial<Record<SectionId, string>> = {
  before: 'Before the procedure',
  safety: 'Safety checks',
  devices: 'Devices and consumables',
  targets: 'Targets and freeze cycles',
  outcome: 'Immediate outcome',
  complications: 'Complications',
  'sign-out': 'Sign-out',
  aftercare: 'Aftercare and follow-up',
};

/** A titled group of fields inside a section. */
export function Group({ title, children, note, rows = false }: { title: string; children: ReactNode; note?: ReactNode; rows?: boolean }) {
  return (
    <div className="field-group">
      <h3>{title}</h3>
      {note ? <p className="muted small group-note">{note}</p> : null}
      {rows ? children : <div className="form-grid">{children}</div>}
    </div>
  );
}
