import type { ValidationReport } from '../../../../shared/domain/rules';

/** What still blocks sign-off (hard errors) and what will need acknowledging (warnings). */
export function FindingsPanel({ report }: { report: ValidationReport }) {
  const count = report.errors.length + report.warnings.length;
  return (
    <section className="panel findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Checks before sign-off</h2>
      {count === 0 ? (
        <p className="all-clear">No problems found.</p>
      ) : (
        <ul className="finding-list">
          {report.errors.map((f, i) => (
            <li key={`e${i}`} className="finding error">
              <span className="finding-tag">Must fix</span> {f.message}
            </li>
          ))}
          {report.warnings.map((f, i) => (
            <li key={`w${i}`} className="finding warning">
              <span className="finding-tag">Check</span> {f.message}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">A draft saves with problems in it; they only block signing and export.</p>
    </section>
  );
}
