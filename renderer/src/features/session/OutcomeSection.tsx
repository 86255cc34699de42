import type { SessionDocument } from '../../../../shared/domain/model';
import { RecordField } from '../../components/RecordField';
import { Rows } from '../../components/Rows';
import { fieldDomId } from '../../lib/findings';
import { Group, Section } from './Section';
import { SessionField } from './SessionField';

const CONVENTIONS = [
  'Elbow 0° = full extension, flexion +',
  'Ankle 0° = neutral, dorsiflexion +',
  'Knee 0° = full extension, flexion +',
  'Wrist 0° = neutral, extension +',
  'Hip 0° = neutral, abduction +',
  'Shoulder 0° = arm at side, external rotation +',
];

export function OutcomeSection({ doc }: { doc: SessionDocument }) {
  const s = doc.session;
  return (
    <Section id="outcome" intro="Before and after, per muscle group: MAS, Tardieu and range of movement.">
      <datalist id="angle-conventions">
        {CONVENTIONS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Rows
        entity="outcome"
        parentId={s.id}
        rows={doc.outcomes}
        itemName="muscle group"
        empty="No muscle group assessed yet."
        addDomId={fieldDomId('session', s.id, 'outcomes')}
        render={(o) => {
          const sfx = `, muscle group ${o.seq}`;
          const f = { entity: 'outcome' as const, id: o.id, labelSuffix: sfx };
          return (
            <>
              <RecordField {...f} field="muscleGroup" />
              <RecordField {...f} field="side" />
              <div className="subgrid field-wide" role="group" aria-label={`Modified Ashworth${sfx}`}>
                <RecordField {...f} field="masPre" variant="buttons" />
                <RecordField {...f} field="masPost" variant="buttons" />
              </div>
              <div className="subgrid field-wide" role="group" aria-label={`Modified Tardieu${sfx}`}>
                <RecordField {...f} field="angleConvention" list="angle-conventions" hint="what 0° means and which way is +" wide />
                <RecordField {...f} field="testPosition" hint="e.g. knee extended" />
                <RecordField {...f} field="tardieuV" />
                <RecordField {...f} field="tardieuR1Pre" />
                <RecordField {...f} field="tardieuR1Post" />
                <RecordField {...f} field="tardieuR2Pre" />
                <RecordField {...f} field="tardieuR2Post" />
                <RecordField {...f} field="tardieuXPre" variant="buttons" />
                <RecordField {...f} field="tardieuXPost" variant="buttons" />
              </div>
              <div className="subgrid field-wide" role="group" aria-label={`Range of movement${sfx}`}>
                <RecordField {...f} field="promPre" />
                <RecordField {...f} field="promPost" />
                <RecordField {...f} field="aromPre" />
                <RecordField {...f} field="aromPost" />
              </div>
            </>
          );
        }}
      />
      <Group title="Session">
        <SessionField field="painNrsPost" hint="0 = no pain, 10 = worst" />
        <SessionField field="tolerance" />
        <SessionField field="functionalObservation" hint="e.g. can open the hand to grasp a cup" />
      </Group>
    </Section>
  );
}
