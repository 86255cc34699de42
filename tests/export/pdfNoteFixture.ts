// ProcedureNote values for the PDF tests, mapped simply and honestly from an ExportSource
// (S1 by default). The real builder (buildProcedureNote) is written separately; the PDF tests
// only need a valid note that uses every block kind, so any builder's output can replace this.
import { formatDate, formatDateTime } from '../../shared/domain/parse';
import { formatNhsNumber } from '../../shared/domain/nhsNumber';
import {
  ANTICOAGULANT_LABELS,
  CONSENT_TYPE_LABELS,
  MUSCLE_GROUP_LABELS,
  REGISTRATION_BODY_LABELS,
  SIDE_LABELS,
  SYSTEM_TYPE_LABELS,
  TEAM_ROLE_LABELS,
  THAW_TYPE_LABELS,
  CYCLE_OUTCOME_LABELS,
  COMPLICATION_TYPE_LABELS,
  FOLLOW_UP_KIND_LABELS,
  findBranch,
  findNerve,
} from '../../shared/domain/valueSets';
import type { TargetWithCycles } from '../../shared/domain/model';
import type { NoteBlock, NoteField, NoteSection, ProcedureNote } from '../../shared/export/note';
import { addenda, latestSignature, type ExportSource } from '../../shared/export/source';

const yesNo = (v: boolean | null) => (v === null ? 'Not recorded' : v ? 'Yes' : 'No');
const orDash = (v: string | number | null | undefined, unit = '') => (v === null || v === undefined || v === '' ? '—' : `${v}${unit}`);
/** Negative numbers with the real minus sign, as the note model asks. */
const signed = (n: number) => (n < 0 ? `−${Math.abs(n)}` : `${n}`);

function targetTitle(t: TargetWithCycles, n: number): string {
  const side = t.side ? SIDE_LABELS[t.side] : 'Side not recorded';
  const nerve = findNerve(t.nerve)?.label.toLowerCase() ?? 'nerve not chosen';
  const branch = findBranch(t.nerve, t.branch);
  const tail = branch ? (branch.code === 'trunk' ? ' trunk' : ` → branch to ${branch.label}`) : '';
  return `${n}. ${side} ${nerve} nerve${tail}`;
}

function targetBlock(t: TargetWithCycles, n: number): NoteBlock {
  const fields: NoteField[] = [
    { label: 'Position', value: orDash(t.patientPosition) },
    { label: 'Guidance', value: `Ultrasound ${t.usUsed ? 'used' : 'not used'}; nerve stimulation ${t.stimUsed ? `at ${orDash(t.stimThresholdMa)} mA` : 'not used'}` },
    { label: 'Depth', value: orDash(t.depthMm, ' mm') },
    { label: 'Skin local anaesthetic', value: t.laAgent ? `Lidocaine ${orDash(t.laConcPct)}%, ${orDash(t.laVolumeMl)} mL` : 'None' },
    { label: 'Intended outcome', value: orDash(t.intendedOutcome) },
  ];
  const rows = t.cycles.map((c) => [
    String(c.siteNo ?? '—'),
    String(c.seq),
    orDash(c.durationS, ' s'),
    `${c.thawType ? THAW_TYPE_LABELS[c.thawType] : '—'}${c.thawS !== null ? ` ${c.thawS} s` : ''}`,
    c.tipTempC === null ? 'No readout' : `${signed(c.tipTempC)} °C`,
    c.iceBallSeen ? 'Seen' : 'Not seen',
    c.outcome ? CYCLE_OUTCOME_LABELS[c.outcome] : '—',
  ]);
  return { kind: 'target', title: targetTitle(t, n), fields, cycles: { columns: ['Site', 'Cycle', 'Freeze', 'Thaw', 'Lowest temp', 'Ice ball', 'Outcome'], rows } };
}

function banner(source: ExportSource): string | null {
  switch (source.status) {
    case 'draft':
    case 'preliminary':
      return 'DRAFT: not signed, not the record';
    case 'entered-in-error':
      return 'ENTERED IN ERROR: do not act on this record';
    default:
      return null;
  }
}

export function noteFromSource(source: ExportSource): ProcedureNote {
  const { doc } = source;
  const s = doc.session;
  const p = doc.patient;
  const signature = latestSignature(source);
  const sections: NoteSection[] = [
    {
      heading: 'Patient and session',
      blocks: [
        {
          kind: 'fields',
          fields: [
            { label: 'Date and time', value: `${formatDateTime(s.startedAt)} to ${formatDateTime(s.endedAt)}` },
            { label: 'Location', value: orDash(s.location) },
            { label: 'Local hospital number', value: orDash(p.localMrn) },
          ],
        },
      ],
    },
    {
      heading: 'Team',
      blocks: [{ kind: 'list', items: doc.team.map((m) => `${m.role ? TEAM_ROLE_LABELS[m.role] : 'Member'}: ${m.name} (${m.profession}, ${m.registrationBody ? REGISTRATION_BODY_LABELS[m.registrationBody] : ''} ${m.registrationNumber})`) }],
    },
    { heading: 'Indication and goals', blocks: [{ kind: 'list', items: doc.goals.map((g) => orDash(g.goalText)) }] },
    {
      heading: 'Consent',
      blocks: [{ kind: 'fields', fields: [{ label: 'Type', value: s.consentType ? CONSENT_TYPE_LABELS[s.consentType] : '—' }, { label: 'Taken by', value: `${orDash(s.consentTaker)} on ${formatDate(s.consentDate)}` }] }],
    },
    {
      heading: 'Pre-procedure checks',
      blocks: [{ kind: 'fields', fields: [{ label: 'Anticoagulant', value: s.anticoagulant ? ANTICOAGULANT_LABELS[s.anticoagulant] : '—' }, { label: 'INR', value: s.inrValue === null ? 'Not applicable' : `${s.inrValue} on ${formatDate(s.inrDate)}` }] }],
    },
    {
      heading: 'Safety checks',
      blocks: [{ kind: 'fields', fields: [{ label: 'Sign-in', value: `${yesNo(s.signInDone)} at ${formatDateTime(s.signInTime)} by ${orDash(s.signInBy)}` }, { label: 'Time-out', value: `${formatDateTime(s.timeOutTime)} by ${orDash(s.timeOutBy)}` }] }],
    },
    { heading: 'Local anaesthetic', blocks: [{ kind: 'paragraph', text: 'Skin local anaesthetic at each entry site; see each target.' }] },
    { heading: 'Technique and freeze cycles', blocks: doc.targets.map((t, i) => targetBlock(t, i + 1)) },
    {
      heading: 'Devices',
      blocks: doc.devices.map((d) => ({
        kind: 'fields' as const,
        fields: [
          { label: 'System', value: `${d.systemType ? SYSTEM_TYPE_LABELS[d.systemType] : '—'}: ${orDash(d.manufacturer)} ${orDash(d.model)}` },
          { label: 'Probe lot', value: orDash(d.probeLot) },
          { label: 'Probe expiry', value: formatDate(d.probeExpiry) },
        ],
      })),
    },
    {
      heading: 'Immediate outcome',
      blocks: [
        { kind: 'list', items: doc.outcomes.map((o) => `${o.side ? SIDE_LABELS[o.side] : ''} ${o.muscleGroup ? MUSCLE_GROUP_LABELS[o.muscleGroup].toLowerCase() : ''}: MAS ${orDash(o.masPre)} → ${orDash(o.masPost)}`) },
        { kind: 'paragraph', text: orDash(s.functionalObservation) },
      ],
    },
    {
      heading: 'Complications',
      blocks: [doc.complications.length === 0 ? { kind: 'paragraph', text: 'None.' } : { kind: 'list', items: doc.complications.map((c) => (c.type ? COMPLICATION_TYPE_LABELS[c.type] : 'Other')) }],
    },
    {
      heading: 'Aftercare and follow-up',
      blocks: [
        { kind: 'fields', fields: [{ label: 'Analgesia plan', value: orDash(s.analgesiaPlan) }, { label: 'Therapy plan', value: orDash(s.therapyPlan) }] },
        { kind: 'list', items: doc.followUps.map((f) => `${formatDate(f.date)}: ${f.kind ? FOLLOW_UP_KIND_LABELS[f.kind] : ''} with ${orDash(f.withWhom)}`) },
      ],
    },
    {
      heading: 'Signature and amendments',
      blocks: [
        { kind: 'fields', fields: signature ? [{ label: 'Signed by', value: `${signature.signer.name}, ${signature.signer.role}` }, { label: 'Signed at', value: formatDateTime(signature.signedAt) }] : [{ label: 'Signed by', value: 'Not signed' }] },
        ...addenda(source).map((a): NoteBlock => ({ kind: 'paragraph', text: `Amendment (version ${a.version}, ${formatDateTime(a.signedAt)}): ${a.reason ?? ''}` })),
      ],
    },
  ];
  return {
    banner: banner(source),
    title: 'Cryoneurolysis procedure note',
    patient: { name: `${p.familyName?.toUpperCase() ?? ''}, ${p.givenName ?? ''}`, dateOfBirth: formatDate(p.dateOfBirth), nhsNumber: formatNhsNumber(p.nhsNumber) },
    sections,
    closing: [`Entered in CryoLog ${source.appVersion} (record version ${source.version ?? 'draft'}).`],
  };
}
