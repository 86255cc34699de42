import type { SessionDocument } from '../../../../shared/domain/model';
import { RecordField } from '../../components/RecordField';
import { Rows } from '../../components/Rows';
import { fieldDomId } from '../../lib/findings';
import { Group, Section } from './Section';
import { SessionField } from './SessionField';

export function AftercareSection({ doc }: { doc: SessionDocument }) {
  const s = doc.session;
  return (
    <Section id="aftercare">
      <Group title="Advice and plans">
        <SessionField field="aftercareAdviceGiven" />
        <SessionField field="fallsAdvice" />
        <SessionField field="gpLetter" />
        <SessionField field="aftercareTopics" />
        <SessionField field="analgesiaPlan" />
        <SessionField field="therapyPlan" hint="physio, splint, casting, gait work" />
        <SessionField field="repeatTreatmentNote" />
      </Group>
      <Group title="Follow-up" rows note="Dates after today: type them, or +7d / +6w from the session day.">
        <Rows
          entity="followUp"
          parentId={s.id}
          rows={doc.followUps}
          itemName="follow-up"
          empty="No follow-up booked yet."
          addDomId={fieldDomId('session', s.id, 'followUps')}
          render={(r) => {
            const f = { entity: 'followUp' as const, id: r.id, labelSuffix: `, follow-up ${r.seq}` };
            return (
              <>
                <RecordField {...f} field="date" />
                <RecordField {...f} field="kind" wide />
                <RecordField {...f} field="withWhom" list="team-names" />
              </>
            );
          }}
        />
      </Group>
      <Group title="Notes">
        <SessionField field="notes" />
      </Group>
    </Section>
  );
}
