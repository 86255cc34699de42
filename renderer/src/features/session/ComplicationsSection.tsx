import type { SessionDocument } from '../../../../shared/domain/model';
import { useApp } from '../../state/context';
import { RecordField } from '../../components/RecordField';
import { Rows, useFocusRow } from '../../components/Rows';
import { fieldDomId } from '../../lib/findings';
import { Section } from './Section';
import { SessionField } from './SessionField';

/** Answered explicitly: "None" is a choice, never what a blank means. */
export function ComplicationsSection({ doc }: { doc: SessionDocument }) {
  const s = doc.session;
  const addRow = useApp((st) => st.addRow);
  const focusRow = useFocusRow('complication');
  const present = s.complicationsAnswer === 'present';

  // Answering "Yes" opens the first complication at once: its type is the next thing to record.
  async function onAnswered(answer: unknown) {
    if (answer === 'present' && doc.complications.length === 0) {
      const id = await addRow('complication', s.id);
      if (id) focusRow(id);
    }
  }

  return (
    <Section id="complications">
      <div className="form-grid">
        <SessionField field="complicationsAnswer" label="Any complication?" onSaved={(v) => void onAnswered(v)} wide />
      </div>
      {s.complicationsAnswer === 'none' && doc.complications.length > 0 ? (
        <p className="inline-warning" role="note">
          “None” is chosen but {doc.complications.length} complication{doc.complications.length === 1 ? ' is' : 's are'} listed below. Change the answer or remove the rows.
        </p>
      ) : null}
      {present || doc.complications.length > 0 ? (
        <Rows
          entity="complication"
          parentId={s.id}
          rows={doc.complications}
          itemName="complication"
          empty="No complication listed yet."
          addDomId={fieldDomId('session', s.id, 'complications')}
          render={(c) => {
            const f = { entity: 'complication' as const, id: c.id, labelSuffix: `, complication ${c.seq}` };
            return (
              <>
                <RecordField {...f} field="type" />
                <RecordField {...f} field="severity" />
                <RecordField {...f} field="onset" wide />
                <RecordField {...f} field="onsetAt" />
                <RecordField {...f} field="action" />
                {c.action && c.action !== 'none' ? <RecordField {...f} field="actionNote" /> : c.actionNote ? <RecordField {...f} field="actionNote" /> : null}
                <RecordField {...f} field="incidentRef" hint="local incident system / LFPSE" />
                <RecordField {...f} field="resolved" />
                {c.resolved || c.resolvedDate ? <RecordField {...f} field="resolvedDate" /> : null}
                <RecordField {...f} field="note" wide />
              </>
            );
          }}
        />
      ) : null}
    </Section>
  );
}
