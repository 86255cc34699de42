// Checks a set of exported files the way their receivers would: the PDF with poppler, the FHIR
// Bundle with both R4 validators, the HL7 message with an independent parser, the CSV with an
// RFC 4180 reader, the JSON against the session format. Used by the browser walkthroughs (S1
// and S2 entered through the UI) and the command-line tests; answers a list of problems.
import fs from 'node:fs';
import { Message } from 'node-hl7-client';
import { SessionDocument } from '../../shared/domain/model';
import { fhirProblems } from './fhirValidators';
import { pageTexts, pdfFonts } from './poppler';
import { parseCsvRecords } from './csvParse';

export interface ExportFiles {
  text: string;
  pdf: string;
  fhir: string;
  hl7v2: string;
  csv: string;
  json: string;
}

export interface Expected {
  nhsNumber: string;
  /** What the PDF must show: sides with nerves ("Left musculocutaneous nerve"), lots, temperatures. */
  pdfContains: string[];
  cycles: number;
  version: number;
}

interface BundleEntry {
  resource: { resourceType: string; identifier?: { system?: string; value?: string }[]; code?: { coding?: { code?: string }[] } };
}

export function exportProblems(files: ExportFiles, expected: Expected): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || problems.push(what));
  const spaced = `${expected.nhsNumber.slice(0, 3)} ${expected.nhsNumber.slice(3, 6)} ${expected.nhsNumber.slice(6)}`;

  const text = fs.readFileSync(files.text, 'utf8');
  check(text.startsWith('CRYONEUROLYSIS PROCEDURE NOTE\n'), 'text: does not start with the title (a DRAFT or other banner?)');
  check(text.includes(`NHS number: ${spaced}`), 'text: NHS number missing');
  check(!/[^\x20-\x7e\n\u00c0-\u024f]/.test(text), 'text: a character outside plain ASCII and Latin letters');

  const pdf = fs.readFileSync(files.pdf);
  const pages = pageTexts(pdf);
  pages.forEach((page, i) => {
    check(page.includes(spaced), `pdf: page ${i + 1} lacks the NHS number`);
    check(page.includes(`Page ${i + 1} of ${pages.length}`), `pdf: page ${i + 1} lacks "Page ${i + 1} of ${pages.length}"`);
  });
  const flat = pages.join(' ').replace(/\s+/g, ' ');
  for (const s of expected.pdfContains) check(flat.includes(s), `pdf: "${s}" not found by pdftotext`);
  for (const f of pdfFonts(pdf)) check(f.embedded, `pdf: font ${f.name} not embedded`);

  const bundle = JSON.parse(fs.readFileSync(files.fhir, 'utf8')) as { resourceType: string; entry?: BundleEntry[] };
  problems.push(...fhirProblems(bundle).map((p) => `fhir bundle: ${p}`));
  for (const e of bundle.entry ?? []) problems.push(...fhirProblems(e.resource).map((p) => `fhir ${e.resource.resourceType}: ${p}`));
  const patient = bundle.entry?.find((e) => e.resource.resourceType === 'Patient')?.resource;
  check(patient?.identifier?.some((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number' && i.value === expected.nhsNumber) ?? false, 'fhir: Patient lacks the NHS number');
  const cycleObservations = (bundle.entry ?? []).filter((e) => e.resource.resourceType === 'Observation' && JSON.stringify(e.resource.code).includes('freeze-cycle'));
  check(cycleObservations.length === expected.cycles, `fhir: ${cycleObservations.length} freeze-cycle Observations, expected ${expected.cycles}`);

  const msg = new Message({ text: fs.readFileSync(files.hl7v2, 'utf8') });
  check(msg.get('MSH.9').toRaw() === 'MDM^T02^MDM_T02', 'hl7: MSH-9 is not MDM^T02^MDM_T02');
  check(msg.get('PID.3.1').toString() === expected.nhsNumber, 'hl7: PID-3 is not the NHS number');
  check(msg.get('TXA.17').toString() === 'LA', 'hl7: TXA-17 is not LA (legally authenticated)');
  const [, pdfObx] = [...msg.get('OBX')];
  check(Buffer.from(pdfObx?.get('OBX.5.5').toString() ?? '', 'base64').equals(pdf), 'hl7: the PDF in OBX-5 differs from the PDF file of the same version');

  const rows = parseCsvRecords(fs.readFileSync(files.csv, 'utf8').replace(/^\uFEFF/, ''));
  check(rows.length === expected.cycles, `csv: ${rows.length} rows, expected one per freeze cycle (${expected.cycles})`);
  check(rows.every((r) => r.nhs_number === expected.nhsNumber), 'csv: a row without the NHS number');

  const parsed = SessionDocument.safeParse(JSON.parse(fs.readFileSync(files.json, 'utf8')));
  check(parsed.success, `json: not a valid session document (${parsed.success ? '' : parsed.error.issues[0]?.message})`);
  check(parsed.success && parsed.data.signoff?.version === expected.version, `json: signoff version is not ${expected.version}`);
  return problems;
}
