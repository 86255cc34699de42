import type { ShownFinding } from '../../lib/findings';
import { SECTIONS, sectionDomId, sectionOf } from './sectionMap';
import { focusElement } from './goTo';

/**
 * The sticky list of the session's sections, in the order the procedure happens. Each entry
 * moves the focus to its section's heading (buttons, not links: the address holds the route)
 * and says how many errors and open warnings the section has.
 */
export function SectionMenu({ findings }: { findings: readonly ShownFinding[] }) {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const s = sectionOf(f.entity, f.field);
    if (!s || (f.severity === 'warning' && f.isAcknowledged)) continue;
    const c = counts.get(s) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(s, c);
  }
  return (
    <nav className="section-menu" aria-label="Sections of the session">
      <ol>
        {SECTIONS.map((s) => {
          const c = counts.get(s.id);
          const label = [c?.errors ? `${c.errors} to fix` : null, c?.warnings ? `${c.warnings} to check` : null].filter(Boolean).join(', ');
          return (
            <li key={s.id}>
              <button
                type="button"
                className="section-link"
                onClick={() => {
                  const heading = document.getElementById(`${sectionDomId(s.id)}-heading`);
                  if (heading) focusElement(heading, 'start');
                }}
                aria-label={label ? `${s.title} (${label})` : s.title}
              >
                {s.title}
                {c?.errors || c?.warnings ? (
                  // One badge: red with the errors when there are any, else amber with the warnings.
                  <span className={c.errors ? 'count count-error' : 'count count-warning'} aria-hidden="true">
                    {c.errors || c.warnings}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
