// The procedure note's content, built once from an ExportSource: the 13 headings of domain.md
// §7 filled from the whole record. The text export and the PDF draw this one structure.
// Optional details that were not recorded are left out; what a reader must know is missing
// (side, nerve, freeze time, a temperature the device could show, complications) says so.
import { ageAtSession, cyclesBySite, deviceForTarget, freezeSecondsOf, gasTScore, inrAgeDays, lidocaineMg, lidocaineSummary, sessionDateOf } from '../domain/derived';
import type { Cycle, Device, SessionDocument, TargetWithCycles } from '../domain/model';
import {
  ABORT_REASON_LABELS,
  AETIOLOGY_LABELS,
  AFFECTED_SIDE_LABELS,
  AFTERCARE_TOPIC_LABELS,
  ALLERGEN_LABELS,
  ANTICOAGULANT_ACTION_LABELS,
  ANTICOAGULANT_LABELS,
  APPROACH_LABELS,
  BLOCK_AGENT_LABELS,
  BLOCK_RESULT_LABELS,
  CLINICAL_PATTERN_LABELS,
  COLD_CONTRAINDICATION_LABELS,
  COMPLICATION_ACTION_LABELS,
  COMPLICATION_TYPE_LABELS,
  CONSENT_TYPE_LABELS,
  FOLLOW_UP_KIND_LABELS,
  IMPLANTED_DEVICE_LABELS,
  INR_SOURCE_LABELS,
  LA_AGENT_LABELS,
  LIMB_REGION_LABELS,
  MUSCLE_GROUP_LABELS,
  MUSCLES,
  NHS_ABSENT_REASON_LABELS,
  NHS_VERIFICATION_LABELS,
  ONSET_LABELS,
  PREGNANCY_LABELS,
  RESTIM_LABELS,
  SESSION_STATUS_LABELS,
  SETTING_LABELS,
  SEVERITY_LABELS,
  SEX_LABELS,
  SITE_MARKED_LABELS,
  STIM_VIA_LABELS,
  SYSTEM_TYPE_LABELS,
  TARDIEU_V_LABELS,
  TEAM_ROLE_LABELS,
  THAW_TYPE_LABELS,
  TOLERANCE_LABELS,
  VKAS,
  findNerve,
} from '../domain/valueSets';
import { NOTE_HEADINGS, type NoteBlock, type NoteField, type NoteHeading, type NoteSection, type NoteTable, type ProcedureNote } from './note';
import {
  describeTarget,
  EMPTY_CELL,
  formatChange,
  formatDate,
  formatDateTime,
  formatDegrees,
  formatInr,
  formatMasChange,
  formatNhsNumber,
  formatNrs,
  formatNumber,
  formatPatientName,
  formatRegistration,
  formatSeconds,
  formatSignedScore,
  formatTemperatureC,
  formatTimeOnDay,
  joinAnd,
  labelOf,
  nerveName,
  NOT_RECORDED,
  withSide,
} from './noteValues';
import { addenda, latestSignature, type ExportSource, type ExportVersion } from './source';

export const NOTE_TITLE = 'Cryoneurolysis procedure note';

export const BANNERS = {
  draft: 'DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD',
  draftAmendment: 'DRAFT AMENDMENT - NOT SIGNED - THE SIGNED VERSION STANDS',
  preliminary: 'PRELIMINARY - NOT SIGNED - FOR INTEGRATION TESTING ONLY',
  enteredInError: 'ENTERED IN ERROR - NOT FOR CLINICAL USE - ',
} as const;

/** The cycles table's columns (a PDF draws them; the text writes one line per cycle). */
export const CYCLE_COLUMNS = ['Site', 'Cycle', 'Freeze (s)', 'Thaw', 'Lowest temp', 'Ice ball', 'Outcome'];

export function buildProcedureNote(source: ExportSource): ProcedureNote {
  const { doc } = source;
  const p = doc.patient;
  const builders: Record<NoteHeading, (s: ExportSource) => NoteBlock[]> = {
    'Patient and session': patientAndSession,
    Team: team,
    'Indication and goals': indicationAndGoals,
    Consent: consent,
    'Pre-procedure checks': preProcedureChecks,
    'Safety checks': safetyChecks,
    'Local anaesthetic': localAnaesthetic,
    'Technique and freeze cycles': technique,
    Devices: devices,
    'Immediate outcome': immediateOutcome,
    Complications: complications,
    'Aftercare and follow-up': aftercare,
    'Signature and amendments': signature,
  };
  const sections: NoteSection[] = NOTE_HEADINGS.map((heading) => ({ heading, blocks: builders[heading](source) }));
  return {
    banner: bannerOf(source),
    title: NOTE_TITLE,
    patient: {
      name: formatPatientName(p.familyName, p.givenName),
      dateOfBirth: p.dateOfBirth ? formatDate(p.dateOfBirth) : NOT_RECORDED,
      nhsNumber: p.nhsNumber ? formatNhsNumber(p.nhsNumber) : NOT_RECORDED,
    },
    sections,
    closing: closingLines(source),
  };
}

export function bannerOf(source: ExportSource): string | null {
  switch (source.status) {
    case 'draft':
      return source.amendmentInProgress !== null ? BANNERS.draftAmendment : BANNERS.draft;
    case 'preliminary':
      return BANNERS.preliminary;
    case 'entered-in-error':
      return `${BANNERS.enteredInError}${enteredInErrorReason(source)}`;
    case 'final':
    case 'amended':
      return null;
  }
}

// ── Small builders ──────────────────────────────────────────────────────────────────────────

type Value = string | null | undefined;

/** A fields block of the entries that have a value (empty optional details are left out). */
function fields(...entries: [string, Value][]): NoteBlock[] {
  const kept: NoteField[] = entries.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '').map(([label, value]) => ({ label, value }));
  return kept.length > 0 ? [{ kind: 'fields', fields: kept }] : [];
}

const paragraph = (text: string): NoteBlock => ({ kind: 'paragraph', text });
const list = (items: string[]): NoteBlock => ({ kind: 'list', items });

/** A paragraph introducing a list, or the `none` sentence when the list is empty. */
function listWithIntro(intro: string, items: string[], none: string | null): NoteBlock[] {
  if (items.length === 0) return none === null ? [] : [paragraph(none)];
  return [paragraph(intro), list(items)];
}

/** "Passive" → "passive" inside a sentence; "ICD" stays. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

const bool = (value: boolean | null, yes = 'Yes', no = 'No'): Value => (value === null ? null : value ? yes : no);
const sessionDay = (source: ExportSource): string => sessionDateOf(source.doc);
const timeBy = (source: ExportSource, at: string | null, by: string | null): string =>
  [at ? formatTimeOnDay(at, sessionDay(source)) : null, by ? `by ${by}` : null].filter(Boolean).join(' ') || 'done';

/** "Target 1" as the technique section numbers it. */
const targetRef = (t: TargetWithCycles): string => `Target ${t.seq}`;

function signerLine(v: ExportVersion): string {
  const registration = formatRegistration(v.signer.registrationBody.toLowerCase(), v.signer.registrationNumber);
  return [v.signer.name, v.signer.role, registration].filter(Boolean).join(', ');
}

function enteredInErrorReason(source: ExportSource): string {
  return source.enteredInError?.reason || source.doc.session.statusReason || 'no reason recorded';
}

// ── 1. Patient and session ─────────────────────────────────────────────────────────────────

function patientAndSession(source: ExportSource): NoteBlock[] {
  const { patient: p, session: s } = source.doc;
  const day = sessionDay(source);
  const age = ageAtSession(p.dateOfBirth, day);
  const nhs = p.nhsNumber
    ? [formatNhsNumber(p.nhsNumber), labelOf(NHS_VERIFICATION_LABELS, p.nhsNumberVerified)?.toLowerCase()].filter(Boolean).join(', ')
    : `${NOT_RECORDED}${p.nhsNumberAbsentReason ? ` (${NHS_ABSENT_REASON_LABELS[p.nhsNumberAbsentReason].toLowerCase()})` : ''}`;
  const shownStatus = s.status === 'stopped' || s.status === 'not-done' || s.status === 'entered-in-error';
  return fields(
    ['Name', formatPatientName(p.familyName, p.givenName)],
    ['Date of birth', p.dateOfBirth ? `${formatDate(p.dateOfBirth)}${age !== null ? ` (${age} years)` : ''}` : NOT_RECORDED],
    ['NHS number', nhs],
    ['Hospital number', p.localMrn],
    ['Sex', labelOf(SEX_LABELS, p.sex)],
    ['Weight', p.weightKg !== null ? `${formatNumber(p.weightKg, 1)} kg` : null],
    ['Session', `${formatDateTime(s.startedAt)}${s.endedAt ? ` to ${formatTimeOnDay(s.endedAt, day)}` : ''}`],
    ['Status', shownStatus ? `${SESSION_STATUS_LABELS[s.status]}${s.statusReason ? `: ${s.statusReason}` : ''}` : null],
    ['Location', s.location ? `${s.location}${s.odsCode ? ` (ODS ${s.odsCode})` : ''}` : s.odsCode ? `ODS ${s.odsCode}` : null],
    ['Setting', labelOf(SETTING_LABELS, s.setting)],
    ['Session ID', s.id],
  );
}

// ── 2. Team ──────────────────────────────────────────────────────────────────────────────

function team(source: ExportSource): NoteBlock[] {
  const members = source.doc.team;
  const entries: [string, Value][] = members.map((m) => [
    labelOf(TEAM_ROLE_LABELS, m.role) ?? 'Team member',
    [m.name ?? `name ${NOT_RECORDED}`, m.profession, formatRegistration(m.registrationBody, m.registrationNumber)].filter(Boolean).join(', '),
  ]);
  if (!members.some((m) => m.role === 'operator')) entries.unshift(['Operator', NOT_RECORDED]);
  return fields(...entries);
}

// ── 3. Indication and goals ────────────────────────────────────────────────────────────────

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function indicationAndGoals(source: ExportSource): NoteBlock[] {
  const { doc } = source;
  const p = doc.patient;
  const patterns = distinct(doc.targets.map((t) => labelOf(CLINICAL_PATTERN_LABELS, t.clinicalPattern)));
  const intended = distinct(doc.targets.map((t) => t.intendedOutcome));
  const blocks = fields(
    ['Cause of spasticity', labelOf(AETIOLOGY_LABELS, p.aetiology)],
    ['Affected side', labelOf(AFFECTED_SIDE_LABELS, p.affectedSide)],
    ['Clinical pattern', patterns.join(', ')],
    ['Intended outcome', intended.join('; ')],
    ['Walks (ambulant)', bool(p.ambulant)],
    ['First cryoneurolysis treatment', bool(doc.session.firstTreatment)],
  );
  blocks.push(...goals(doc), ...diagnosticBlocks(doc));
  return blocks;
}

function goals(doc: SessionDocument): NoteBlock[] {
  const items = doc.goals.map((g) => {
    const details = [
      g.baselineLevel !== null ? `baseline ${formatSignedScore(g.baselineLevel)}` : `baseline ${NOT_RECORDED}`,
      g.followUpLevel !== null ? `follow-up ${formatSignedScore(g.followUpLevel)}` : null,
      g.importance !== null && g.difficulty !== null ? `importance ${g.importance}, difficulty ${g.difficulty}` : null,
      g.followUpDate ? `review ${formatDate(g.followUpDate)}` : null,
    ].filter(Boolean);
    return `${g.goalText || `goal ${NOT_RECORDED}`} (${details.join('; ')})`;
  });
  const baseline = gasTScore(doc.goals, 'baseline');
  const followUp = gasTScore(doc.goals, 'followUp');
  const scores = [baseline !== null ? `T-score at baseline ${baseline.toFixed(1)}` : null, followUp !== null ? `at follow-up ${followUp.toFixed(1)}` : null].filter(Boolean);
  return listWithIntro(`Goals (GAS)${scores.length > 0 ? `, ${scores.join(', ')}` : ''}:`, items, null);
}

function diagnosticBlocks(doc: SessionDocument): NoteBlock[] {
  const blocks = doc.diagnosticBlocks.map((b) => {
    const guidance = [b.guidanceUs ? 'ultrasound' : null, b.guidanceStim ? 'stimulation' : null].filter(Boolean).join(' + ');
    const given = [labelOf(BLOCK_AGENT_LABELS, b.agent), b.volumeMl !== null ? `${formatNumber(b.volumeMl)} mL` : null].filter(Boolean).join(' ');
    const result = [
      labelOf(BLOCK_RESULT_LABELS, b.result)?.toLowerCase(),
      b.masPre !== null || b.masPost !== null ? `MAS ${formatMasChange(b.masPre, b.masPost)}` : null,
    ].filter(Boolean);
    return {
      date: b.blockDate ? formatDate(b.blockDate) : '',
      how: [given, guidance ? `(${guidance} guided)` : null].filter(Boolean).join(' '),
      what: describeTarget(b.side, b.nerve, b.branch),
      result: result.join(', '),
      note: b.notes ?? '',
    };
  });
  // Blocks of one sitting share the date, the dose and often the note: say each once.
  const same = (key: 'date' | 'how' | 'note') => blocks.length > 1 && blocks.every((b) => b[key] === blocks[0]?.[key]);
  const [sameDate, sameHow, sameNote] = [same('date'), same('how'), same('note')];
  const items = blocks.map((b) => {
    const head = [sameDate ? null : b.date, b.what].filter(Boolean).join(', ');
    const detail = [sameHow ? null : b.how, b.result].filter(Boolean).join('; ');
    return `${head}${detail ? `: ${detail}` : ''}${!sameNote && b.note ? `. ${b.note}` : ''}`;
  });
  const first = blocks[0];
  const intro = ['Diagnostic nerve blocks', sameDate && first?.date ? `on ${first.date}` : null, sameHow && first?.how ? `, each ${lowerFirst(first.how)}` : null].filter(Boolean).join(' ').replace(' ,', ',');
  return [...listWithIntro(`${intro}:`, items, null), ...(sameNote && first?.note ? [paragraph(first.note)] : [])];
}

// ── 4. Consent ─────────────────────────────────────────────────────────────────────────────

function consent(source: ExportSource): NoteBlock[] {
  const s = source.doc.session;
  const sites = source.doc.consentSites.map((c) => {
    const where = [c.region ? withSide(c.side, LIMB_REGION_LABELS[c.region]) : withSide(c.side, 'Site'), nerveName(c.nerve)].filter(Boolean).join(', ');
    return `${where}${c.note ? `: ${c.note}` : ''}`;
  });
  return [
    ...fields(
      ['Consent', labelOf(CONSENT_TYPE_LABELS, s.consentType)?.replace(/\s*\(e\.g\.[^)]*\)/, '') ?? NOT_RECORDED],
      ['Date', s.consentDate ? formatDate(s.consentDate) : null],
      ['Taken by', s.consentTaker],
      ['Patient leaflet given', bool(s.leafletGiven)],
      ['Capacity assessed', bool(s.capacityAssessed)],
    ),
    ...listWithIntro('Consented sites:', sites, `Consented sites: ${NOT_RECORDED}.`),
  ];
}

// ── 5. Pre-procedure checks ────────────────────────────────────────────────────────────────

function allergies(doc: SessionDocument): string {
  const p = doc.patient;
  if (p.allergyStatus === 'nkda') return 'No known drug allergies';
  if (p.allergyStatus === 'has-allergies') {
    const listed = p.allergies.map((a) => {
      const what = a.allergen === 'other' || a.allergen === null ? a.detail || 'Other' : `${ALLERGEN_LABELS[a.allergen]}${a.detail ? ` (${a.detail})` : ''}`;
      return `${what}${a.reaction ? `: ${a.reaction}` : ''}`;
    });
    return listed.length > 0 ? listed.join('; ') : `has allergies, ${NOT_RECORDED} which`;
  }
  return `${NOT_RECORDED} (not asked)`;
}

function inr(source: ExportSource): Value {
  const s = source.doc.session;
  if (s.inrValue === null) return s.anticoagulant && VKAS.includes(s.anticoagulant) ? NOT_RECORDED : null;
  const age = inrAgeDays(s.inrDate, sessionDay(source));
  const when =
    s.inrDate === null ? null : `on ${formatDate(s.inrDate)}${age === null ? '' : age === 0 ? ' (same day)' : age > 0 ? ` (${age} day${age === 1 ? '' : 's'} before)` : ` (${-age} day${age === -1 ? '' : 's'} after the session)`}`;
  const target = s.inrTargetLow !== null && s.inrTargetHigh !== null ? `target ${formatInr(s.inrTargetLow)} to ${formatInr(s.inrTargetHigh)}` : null;
  return [[formatInr(s.inrValue), when].filter(Boolean).join(' '), labelOf(INR_SOURCE_LABELS, s.inrSource), target].filter(Boolean).join(', ');
}

function codesLine<C extends string>(labels: Record<C, string>, codes: readonly C[] | null, extra: string | null = null): Value {
  if (codes === null) return null;
  return [...codes.map((c) => labels[c]), extra].filter(Boolean).join(', ');
}

function preProcedureChecks(source: ExportSource): NoteBlock[] {
  const { patient: p, session: s } = source.doc;
  const anticoagulant = s.anticoagulant
    ? [ANTICOAGULANT_LABELS[s.anticoagulant], s.anticoagulantAction && s.anticoagulantAction !== 'not-applicable' ? ANTICOAGULANT_ACTION_LABELS[s.anticoagulantAction].toLowerCase() : null]
        .filter(Boolean)
        .join(', ')
    : NOT_RECORDED;
  return fields(
    ['Allergies', allergies(source.doc)],
    ['Anticoagulant', anticoagulant],
    ['INR', inr(source)],
    ['Cold-related contraindications', codesLine(COLD_CONTRAINDICATION_LABELS, p.coldContraindications)],
    ['Implanted electrical devices', codesLine(IMPLANTED_DEVICE_LABELS, p.implantedDevices, p.implantedDeviceNote)],
    ['Pregnancy', labelOf(PREGNANCY_LABELS, p.pregnancyStatus)],
    ['Analgesia before', s.preAnalgesiaTaken === null ? s.preAnalgesiaNote : s.preAnalgesiaTaken ? `Taken${s.preAnalgesiaNote ? `: ${s.preAnalgesiaNote}` : ''}` : 'None taken'],
    ['Baseline pain', s.baselinePainNrs !== null ? formatNrs(s.baselinePainNrs) : null],
  );
}

// ── 6. Safety checks ───────────────────────────────────────────────────────────────────────

function safetyChecks(source: ExportSource): NoteBlock[] {
  const s = source.doc.session;
  const checks: [string, boolean | null][] = [
    ['patient identity (two identifiers)', s.patientIdConfirmed],
    ['procedure and sites match the consent', s.proceduresMatchConsent],
    ['allergies', s.allergiesReconfirmed],
    ['anticoagulation', s.anticoagReconfirmed],
    ['equipment', s.equipmentChecked],
  ];
  const confirmed = checks.filter(([, v]) => v === true).map(([what]) => what);
  const notConfirmed = checks.filter(([, v]) => v === false).map(([what]) => what);
  const siteMarking =
    s.siteMarked === 'not-appropriate' ? `Not appropriate${s.siteMarkedReason ? `: ${s.siteMarkedReason}` : ''}` : (labelOf(SITE_MARKED_LABELS, s.siteMarked) ?? NOT_RECORDED);
  const step = (done: boolean | null, at: string | null, by: string | null): string =>
    done === false ? 'Not done' : done === null && !at ? NOT_RECORDED : timeBy(source, at, by);
  const stops = source.doc.targets.map((t) => {
    if (t.stopMomentDone === false) return `${targetRef(t)}: not done`;
    if (t.stopMomentDone === null && !t.stopMomentTime) return `${targetRef(t)}: ${NOT_RECORDED}`;
    const by = [t.stopMomentBy1, t.stopMomentBy2].filter((x): x is string => Boolean(x));
    return `${targetRef(t)}: ${timeBy(source, t.stopMomentTime, null)}${by.length > 0 ? `, confirmed by ${joinAnd(by)}` : ''}`;
  });
  return [
    ...fields(
      ['Sign-in', step(s.signInDone, s.signInTime, s.signInBy)],
      ['Confirmed', confirmed.length > 0 ? confirmed.join(', ') : null],
      ['NOT confirmed', notConfirmed.length > 0 ? notConfirmed.join(', ') : null],
      ['Site marking', siteMarking],
      ['Time-out', step(s.timeOutTime ? true : null, s.timeOutTime, s.timeOutBy)],
    ),
    ...listWithIntro('Stop moment before each needle:', stops, null),
    ...fields(['Sign-out', step(s.signOutDone, s.signOutTime, s.signOutBy)]),
  ];
}

// ── 7. Local anaesthetic ───────────────────────────────────────────────────────────────────

function localAnaesthetic(source: ExportSource): NoteBlock[] {
  const { doc } = source;
  const items = doc.targets.map((t) => {
    const agent = labelOf(LA_AGENT_LABELS, t.laAgent);
    if (!agent && t.laVolumeMl === null) return `${targetRef(t)}: none recorded`;
    const mg = t.laAgent === 'lidocaine' ? lidocaineMg(t.laVolumeMl, t.laConcPct) : null;
    const dose = [
      agent ?? 'Agent not recorded',
      t.laConcPct !== null ? `${formatNumber(t.laConcPct)}%` : null,
      t.laVolumeMl !== null ? `${formatNumber(t.laVolumeMl)} mL` : null,
      mg !== null ? `(${formatNumber(mg)} mg)` : null,
    ];
    return `${targetRef(t)}: ${dose.filter(Boolean).join(' ')}`;
  });
  const total = lidocaineSummary(doc);
  const blockDoses = total.doses.filter((d) => d.entity === 'diagnosticBlock').length;
  const totalLine =
    total.totalMg > 0
      ? `Total plain lidocaine this session: ${formatNumber(total.totalMg)} mg${total.mgPerKg !== null ? ` (${formatNumber(total.mgPerKg)} mg/kg at ${formatNumber(total.weightKg ?? 0, 1)} kg)` : ''}${blockDoses > 0 ? ', including the diagnostic block' : ''}.`
      : null;
  if (items.length === 0) return [paragraph('No local anaesthetic recorded (no target treated).')];
  return [list(items), ...(totalLine ? [paragraph(totalLine)] : [])];
}

// ── 8. Technique and freeze cycles ─────────────────────────────────────────────────────────

/** A console shows the probe temperature; a fixed-cycle handheld has no readout. */
function hasTemperatureReadout(device: Device | null): boolean | null {
  if (!device?.systemType) return null;
  return device.systemType === 'console';
}

function probeUsed(device: Device | null): string {
  if (!device) return NOT_RECORDED;
  const name = [device.model ?? device.manufacturer ?? 'device', hasTemperatureReadout(device) === false ? '(no temperature readout)' : null].filter(Boolean).join(' ');
  return `${name}, ${probeLot(device)}`;
}

function probeLot(device: Device): string {
  if (device.probeLot) return `probe lot ${device.probeLot}`;
  if (device.lotUnreadable) return `probe lot unreadable${device.lotUnreadableReason ? ` (${device.lotUnreadableReason})` : ''}`;
  return `probe lot ${NOT_RECORDED}`;
}

function ultrasound(t: TargetWithCycles): Value {
  if (t.usUsed === false) return 'Not used';
  const parts = [
    t.usNerveVisualised === null ? null : t.usNerveVisualised ? 'nerve seen' : 'nerve NOT seen',
    t.approach ? `${APPROACH_LABELS[t.approach].toLowerCase()} approach` : null,
    t.depthMm !== null ? `depth ${t.depthMm} mm` : null,
  ].filter(Boolean);
  const text = parts.join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : t.usUsed ? 'Used' : null;
}

function stimulation(t: TargetWithCycles): Value {
  if (t.stimUsed === false) return 'Not used';
  const parts = [
    t.stimThresholdMa !== null ? `threshold ${formatNumber(t.stimThresholdMa)} mA` : t.stimUsed ? `threshold ${NOT_RECORDED}` : null,
    t.stimPulseWidthMs !== null ? `${formatNumber(t.stimPulseWidthMs)} ms` : null,
    t.stimFrequencyHz !== null ? `${formatNumber(t.stimFrequencyHz, 1)} Hz` : null,
    t.stimVia ? `via ${STIM_VIA_LABELS[t.stimVia].toLowerCase()}` : null,
  ].filter(Boolean);
  const text = parts.join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : null;
}

function motorResponse(t: TargetWithCycles): Value {
  const muscle = MUSCLES.find((m) => m.code === t.muscleResponding)?.label ?? null;
  const response = t.motorResponseSeen === false ? 'None seen' : muscle ? `${muscle.charAt(0).toUpperCase()}${muscle.slice(1)}` : t.motorResponseSeen ? 'Seen' : null;
  const paraesthesia = t.paraesthesiaReported ? 'paraesthesia reported' : null;
  return [response, paraesthesia].filter(Boolean).join('; ') || null;
}

function freezePain(t: TargetWithCycles): Value {
  const scores = t.cycles.map((c) => c.painNrs).filter((n): n is number => n !== null);
  if (scores.length === 0) return null;
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  return low === high ? formatNrs(high) : `${low} to ${formatNrs(high)}`;
}

function cycleCount(t: TargetWithCycles): Value {
  if (t.cycles.length === 0) return null;
  const sites = cyclesBySite(t).size;
  return `${t.cycles.length} cycle${t.cycles.length === 1 ? '' : 's'} at ${sites} site${sites === 1 ? '' : 's'}`;
}

function temperatureCell(c: Cycle, device: Device | null): string {
  if (c.tipTempC !== null) return formatTemperatureC(c.tipTempC);
  return hasTemperatureReadout(device) === false ? 'no readout' : NOT_RECORDED;
}

function cyclesTable(t: TargetWithCycles, device: Device | null): NoteTable {
  const rows: string[][] = [];
  // Cycles are numbered within their site (site 2, cycle 1), as freeze-thaw-refreeze is counted.
  for (const [site, cycles] of cyclesBySite(t)) {
    cycles.forEach((c, i) => {
      const seconds = freezeSecondsOf(c, device);
      const thaw = [labelOf(THAW_TYPE_LABELS, c.thawType)?.toLowerCase(), c.thawS !== null ? formatSeconds(c.thawS) : null].filter(Boolean).join(' ');
      const iceBall = c.iceBallSeen === null ? (c.iceBallMm !== null ? `${formatNumber(c.iceBallMm, 1)} mm` : EMPTY_CELL) : c.iceBallSeen ? `seen${c.iceBallMm !== null ? `, ${formatNumber(c.iceBallMm, 1)} mm` : ''}` : 'not seen';
      const outcome =
        c.outcome === 'aborted'
          ? `aborted: ${c.abortReason ? ABORT_REASON_LABELS[c.abortReason].toLowerCase() : `reason ${NOT_RECORDED}`}${c.abortNote ? ` (${c.abortNote})` : ''}`
          : c.outcome === 'completed'
            ? 'completed'
            : EMPTY_CELL;
      rows.push([String(site), String(i + 1), seconds !== null ? formatNumber(seconds, 0) : NOT_RECORDED, thaw || EMPTY_CELL, temperatureCell(c, device), iceBall, outcome]);
    });
  }
  return { columns: [...CYCLE_COLUMNS], rows };
}

function technique(source: ExportSource): NoteBlock[] {
  const { doc } = source;
  const blocks: NoteBlock[] = doc.targets.map((t, i): NoteBlock => {
    const device = deviceForTarget(doc, t);
    const previous = i > 0 ? doc.targets[i - 1] : undefined;
    const position = t.patientPosition && previous?.patientPosition === t.patientPosition ? 'As above' : t.patientPosition;
    const [fieldBlock] = fields(
      ['Position', position],
      ['Ultrasound', ultrasound(t)],
      ['Stimulation', stimulation(t)],
      ['Muscle that responded', motorResponse(t)],
      ['Probe', probeUsed(device)],
      ['Freezing', cycleCount(t)],
      ['Pain during freezing', freezePain(t)],
      ['Re-stimulation after freezing', labelOf(RESTIM_LABELS, t.postFreezeRestim)],
      ['Wrong-site incident declared', t.wrongSiteDeclared ? `Yes${t.wrongSiteIncidentRef ? `, incident ${t.wrongSiteIncidentRef}` : ''}` : null],
    );
    return {
      kind: 'target',
      title: `${t.seq}. ${describeTarget(t.side, t.nerve, t.branch)}`,
      fields: fieldBlock?.kind === 'fields' ? fieldBlock.fields : [],
      cycles: cyclesTable(t, device),
    };
  });
  if (blocks.length === 0) blocks.push(paragraph(doc.session.status === 'not-done' ? 'No nerve treated: cancelled before the needle.' : 'No target recorded.'));
  if (doc.session.notes) blocks.push(paragraph(`Notes: ${doc.session.notes}`));
  return blocks;
}

// ── 9. Devices ─────────────────────────────────────────────────────────────────────────────

function devices(source: ExportSource): NoteBlock[] {
  const all = source.doc.devices;
  if (all.length === 0) return [paragraph(`Devices: ${NOT_RECORDED}.`)];
  return all.flatMap((d) => {
    const size = [d.probeGauge !== null ? `${d.probeGauge} G` : null, d.probeLengthMm !== null ? `${d.probeLengthMm} mm` : null].filter(Boolean).join(' × ');
    const readout = hasTemperatureReadout(d) === false ? `None (handheld, fixed cycle${d.plannedFreezeS !== null ? ` of ${formatSeconds(d.plannedFreezeS)}` : ''})` : null;
    return [
      ...(all.length > 1 ? [paragraph(`Device ${d.seq}`)] : []),
      ...fields(
        ['Device', [[d.manufacturer, d.model].filter(Boolean).join(' ') || NOT_RECORDED, d.systemType ? `(${SYSTEM_TYPE_LABELS[d.systemType].toLowerCase()})` : null].filter(Boolean).join(' ')],
        ['Serial / asset number', d.serialNumber],
        ['Probe GTIN', d.probeGtin],
        ['Probe lot', d.probeLot ?? (d.lotUnreadable ? `Unreadable${d.lotUnreadableReason ? `: ${d.lotUnreadableReason}` : ''}` : NOT_RECORDED)],
        ['Probe serial', d.probeSerial],
        ['Probe expiry', d.probeExpiry ? formatDate(d.probeExpiry) : null],
        ['Probe size', size],
        ['Temperature readout', readout],
        ['Planned freeze', hasTemperatureReadout(d) !== false && d.plannedFreezeS !== null ? formatSeconds(d.plannedFreezeS) : null],
        ['Gas lot', d.gasLot],
        ['Nerve stimulator', d.stimulatorModel],
        ['Local anaesthetic batch', d.laBatch ? `${d.laBatch}${d.laExpiry ? `, expiry ${formatDate(d.laExpiry)}` : ''}` : null],
      ),
    ];
  });
}

// ── 10. Immediate outcome ──────────────────────────────────────────────────────────────────

function tardieu(o: SessionDocument['outcomes'][number]): Value {
  const parts = [
    o.tardieuR1Pre !== null || o.tardieuR1Post !== null ? `R1 ${formatChange(o.tardieuR1Pre, o.tardieuR1Post, formatDegrees)}` : null,
    o.tardieuR2Pre !== null || o.tardieuR2Post !== null ? `R2 ${formatChange(o.tardieuR2Pre, o.tardieuR2Post, formatDegrees)}` : null,
    o.tardieuXPre !== null || o.tardieuXPost !== null ? `X ${formatChange(o.tardieuXPre, o.tardieuXPost)}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

function immediateOutcome(source: ExportSource): NoteBlock[] {
  const s = source.doc.session;
  const perGroup = source.doc.outcomes.flatMap((o) => {
    const velocity = o.tardieuV ? ` (${TARDIEU_V_LABELS[o.tardieuV]})` : '';
    return fields(
      ['Muscle group', o.muscleGroup ? withSide(o.side, MUSCLE_GROUP_LABELS[o.muscleGroup]) : withSide(o.side, `Muscle group ${NOT_RECORDED}`)],
      ['MAS', o.masPre !== null || o.masPost !== null ? formatMasChange(o.masPre, o.masPost) : null],
      [`Tardieu${velocity}`, tardieu(o)],
      ['Angle convention', o.angleConvention],
      ['Test position', o.testPosition],
      ['Passive ROM', o.promPre !== null || o.promPost !== null ? formatChange(o.promPre, o.promPost, formatDegrees) : null],
      ['Active ROM', o.aromPre !== null || o.aromPost !== null ? formatChange(o.aromPre, o.aromPost, formatDegrees) : null],
    );
  });
  const pain = s.baselinePainNrs !== null || s.painNrsPost !== null ? `${s.baselinePainNrs !== null ? formatNrs(s.baselinePainNrs) : NOT_RECORDED} before, ${s.painNrsPost !== null ? formatNrs(s.painNrsPost) : NOT_RECORDED} after` : null;
  const session = fields(['Pain (NRS)', pain], ['Tolerance', labelOf(TOLERANCE_LABELS, s.tolerance)], ['Functional observation', s.functionalObservation]);
  const blocks = [...perGroup, ...session];
  return blocks.length > 0 ? blocks : [paragraph(`Immediate outcome: ${NOT_RECORDED}.`)];
}

// ── 11. Complications ──────────────────────────────────────────────────────────────────────

function complications(source: ExportSource): NoteBlock[] {
  const { doc } = source;
  const items = doc.complications.map((c) => {
    const onset = [labelOf(ONSET_LABELS, c.onset)?.toLowerCase(), c.onsetAt ? `(${formatTimeOnDay(c.onsetAt, sessionDay(source))})` : null].filter(Boolean).join(' ');
    const action = c.action ? `action: ${COMPLICATION_ACTION_LABELS[c.action].toLowerCase()}${c.actionNote ? ` (${c.actionNote})` : ''}` : c.actionNote ? `action: ${c.actionNote}` : null;
    const resolved = c.resolved === null ? null : c.resolved ? `resolved${c.resolvedDate ? ` ${formatDate(c.resolvedDate)}` : ''}` : 'not resolved';
    const facts = [onset ? `onset ${onset}` : null, labelOf(SEVERITY_LABELS, c.severity)?.toLowerCase(), action, resolved, c.incidentRef ? `incident ${c.incidentRef}` : null].filter(Boolean);
    return `${labelOf(COMPLICATION_TYPE_LABELS, c.type) ?? `Type ${NOT_RECORDED}`}${facts.length > 0 ? `: ${facts.join('; ')}` : ''}${c.note ? `. ${c.note}` : ''}`;
  });
  // Stated explicitly every time: a blank must never read as "none".
  if (items.length > 0) return [list(items)];
  if (doc.session.complicationsAnswer === 'none') return [paragraph('None.')];
  if (doc.session.complicationsAnswer === 'present') return [paragraph(`Complications reported, details ${NOT_RECORDED}.`)];
  return [paragraph('Not answered.')];
}

// ── 12. Aftercare and follow-up ────────────────────────────────────────────────────────────

function followUpWhen(date: string, sessionDate: string): string {
  const days = Math.round((Date.parse(date) - Date.parse(sessionDate)) / 86_400_000);
  if (!Number.isFinite(days) || days <= 0) return formatDate(date);
  const after = days % 7 === 0 ? `${days / 7} week${days === 7 ? '' : 's'}` : `day ${days}`;
  return `${formatDate(date)} (${after})`;
}

function aftercare(source: ExportSource): NoteBlock[] {
  const s = source.doc.session;
  const topics = s.aftercareTopics ?? [];
  const advice = s.aftercareAdviceGiven === false ? 'No' : topics.length > 0 ? topics.map((t, i) => (i === 0 ? AFTERCARE_TOPIC_LABELS[t] : lowerFirst(AFTERCARE_TOPIC_LABELS[t]))).join('; ') : bool(s.aftercareAdviceGiven);
  // Falls advice is said once (it is also a topic), and "not given" only where falls matter: a lower-limb target.
  const lowerLimb = source.doc.targets.some((t) => findNerve(t.nerve)?.region === 'lower');
  const falls = s.fallsAdvice === true ? (topics.includes('falls') ? null : 'Given') : s.fallsAdvice === false && lowerLimb ? 'Not given' : null;
  const day = sessionDay(source);
  const appointments = [...source.doc.followUps]
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    .map((f) => {
      const what = [labelOf(FOLLOW_UP_KIND_LABELS, f.kind) ?? 'Review', f.withWhom ? `with ${f.withWhom}` : null].filter(Boolean).join(' ');
      return `${f.date ? followUpWhen(f.date, day) : `Date ${NOT_RECORDED}`}: ${what}`;
    });
  return [
    ...fields(
      ['Aftercare advice given', advice],
      ['Falls advice', falls],
      ['Analgesia plan', s.analgesiaPlan],
      ['Therapy plan', s.therapyPlan],
      ['GP letter', bool(s.gpLetter)],
      ['Repeat treatment', s.repeatTreatmentNote],
    ),
    ...listWithIntro('Follow-up:', appointments, 'Follow-up: none booked.'),
  ];
}

// ── 13. Signature and amendments ───────────────────────────────────────────────────────────

function signature(source: ExportSource): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const latest = latestSignature(source);
  const amendments = addenda(source).map((v) => `Version ${v.version}, ${formatDateTime(v.signedAt)}, ${v.signer.name}: ${v.reason ?? `reason ${NOT_RECORDED}`}`);
  if (source.status === 'draft' || source.status === 'preliminary') {
    blocks.push(paragraph(source.status === 'preliminary' ? 'Not signed: a preliminary export for integration testing.' : source.amendmentInProgress !== null ? 'Not signed: an amendment in progress (draft).' : 'Not signed (draft).'));
    if (source.amendmentInProgress !== null) blocks.push(...fields(['Amendment in progress', source.amendmentInProgress]));
    if (latest) blocks.push(...fields(['Signed version that stands', `Version ${latest.version}, signed by ${signerLine(latest)} on ${formatDateTime(latest.signedAt)}`]));
  } else if (latest) {
    const first = source.versions[0];
    blocks.push(
      ...fields(
        ['Signed by', signerLine(latest)],
        ['Signed on', formatDateTime(latest.signedAt)],
        ['Record version', String(source.version ?? latest.version)],
        ['First signed', first && first !== latest ? `${formatDateTime(first.signedAt)} by ${first.signer.name}` : null],
      ),
    );
  } else {
    blocks.push(paragraph(`Signature: ${NOT_RECORDED}.`));
  }
  // "Amendments: none" is the closing's line; the reasons are listed here.
  blocks.push(...listWithIntro(source.status === 'draft' || source.status === 'preliminary' ? 'Earlier amendments:' : 'Amendments:', amendments, null));
  if (source.status === 'entered-in-error') {
    const e = source.enteredInError;
    blocks.push(...fields(['Entered in error', e ? `${formatDateTime(e.at)} by ${e.by}` : 'Yes'], ['Reason', enteredInErrorReason(source)]));
  }
  if (source.status === 'draft' && source.hardErrors.length > 0) {
    blocks.push(...listWithIntro(`Outstanding before sign-off (${source.hardErrors.length}):`, source.hardErrors.map((e) => `${e.ruleId}: ${e.message}`), null));
  }
  return blocks;
}

function closingLines(source: ExportSource): string[] {
  const latest = latestSignature(source);
  const lines = [`Entered in CryoLog ${source.appVersion}${source.version !== null ? `, record version ${source.version}` : ''}`];
  if (source.status === 'draft') lines.push('Not signed: DRAFT');
  else if (source.status === 'preliminary') lines.push('Not signed: PRELIMINARY');
  else if (latest) {
    const registration = formatRegistration(latest.signer.registrationBody.toLowerCase(), latest.signer.registrationNumber);
    lines.push(`Signed by ${latest.signer.name}${registration ? ` (${registration})` : ''} on ${formatDateTime(latest.signedAt)}`);
    const amended = addenda(source);
    lines.push(amended.length > 0 ? `Amendments: ${amended.map((v) => `version ${v.version} on ${formatDateTime(v.signedAt)}`).join('; ')}` : 'Amendments: none');
  }
  if (source.status === 'entered-in-error' && source.enteredInError) lines.push(`Entered in error on ${formatDateTime(source.enteredInError.at)} by ${source.enteredInError.by}`);
  // A signed version's export is a pure function of what was signed: the same bytes from the
  // app and the command line, today or in ten years, so a receiver can match it by checksum.
  // Only a draft or preliminary copy says when it was printed.
  if (source.version === null) lines.push(`Generated ${formatDateTime(source.generatedAt)}`);
  return lines;
}
