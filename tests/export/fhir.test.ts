// The FHIR R4 export as the receiving hospital's integration team sees it: a transaction
// Bundle both R4 validators accept (as a whole and resource by resource), whose references all
// resolve inside it, whose requests make a re-send or version 2 update rather than duplicate,
// and which carries the clinical facts of S1 and S2 where an engineer would look for them.
import { describe, expect, it } from 'vitest';
import { buildFhirBundle } from '../../shared/export/fhir/bundle';
import { utf8ToBase64 } from '../../shared/export/fhir/bytes';
import { uuidV5 } from '../../shared/export/fhir/ids';
import type { BundleEntry, FhirBundle, FhirResource, Observation } from '../../shared/export/fhir/types';
import type { ExportSource } from '../../shared/export/source';
import { amendedSource, AMENDMENT_V2, fixtureSource, HOSTILE_TEXT, hostileSource, SIGNER_V1 } from '../helpers/exportSource';
import { fhirProblems } from './fhirValidators';

// A few PDF-like bytes, including ones that are not valid UTF-8 (a PDF is binary).
const PDF_BYTES = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0xe2, 0x82]);
const ATTACHMENTS = { pdfBase64: PDF_BYTES.toString('base64'), text: 'Patient: Zoë Ashcombe\nLowest temperature −71 °C → done\n' };

const preliminarySource = (): ExportSource => fixtureSource('S1', { status: 'preliminary', version: null, versions: [] });
const enteredInErrorSource = (): ExportSource =>
  fixtureSource('S1', { status: 'entered-in-error', enteredInError: { at: '2026-03-12T09:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Recorded against the wrong patient' } });

const SOURCES: [string, () => ExportSource][] = [
  ['S1 (final)', () => fixtureSource('S1')],
  ['S2 (final)', () => fixtureSource('S2')],
  ['S1 amended (version 2)', () => amendedSource('S1')],
  ['S1 with hostile names and notes', hostileSource],
  ['S1 preliminary', preliminarySource],
  ['S1 entered in error', enteredInErrorSource],
];

const build = (source: ExportSource) => buildFhirBundle(source, ATTACHMENTS);
const resources = <T extends FhirResource['resourceType']>(b: FhirBundle, type: T) =>
  b.entry.map((e) => e.resource).filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);
const entryOf = (b: FhirBundle, r: FhirResource): BundleEntry => b.entry.find((e) => e.resource === r)!;
const localCode = (o: Observation) => o.code.coding?.find((c) => c.system?.endsWith('/cryo-observation'))?.code;
const componentValue = (o: Observation, code: string) => o.component?.find((c) => c.code.coding?.some((x) => x.code === code));

/** Every "reference" string anywhere in a resource. */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') found.push(v);
      else referencesIn(v, found);
    }
  }
  return found;
}

describe('FHIR export passes both R4 validators', () => {
  it.each(SOURCES)('%s: the bundle and every resource in it, with no error and no warning', (_name, make) => {
    const bundle = build(make());
    expect(fhirProblems(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect({ resource: entry.fullUrl, problems: fhirProblems(entry.resource) }).toEqual({ resource: entry.fullUrl, problems: [] });
  });

  it.each(SOURCES)('%s: every reference is one of the bundle entries (nothing dangles)', (_name, make) => {
    const bundle = build(make());
    const fullUrls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    const refs = referencesIn(bundle.entry.map((e) => e.resource));
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !fullUrls.includes(r))).toEqual([]);
  });

  it('rejects a bundle with an injected mistake (the checks can fail)', () => {
    const mistakes: [string, (b: FhirBundle) => void][] = [
      ['a temperature written as text', (b) => (componentValue(resources(b, 'Observation').find((o) => componentValue(o, 'lowest-probe-temperature'))!, 'lowest-probe-temperature')!.valueQuantity!.value = '-71' as unknown as number)],
      ['an unknown property', (b) => Object.assign(resources(b, 'Procedure')[0]!, { laterality: 'left' })],
      ['a date-time without seconds', (b) => (resources(b, 'Procedure')[0]!.performedPeriod!.start = '2026-03-10T09:10+00:00')],
      ['an empty string', (b) => (resources(b, 'Patient')[0]!.name![0]!.family = '')],
      ['a status R4 does not have', (b) => Object.assign(resources(b, 'Procedure')[0]!, { status: 'preliminary' })],
    ];
    for (const [what, inject] of mistakes) {
      const bundle = structuredClone(build(fixtureSource('S1')));
      inject(bundle);
      expect({ what, rejected: fhirProblems(bundle).length > 0 }).toEqual({ what, rejected: true });
    }
  });
});

describe('S1: upper limb, console device', () => {
  const bundle = build(fixtureSource('S1'));

  it('has one session Procedure and a child Procedure per target, each with its side and nerve', () => {
    const procedures = resources(bundle, 'Procedure');
    const parent = procedures.filter((p) => !p.partOf);
    expect(parent).toHaveLength(1);
    const parentUrl = entryOf(bundle, parent[0]!).fullUrl;
    const children = procedures.filter((p) => p.partOf?.[0]?.reference === parentUrl);
    expect(children).toHaveLength(3);
    expect(children.map((c) => c.bodySite?.[0]?.text)).toEqual(['Left musculocutaneous → brachialis', 'Left musculocutaneous → biceps brachii', 'Left radial → brachioradialis']);
    expect(parent[0]!.code?.coding?.[0]?.code).toBe('26782000');
    expect(parent[0]!.reasonCode?.[0]?.coding?.[0]?.code).toBe('221360009');
    // Laterality as SNOMED Left on each target's BodyStructure.
    const bodyStructures = resources(bundle, 'BodyStructure');
    expect(bodyStructures.map((s) => s.locationQualifier?.[0]?.coding?.[0]?.code)).toEqual(['7771000', '7771000', '7771000']);
    for (const child of children) expect(bodyStructures.map((s) => entryOf(bundle, s).fullUrl)).toContain(child.extension?.[0]?.valueReference?.reference);
  });

  it('has the 9 freeze cycles, each with its freeze time in s and lowest temperature in Cel', () => {
    const cycles = resources(bundle, 'Observation').filter((o) => localCode(o) === 'freeze-cycle');
    expect(cycles).toHaveLength(9);
    for (const c of cycles) {
      expect(componentValue(c, 'freeze-duration')?.valueQuantity).toMatchObject({ value: 90, code: 's', system: 'http://unitsofmeasure.org' });
      expect(componentValue(c, 'lowest-probe-temperature')?.valueQuantity).toMatchObject({ code: 'Cel', system: 'http://unitsofmeasure.org' });
    }
    expect(cycles.map((c) => componentValue(c, 'lowest-probe-temperature')?.valueQuantity?.value)).toEqual([-71, -72, -69, -70, -68, -70, -72, -73, -71]);
    // Site 2 of the first target starts again at cycle 1.
    expect(cycles.slice(0, 4).map((c) => [componentValue(c, 'lesion-site-number')?.valueInteger, componentValue(c, 'cycle-number')?.valueInteger])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
  });

  it('names the probe lot and expiry on a Device every target used (usedReference)', () => {
    const probe = resources(bundle, 'Device').find((d) => d.lotNumber === 'PRB-24-1187');
    expect(probe).toMatchObject({ expirationDate: '2026-09-30', udiCarrier: [{ deviceIdentifier: '05099999000011' }] });
    const probeUrl = entryOf(bundle, probe!).fullUrl;
    const children = resources(bundle, 'Procedure').filter((p) => p.partOf);
    for (const child of children) expect(child.usedReference?.map((r) => r.reference)).toContain(probeUrl);
    expect(JSON.stringify(bundle)).not.toContain('focalDevice');
  });

  it('identifies the patient by NHS number with its UK Core verification status', () => {
    const [patient] = resources(bundle, 'Patient');
    const nhs = patient!.identifier?.find((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number');
    expect(nhs?.value).toBe('9990079196');
    expect(nhs?.extension?.[0]).toEqual({
      url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
      valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland', code: '01', display: 'Number present and verified' }] },
    });
    expect(patient).toMatchObject({ gender: 'female', birthDate: '1963-07-19', name: [{ family: 'Ashcombe', given: ['Margaret'] }] });
  });

  it('sends MAS as code strings before and after, never numbers, and pain with LOINC 72514-3', () => {
    const observations = resources(bundle, 'Observation');
    const mas = observations.filter((o) => localCode(o) === 'mas');
    expect(mas.map((o) => o.valueCodeableConcept?.coding?.[0]?.code)).toEqual(['3', '1+']);
    expect(mas.map((o) => o.effectiveDateTime)).toEqual(['2026-03-10T09:10:00+00:00', '2026-03-10T10:00:00+00:00']);
    for (const o of mas) expect(o.valueInteger ?? o.valueQuantity).toBeUndefined();
    const pain = observations.filter((o) => o.code.coding?.[0]?.code === '72514-3');
    expect(pain.map((o) => o.valueInteger)).toEqual([6, 3]);
    const stim = observations.filter((o) => localCode(o) === 'stimulation-threshold');
    expect(stim.map((o) => [o.valueQuantity?.value, o.valueQuantity?.code])).toEqual([
      [0.42, 'mA'],
      [0.36, 'mA'],
      [0.55, 'mA'],
    ]);
  });

  it('says explicitly that there were no complications', () => {
    const parent = resources(bundle, 'Procedure').find((p) => !p.partOf)!;
    expect(parent.complication).toBeUndefined();
    expect(parent.note?.map((n) => n.text)).toContain('Complications: none (asked and answered explicitly).');
  });

  it('lists the team with their roles and registers (GMC, HCPC)', () => {
    const parent = resources(bundle, 'Procedure').find((p) => !p.partOf)!;
    expect(parent.performer?.map((p) => [p.function?.coding?.[0]?.code, p.actor.display])).toEqual([
      ['operator', 'Dr Imogen Hartley'],
      ['assistant', 'Tomasz Nowicki'],
    ]);
    const identifiers = resources(bundle, 'Practitioner').map((p) => p.identifier?.[0]);
    expect(identifiers).toEqual([
      { system: 'https://fhir.hl7.org.uk/Id/gmc-number', value: '9990011' },
      { system: 'https://fhir.hl7.org.uk/Id/hcpc-number', value: 'PH999011' },
    ]);
  });
});

describe('S2: lower limb, handheld device, warfarin', () => {
  const bundle = build(fixtureSource('S2'));

  it('has the INR 2.6 {INR} on its own sample date (LOINC 6301-6)', () => {
    const inr = resources(bundle, 'Observation').filter((o) => o.code.coding?.[0]?.code === '6301-6');
    expect(inr).toHaveLength(1);
    expect(inr[0]).toMatchObject({ effectiveDateTime: '2026-03-05', valueQuantity: { value: 2.6, code: '{INR}', system: 'http://unitsofmeasure.org' } });
    expect(inr[0]!.referenceRange?.[0]).toMatchObject({ low: { value: 2 }, high: { value: 3 } });
  });

  it('sends no temperature for the handheld cycles, but their 106 s freeze', () => {
    const cycles = resources(bundle, 'Observation').filter((o) => localCode(o) === 'freeze-cycle');
    expect(cycles).toHaveLength(8);
    for (const c of cycles) {
      expect(componentValue(c, 'lowest-probe-temperature')).toBeUndefined();
      expect(componentValue(c, 'freeze-duration')?.valueQuantity?.value).toBe(106);
    }
    expect(JSON.stringify(bundle)).not.toMatch(/"value":null|"Cel"/);
  });

  it('exports the bruising as a complication with its Condition', () => {
    const parent = resources(bundle, 'Procedure').find((p) => !p.partOf)!;
    expect(parent.complication?.map((c) => c.text)).toEqual(['Bruising / swelling, mild']);
    const [condition] = resources(bundle, 'Condition');
    expect(parent.complicationDetail?.[0]?.reference).toBe(entryOf(bundle, condition!).fullUrl);
    expect(condition).toMatchObject({ severity: { coding: [{ code: '255604002' }] }, clinicalStatus: { coding: [{ code: 'active' }] }, onsetDateTime: '2026-03-10T14:20:00+00:00' });
  });

  it('books each dated review as a planned ServiceRequest and marks the NMC nurse', () => {
    expect(resources(bundle, 'ServiceRequest').map((s) => s.occurrenceDateTime)).toEqual(['2026-04-21', '2026-06-02', '2026-07-14', '2026-08-25']);
    expect(resources(bundle, 'Practitioner').map((p) => p.identifier?.[0]?.system)).toContain('https://fhir.hl7.org.uk/Id/nmc-number');
  });
});

describe('the signed note (DocumentReference)', () => {
  const bundle = build(fixtureSource('S1'));
  const [doc] = resources(bundle, 'DocumentReference');

  it('carries the PDF exactly as given and the text as UTF-8 (accents kept)', () => {
    const [pdf, text] = doc!.content.map((c) => c.attachment);
    expect(pdf?.contentType).toBe('application/pdf');
    expect(Buffer.from(pdf!.data!, 'base64').equals(PDF_BYTES)).toBe(true);
    expect(text?.contentType).toMatch(/^text\/plain/);
    expect(Buffer.from(text!.data!, 'base64').toString('utf8')).toBe(ATTACHMENTS.text);
    expect(Buffer.from(text!.data!, 'base64').toString('utf8')).toContain('Zoë');
  });

  it('is final, current, about the patient and points at the session Procedure', () => {
    const parentUrl = entryOf(bundle, resources(bundle, 'Procedure').find((p) => !p.partOf)!).fullUrl;
    expect(doc).toMatchObject({ status: 'current', docStatus: 'final', date: SIGNER_V1.signedAt, context: { related: [{ reference: parentUrl }] } });
    expect(doc!.subject?.reference).toBe(entryOf(bundle, resources(bundle, 'Patient')[0]!).fullUrl);
    expect(doc!.content[0]!.attachment.title).toContain('Margaret Ashcombe');
  });

  it('base64-of-UTF-8 agrees with Node for accents, symbols, emoji and a lone surrogate', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'Zoë Ñúñez', '−70 °C → done', '👩‍⚕️ ok', 'bad \uD800 half'])
      expect({ s, b64: utf8ToBase64(s) }).toEqual({ s, b64: Buffer.from(s, 'utf8').toString('base64') });
  });
});

describe('re-sending is idempotent', () => {
  it('builds the same JSON from the same input', () => {
    expect(JSON.stringify(build(fixtureSource('S1')))).toBe(JSON.stringify(build(fixtureSource('S1'))));
  });

  it('is a transaction of conditional requests on business identifiers', () => {
    const bundle = build(fixtureSource('S1'));
    expect(bundle.type).toBe('transaction');
    const requests = bundle.entry.map((e) => e.request);
    expect(requests).toContainEqual({ method: 'PUT', url: 'Procedure?identifier=urn:ietf:rfc:3986|urn:uuid:51000000-0000-4000-8000-000000000002' });
    expect(requests).toContainEqual({ method: 'POST', url: 'Patient', ifNoneExist: 'identifier=https://fhir.nhs.uk/Id/nhs-number|9990079196' });
    expect(requests).toContainEqual({ method: 'POST', url: 'Practitioner', ifNoneExist: 'identifier=https://fhir.hl7.org.uk/Id/gmc-number|9990011' });
    expect(requests).toContainEqual({ method: 'POST', url: 'Organization', ifNoneExist: 'identifier=https://fhir.nhs.uk/Id/ods-organization-code|RX9' });
    // Every PUT searches on the identifier the resource itself carries.
    for (const e of bundle.entry.filter((x) => x.request.method === 'PUT' && x.request.url.includes('?'))) {
      const own = 'identifier' in e.resource ? e.resource.identifier?.[0] : undefined;
      expect(e.request.url).toBe(`${e.resource.resourceType}?identifier=${own?.system}|${own?.value}`);
    }
    // Nothing is a plain create that a second post would duplicate.
    expect(requests.filter((r) => r.method === 'POST' && !r.ifNoneExist)).toEqual([]);
  });

  it('version 2 updates the same resources and adds a Provenance with the reason', () => {
    const v1 = build(fixtureSource('S1'));
    const v2 = build(amendedSource('S1'));
    const urls = (b: FhirBundle) => b.entry.filter((e) => e.resource.resourceType !== 'Provenance').map((e) => [e.fullUrl, e.request.url]);
    expect(urls(v2)).toEqual(urls(v1));
    expect(resources(v2, 'DocumentReference')[0]).toMatchObject({ docStatus: 'amended', date: AMENDMENT_V2.signedAt });
    expect(resources(v2, 'DocumentReference')[0]!.masterIdentifier).not.toEqual(resources(v1, 'DocumentReference')[0]!.masterIdentifier);
    const provenance = resources(v2, 'Provenance');
    expect(provenance.map((p) => p.activity?.coding?.[0]?.code)).toEqual(['CREATE', 'UPDATE']);
    const update = provenance[1]!;
    expect(update).toMatchObject({ recorded: AMENDMENT_V2.signedAt, reason: [{ text: AMENDMENT_V2.reason }] });
    expect(update.agent[0]!.who.display).toBe('Dr Imogen Hartley');
    expect(update.target.map((t) => t.reference)).toContain('urn:uuid:51000000-0000-4000-8000-000000000002');
    // Provenance of version 1 is the same resource in both bundles.
    expect(entryOf(v2, provenance[0]!).request.url).toBe(entryOf(v1, resources(v1, 'Provenance')[0]!).request.url);
  });

  it('escapes a hospital number that would break the search URL', () => {
    const source = fixtureSource('S1');
    source.doc.patient.nhsNumber = null;
    source.doc.patient.nhsNumberAbsentReason = 'overseas';
    source.doc.patient.localMrn = 'A&B|C';
    const bundle = build(source);
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!;
    expect(patient.request.ifNoneExist).toBe('identifier=https://cryolog.example/fhir/Id/local-mrn|A%26B%5C%7CC');
    expect(fhirProblems(bundle)).toEqual([]);
  });
});

describe('record status on every resource', () => {
  it('preliminary: not claimed as done, tagged PRELIMINARY, values preliminary', () => {
    const bundle = build(preliminarySource());
    const procedures = resources(bundle, 'Procedure');
    expect(new Set(procedures.map((p) => p.status))).toEqual(new Set(['unknown']));
    for (const p of procedures) expect(p.meta?.tag?.[0]?.code).toBe('preliminary');
    expect(procedures.find((p) => !p.partOf)!.note?.[0]?.text).toMatch(/^PRELIMINARY: not signed/);
    expect(new Set(resources(bundle, 'Observation').map((o) => o.status))).toEqual(new Set(['preliminary']));
    // Unsigned: no authenticator, the operator is the author.
    expect(resources(bundle, 'DocumentReference')[0]).toMatchObject({ docStatus: 'preliminary', author: [{ display: 'Dr Imogen Hartley' }] });
    expect(resources(bundle, 'DocumentReference')[0]!.authenticator).toBeUndefined();
    expect(resources(bundle, 'Provenance')).toEqual([]);
  });

  it('entered in error: every resource with a status says so, with the reason and a NULLIFY provenance', () => {
    const bundle = build(enteredInErrorSource());
    const statuses = bundle.entry.map((e) => e.resource).filter((r) => 'status' in r);
    expect(statuses.length).toBeGreaterThan(25);
    for (const r of statuses) expect({ type: r.resourceType, status: 'status' in r ? r.status : null }).toEqual({ type: r.resourceType, status: 'entered-in-error' });
    expect(resources(bundle, 'DocumentReference')[0]!.docStatus).toBe('entered-in-error');
    const parent = resources(bundle, 'Procedure').find((p) => !p.partOf)!;
    expect(parent.statusReason?.text).toBe('Recorded against the wrong patient');
    expect(resources(bundle, 'Provenance').map((p) => p.activity?.coding?.[0]?.code)).toEqual(['CREATE', 'NULLIFY']);
  });

  it('entered in error: a complication Condition is withdrawn without a clinical status', () => {
    const bundle = build({ ...fixtureSource('S2'), status: 'entered-in-error', enteredInError: { at: '2026-03-12T09:00:00+00:00', by: 'Dr Rhys Pemberton', reason: 'Wrong patient' } });
    const [condition] = resources(bundle, 'Condition');
    expect(condition!.verificationStatus?.coding?.[0]?.code).toBe('entered-in-error');
    expect(condition!.clinicalStatus).toBeUndefined();
    expect(fhirProblems(bundle)).toEqual([]);
  });

  it('refuses a draft (drafts are text only)', () => {
    expect(() => build(fixtureSource('S1', { status: 'draft', version: null, versions: [] }))).toThrow(/draft/i);
  });
});

describe('hostile text and incidents', () => {
  it('keeps names and notes exactly, markup and bidi characters included', () => {
    const bundle = build(hostileSource());
    expect(resources(bundle, 'Patient')[0]!.name?.[0]).toMatchObject({ family: HOSTILE_TEXT.familyName, given: [HOSTILE_TEXT.givenName] });
    expect(resources(bundle, 'Procedure').find((p) => !p.partOf)!.note?.map((n) => n.text)).toContain(HOSTILE_TEXT.notes);
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });

  it('carries a wrong-site incident reference on its Condition', () => {
    const source = fixtureSource('S1');
    source.doc.session.complicationsAnswer = 'present';
    const base = source.doc.targets[0]!;
    source.doc.complications.push({
      id: '51000000-0000-4000-8000-000000000099',
      sessionId: source.doc.session.id,
      seq: 1,
      type: 'wrong-site',
      onset: 'intra-procedure',
      onsetAt: '2026-03-10T09:16:00+00:00',
      severity: 'moderate',
      action: 'other',
      actionNote: 'Duty of candour conversation held',
      resolved: true,
      resolvedDate: '2026-03-10',
      incidentRef: 'LFPSE-2026-000123',
      note: 'Right side treated; consent was for the left.',
      createdAt: base.createdAt,
      updatedAt: base.updatedAt,
    });
    const bundle = build(source);
    const [condition] = resources(bundle, 'Condition');
    expect(condition!.identifier).toContainEqual({ system: 'https://cryolog.example/fhir/Id/incident-reference', value: 'LFPSE-2026-000123' });
    expect(condition).toMatchObject({ clinicalStatus: { coding: [{ code: 'resolved' }] }, abatementDateTime: '2026-03-10' });
    expect(fhirProblems(bundle)).toEqual([]);
  });
});

describe('stable ids', () => {
  it('are RFC 4122 version 5 UUIDs (the published test vector)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});
