import type { SessionDocument } from '../../../../shared/domain/model';
import { SESSION_STATUS_CODES, SESSION_STATUS_LABELS, VKAS } from '../../../../shared/domain/valueSets';
import { RecordField } from '../../components/RecordField';
import { Rows } from '../../components/Rows';
import { fieldDomId } from '../../lib/findings';
import { gasTScore, limbRegionOf } from '../../../../shared/domain/derived';
import { Group, Section } from './Section';
import { SessionField } from './SessionField';
import { NerveBranchField } from './NerveBranchField';

const GAS_BASELINE = [
  { value: -2, label: '−2' },
  { value: -1, label: '−1' },
];
const GAS_LEVELS = [-2, -1, 0, 1, 2].map((v) => ({ value: v, label: v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0' }));
const WEIGHTS = [0, 1, 2, 3].map((v) => ({ value: v, label: String(v) }));
const statusChoices = (current: string) =>
  SESSION_STATUS_CODES.filter((c) => c !== 'entered-in-error' || current === c).map((c) => ({ value: c, label: SESSION_STATUS_LABELS[c] }));
const STATUS_NEEDS_REASON = ['stopped', 'not-done', 'entered-in-error'];

/** A field shown when it applies, or whenever it already holds a value (nothing recorded is ever hidden). */
const shows = (applies: boolean, value: unknown) => applies || (value !== null && value !== undefined);

export function BeforeSection({ doc }: { doc: SessionDocument }) {
  const s = doc.session;
  const onVka = VKAS.includes(s.anticoagulant ?? '');
  const anyInr = [s.inrValue, s.inrDate, s.inrSource, s.inrTargetLow, s.inrTargetHigh].some((v) => v !== null);
  const baselineT = gasTScore(doc.goals, 'baseline');
  const weighted = doc.goals.length > 0 && doc.goals.every((g) => g.importance !== null && g.difficulty !== null);
  const teamNames = doc.team.map((m) => m.name).filter((n): n is string => Boolean(n));

  return (
    <Section id="before" intro="Consent, anticoagulation, pain and goals, diagnostic blocks and the team, as checked before the first needle.">
      <TeamNames names={teamNames} />
      <Group title="Session">
        <SessionField field="location" hint="ward, clinic or room" />
        <SessionField field="odsCode" size="short" hint="e.g. RTH" />
        <SessionField field="setting" />
        <SessionField field="startedAt" />
        <SessionField field="endedAt" />
        {/* Entered-in-error has its own action (it keeps and locks the record), so it is not offered here. */}
        <SessionField field="status" choices={statusChoices(s.status)} variant="select" />
        {shows(STATUS_NEEDS_REASON.includes(s.status), s.statusReason) ? <SessionField field="statusReason" wide /> : null}
      </Group>

      <Group title="Consent">
        <SessionField field="consentType" wide />
        <SessionField field="consentDate" />
        <SessionField field="consentTaker" list="team-names" />
        <SessionField field="leafletGiven" />
        {shows(s.consentType === 'best-interests', s.capacityAssessed) ? <SessionField field="capacityAssessed" /> : null}
      </Group>
      <Group title="Consented sites" rows note="Each side and nerve on the consent form. A target on a side not listed here opens the wrong-site path.">
        <Rows
          entity="consentSite"
          parentId={s.id}
          rows={doc.consentSites}
          itemName="consented site"
          empty="No consented site yet."
          addDomId={fieldDomId('session', s.id, 'consentSites')}
          render={(c) => (
            <>
              <RecordField
                entity="consentSite"
                id={c.id}
                field="nerve"
                labelSuffix={`, consented site ${c.seq}`}
                // The region follows from the nerve: saved with it, shown, and still changeable.
                alsoSave={(nerve) => {
                  const region = limbRegionOf(nerve as string | null);
                  return c.region === null && region ? { region } : {};
                }}
              />
              <RecordField entity="consentSite" id={c.id} field="side" labelSuffix={`, consented site ${c.seq}`} />
              <RecordField entity="consentSite" id={c.id} field="region" labelSuffix={`, consented site ${c.seq}`} wide />
              <RecordField entity="consentSite" id={c.id} field="note" labelSuffix={`, consented site ${c.seq}`} hint="e.g. branches to brachialis and biceps" />
            </>
          )}
        />
      </Group>

      <Group title="Anticoagulation">
        <SessionField field="anticoagulant" />
        {shows(Boolean(s.anticoagulant) && s.anticoagulant !== 'none', s.anticoagulantAction) ? <SessionField field="anticoagulantAction" /> : null}
      </Group>
      {onVka || anyInr ? (
        <Group title="INR" note="Warfarin or another vitamin K antagonist: the INR value and the day it was measured.">
          <SessionField field="inrValue" hint="e.g. 2.6" />
          <SessionField field="inrDate" />
          <SessionField field="inrSource" wide />
          <SessionField field="inrTargetLow" hint="usually 2.0" />
          <SessionField field="inrTargetHigh" hint="usually 3.0" />
        </Group>
      ) : null}

      <Group title="Analgesia and baseline pain">
        <SessionField field="preAnalgesiaTaken" />
        {shows(s.preAnalgesiaTaken === true, s.preAnalgesiaNote) ? <SessionField field="preAnalgesiaNote" /> : null}
        <SessionField field="baselinePainNrs" hint="0 = no pain, 10 = worst" />
        <SessionField field="firstTreatment" />
      </Group>

      <Group
        title="Goals (GAS)"
        rows
        note={baselineT !== null ? `Baseline GAS T-score ${baselineT}${weighted ? ' (weight = importance × difficulty)' : ' (equal weights)'}.` : 'The baseline T-score shows once every goal has a baseline level.'}
      >
        <Rows
          entity="goal"
          parentId={s.id}
          rows={doc.goals}
          itemName="goal"
          empty="No goal yet."
          addDomId={fieldDomId('session', s.id, 'goals')}
          render={(g) => (
            <>
              <RecordField entity="goal" id={g.id} field="goalText" labelSuffix={` ${g.seq}`} wide size="long" />
              <RecordField entity="goal" id={g.id} field="baselineLevel" labelSuffix={`, goal ${g.seq}`} choices={GAS_BASELINE} />
              <RecordField entity="goal" id={g.id} field="importance" labelSuffix={`, goal ${g.seq}`} choices={WEIGHTS} />
              <RecordField entity="goal" id={g.id} field="difficulty" labelSuffix={`, goal ${g.seq}`} choices={WEIGHTS} />
              <RecordField entity="goal" id={g.id} field="followUpLevel" labelSuffix={`, goal ${g.seq}`} choices={GAS_LEVELS} variant="buttons" />
              <RecordField entity="goal" id={g.id} field="followUpDate" labelSuffix={`, goal ${g.seq}`} />
            </>
          )}
        />
      </Group>

      <Group title="Diagnostic blocks" rows note="The local-anaesthetic block that justified each target.">
        <Rows
          entity="diagnosticBlock"
          parentId={s.id}
          rows={doc.diagnosticBlocks}
          itemName="diagnostic block"
          empty="No diagnostic block recorded."
          addDomId={fieldDomId('session', s.id, 'diagnosticBlocks')}
          initial={() => copyBlockSettings(doc)}
          addNote={doc.diagnosticBlocks.length > 0 ? 'A new block starts with the previous one’s date, side, agent and guidance; nerve, volume, result and MAS start blank.' : undefined}
          render={(b) => (
            <>
              <NerveBranchField entity="diagnosticBlock" id={b.id} labelSuffix={`, block ${b.seq}`} allowNerveOnly />
              <RecordField entity="diagnosticBlock" id={b.id} field="side" labelSuffix={`, block ${b.seq}`} />
              <RecordField entity="diagnosticBlock" id={b.id} field="blockDate" labelSuffix={`, block ${b.seq}`} />
              <RecordField entity="diagnosticBlock" id={b.id} field="agent" labelSuffix={`, block ${b.seq}`} />
              <RecordField entity="diagnosticBlock" id={b.id} field="volumeMl" labelSuffix={`, block ${b.seq}`} />
              <RecordField entity="diagnosticBlock" id={b.id} field="guidanceUs" labelSuffix={`, block ${b.seq}`} />
              <RecordField entity="diagnosticBlock" id={b.id} field="guidanceStim" labelSuffix={`, block ${b.seq}`} />
              <RecordField entity="diagnosticBlock" id={b.id} field="result" labelSuffix={`, block ${b.seq}`} />
              <RecordField entity="diagnosticBlock" id={b.id} field="masPre" labelSuffix={`, block ${b.seq}`} variant="buttons" />
              <RecordField entity="diagnosticBlock" id={b.id} field="masPost" labelSuffix={`, block ${b.seq}`} variant="buttons" />
              <RecordField entity="diagnosticBlock" id={b.id} field="notes" labelSuffix={`, block ${b.seq}`} wide />
            </>
          )}
        />
      </Group>

      <Group title="Team" rows note="Operator and assistant at least (Prep-Stop-Block is a two-person step); registration numbers for the notes.">
        <Rows
          entity="teamMember"
          parentId={s.id}
          rows={doc.team}
          itemName="team member"
          empty="No team member yet."
          addDomId={fieldDomId('session', s.id, 'team')}
          render={(m) => (
            <>
              <RecordField entity="teamMember" id={m.id} field="role" labelSuffix={`, team member ${m.seq}`} wide />
              <RecordField entity="teamMember" id={m.id} field="name" labelSuffix={`, team member ${m.seq}`} />
              <RecordField entity="teamMember" id={m.id} field="profession" labelSuffix={`, team member ${m.seq}`} hint="e.g. consultant, physiotherapist" />
              <RecordField entity="teamMember" id={m.id} field="registrationBody" labelSuffix={`, team member ${m.seq}`} />
              <RecordField entity="teamMember" id={m.id} field="registrationNumber" labelSuffix={`, team member ${m.seq}`} size="short" />
            </>
          )}
        />
      </Group>
    </Section>
  );
}

/** A diagnostic block is often one of several done the same day the same way. */
function copyBlockSettings(doc: SessionDocument): Record<string, unknown> {
  const last = doc.diagnosticBlocks[doc.diagnosticBlocks.length - 1];
  if (!last) return {};
  const out: Record<string, unknown> = {};
  for (const k of ['blockDate', 'side', 'agent', 'guidanceUs', 'guidanceStim'] as const) if (last[k] !== null) out[k] = last[k];
  return out;
}

/** The team's names as suggestions wherever a person is named (sign-in by, stop moment…). */
export function TeamNames({ names }: { names: string[] }) {
  return (
    <datalist id="team-names">
      {names.map((n) => (
        <option key={n} value={n} />
      ))}
    </datalist>
  );
}
