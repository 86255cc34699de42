// The paste-ready text summary. It must survive any notes box, so it is plain text with
// short lines and ASCII punctuation: "->" for an arrow, "-" for minus and "deg C" for °C
// (a pasted "−" or "°" can turn into "?" in older systems). Names are kept exactly as
// recorded, accents included: a patient's name is never transliterated.
import type { SessionDocument } from './model';
import { formatNhsNumber } from './nhsNumber';
import { formatDate, formatDateTime } from './parse';
import type { ValidationReport } from './rules';
import { findBranch, findNerve, SIDE_LABELS } from './valueSets';

export interface SummaryMeta {
  appVersion: string;
  generatedAt: string;
  /** The signature state; absent or never signed means a draft. */
  signoff?: {
    signedAt: string | null;
    amending: boolean;
    versions: readonly { version: number; signedAt: string; signer: { name: string; role: string; registrationBody: string; registrationNumber: string }; reason: string | null }[];
  };
}

/** Signed and not reopened by an amendment: the text is the record, not a draft. */
function isSigned(meta: SummaryMeta): boolean {
  return Boolean(meta.signoff?.signedAt) && !meta.signoff?.amending;
}

const SOFT_WIDTH = 72;

/** Wraps a line at word boundaries so it stays readable in a narrow notes box. */
function wrap(line: string, indent: string): string[] {
  if (line.length <= SOFT_WIDTH) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length > SOFT_WIDTH && current !== '') {
      out.push(current);
      current = `${indent}${word}`;
    } else current = candidate;
  }
  if (current !== '') out.push(current);
  return out;
}

export function asciiTemperature(celsius: number): string {
  return `${celsius} deg C`;
}

function targetLine(t: SessionDocument['targets'][number]): string {
  const side = t.side ? SIDE_LABELS[t.side] : 'Side not recorded';
  const nerve = findNerve(t.nerve);
  const branch = findBranch(t.nerve, t.branch);
  const what = !nerve
    ? 'nerve not recorded'
    : !branch
      ? `${nerve.label.toLowerCase()} nerve`
      : branch.code === 'trunk'
        ? `${nerve.label.toLowerCase()} nerve trunk (mixed motor-sensory)`
        : `${nerve.label.toLowerCase()} nerve -> branch to ${branch.label}`;
  return `${t.seq}. ${side} ${what}`;
}

function cycleLine(c: SessionDocument['targets'][number]['cycles'][number]): string {
  const duration = c.durationS === null ? 'duration not recorded' : `${c.durationS} s`;
  const temp = c.tipTempC === null ? 'temperature not recorded' : `lowest probe temperature ${asciiTemperature(c.tipTempC)}`;
  return `   Freeze cycle ${c.seq}: ${duration}, ${temp}`;
}

export function buildTextSummary(doc: SessionDocument, report: ValidationReport, meta: SummaryMeta): string {
  const p = doc.patient;
  const lines: string[] = [];
  // A draft is never mistaken for the record, nor a record entered in error: the first line says so.
  if (doc.session.status === 'entered-in-error') {
    lines.push(...wrap(`ENTERED IN ERROR - NOT FOR CLINICAL USE - ${doc.session.statusReason ?? 'no reason recorded'}`, ''));
  } else if (!isSigned(meta)) {
    lines.push(meta.signoff?.amending ? 'DRAFT AMENDMENT - NOT SIGNED - THE SIGNED VERSION STANDS' : 'DRAFT - NOT SIGNED - NOT FOR THE CLINICAL RECORD');
  }
  lines.push('CRYONEUROLYSIS PROCEDURE NOTE');
  lines.push('');
  const name = [p.familyName?.toUpperCase() ?? '(family name missing)', p.givenName ?? '(given name missing)'].join(', ');
  lines.push(`Patient: ${name}`);
  lines.push(`DOB: ${p.dateOfBirth ? formatDate(p.dateOfBirth) : 'not recorded'}`);
  lines.push(`NHS number: ${p.nhsNumber ? formatNhsNumber(p.nhsNumber) : 'not recorded'}`);
  lines.push(`Session started: ${formatDateTime(doc.session.startedAt)}`);
  lines.push(`Session ID: ${doc.session.id}`);
  lines.push('');
  lines.push('PROCEDURE');
  lines.push('Ultrasound- and stimulator-guided percutaneous cryoneurolysis of');
  lines.push('peripheral nerve(s) for spasticity.');
  lines.push('');
  lines.push('TARGETS AND FREEZE CYCLES');
  if (doc.targets.length === 0) lines.push('No target recorded.');
  for (const t of doc.targets) {
    lines.push(...wrap(targetLine(t), '   '));
    if (t.cycles.length === 0) lines.push('   No freeze cycle recorded.');
    for (const c of t.cycles) lines.push(cycleLine(c));
  }
  if (report.errors.length > 0) {
    lines.push('');
    lines.push(`OUTSTANDING BEFORE SIGN-OFF (${report.errors.length})`);
    for (const e of report.errors) lines.push(...wrap(`- ${e.ruleId}: ${e.message}`, '  '));
  }
  lines.push('');
  const versions = meta.signoff?.versions ?? [];
  const latest = versions.at(-1);
  if (isSigned(meta) && latest) {
    const s = latest.signer;
    lines.push(...wrap(`Signed by ${s.name}, ${s.role} (${s.registrationBody.toUpperCase()} ${s.registrationNumber}), ${formatDateTime(latest.signedAt)}. Version ${latest.version}.`, ''));
  }
  const addenda = versions.filter((v) => v.reason);
  if (addenda.length > 0) {
    lines.push('');
    lines.push('ADDENDA');
    for (const v of addenda) lines.push(...wrap(`- Version ${v.version}, ${formatDateTime(v.signedAt)}, ${v.signer.name}: ${v.reason}`, '  '));
  }
  lines.push(...wrap(`Entered in CryoLog ${meta.appVersion}. Text generated ${formatDateTime(meta.generatedAt)}.${isSigned(meta) ? '' : ' Not signed.'}`, ''));
  return lines.map(toPlainPunctuation).join('\n') + '\n';
}

/** Rule messages are written for the screen; turn their arrows, dashes and degrees into ASCII. */
function toPlainPunctuation(line: string): string {
  return line
    .replace(/\u2192/g, '->')
    .replace(/ ?°C/g, ' deg C')
    .replace(/°/g, ' deg')
    .replace(/[\u2012-\u2015\u2212]/g, '-');
}
