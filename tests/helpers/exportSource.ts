// ExportSource values for format tests, built from the committed example sessions
// (tests/fixtures/*.session.json): S1 and S2 as signed version 1 (final), or as the caller
// overrides them (a draft, an amended version 2, hostile names). Synthetic data only.
import fs from 'node:fs';
import path from 'node:path';
import { SessionDocument } from '../../shared/domain/model';
import { DEFAULT_SERVICE_INFO, type ExportSource, type ExportVersion } from '../../shared/export/source';

export type FixtureName = 'S1' | 'S2' | 'S5';

export function fixtureDoc(name: FixtureName): SessionDocument {
  const file = path.join(__dirname, '..', 'fixtures', `${name}.session.json`);
  return SessionDocument.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export const SIGNER_V1: ExportVersion = {
  version: 1,
  signedAt: '2026-03-10T10:20:00+00:00',
  signer: { name: 'Dr Imogen Hartley', role: 'Consultant in rehabilitation medicine', registrationBody: 'gmc', registrationNumber: '9990011' },
  reason: null,
};

export const AMENDMENT_V2: ExportVersion = {
  version: 2,
  signedAt: '2026-03-11T14:05:00+00:00',
  signer: SIGNER_V1.signer,
  reason: 'Probe temperature of cycle 2 corrected from the console log',
};

export const TEST_SERVICE = {
  ...DEFAULT_SERVICE_INFO,
  serviceName: 'Spasticity and Cryoneurolysis Service (test)',
  organisationName: 'Example Teaching Hospitals NHS Trust (fictional)',
  odsCode: 'RX9',
  phone: '01632 960 123',
  email: 'spasticity.test@example.nhs.uk',
};

/** S1/S2/S5 as an export source: signed version 1 (final) unless overridden. */
export function fixtureSource(name: FixtureName, overrides: Partial<ExportSource> = {}): ExportSource {
  return {
    doc: fixtureDoc(name),
    status: 'final',
    version: 1,
    versions: [SIGNER_V1],
    amendmentInProgress: null,
    enteredInError: null,
    hardErrors: [],
    appVersion: '0.1.0',
    generatedAt: '2026-03-10T10:30:00+00:00',
    service: TEST_SERVICE,
    ...overrides,
  };
}

/** Version 2 after one amendment. */
export function amendedSource(name: FixtureName): ExportSource {
  return fixtureSource(name, { status: 'amended', version: 2, versions: [SIGNER_V1, AMENDMENT_V2] });
}

/** Names and notes that break naive writers of every format (delimiters, quotes, markup, control and bidi characters). */
export const HOSTILE_TEXT = {
  familyName: 'O\'Brien|Ñúñez^Smith&Co',
  givenName: 'Zoë "Jo" \\ </script>',
  notes: 'Line one,\r\nline "two"; <b>bold</b> </script><script>alert(1)</script> \u202Eevil\u202C tab\there |pipe| ^caret^ ~tilde~ &amp; \\E\\ −70 °C → done',
};

/** S1 with the hostile name and notes (the record is otherwise unchanged). */
export function hostileSource(): ExportSource {
  const source = fixtureSource('S1');
  source.doc.patient.familyName = HOSTILE_TEXT.familyName;
  source.doc.patient.givenName = HOSTILE_TEXT.givenName;
  source.doc.session.notes = HOSTILE_TEXT.notes;
  return source;
}
