// The aftercare sheet as semantic HTML, to print from the app. Same content as the PDF
// (shared/export/aftercare.ts). To print only the sheet: render this anywhere, add the class
// `printing-aftercare` to <body>, call window.print(), then remove the class (aftercare.css).
import type { AftercareSheet } from '../../../../shared/export/aftercare';
import './aftercare.css';

export function AftercareSheetView({ sheet, largePrint }: { sheet: AftercareSheet; largePrint: boolean }) {
  return (
    <div className="aftercare-print">
      <article className={largePrint ? 'aftercare-sheet aftercare-large' : 'aftercare-sheet'} lang="en-GB" aria-label={sheet.title}>
        <header className="aftercare-patient">
          <p className="aftercare-patient-name">{sheet.patient.name}</p>
          <p>Treatment date: {sheet.treatmentDate}</p>
          {sheet.patient.nhsNumber && <p>NHS number: {sheet.patient.nhsNumber}</p>}
        </header>
        {sheet.banner && (
          <p className="aftercare-banner" role="note">
            {sheet.banner}
          </p>
        )}
        <h1>{sheet.title}</h1>
        {sheet.sections.map((section) => (
          <section key={section.heading}>
            <h2>{section.heading}</h2>
            {section.paragraphs.map((text, i) => (
              <p key={i}>{text}</p>
            ))}
            {section.items.length > 0 && (
              <ul>
                {section.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </article>
    </div>
  );
}
