// Every system URL the FHIR export writes, in one place (docs/export-fhir.md lists them with
// their codes). External systems are the ones domain.md §7 names; CryoLog's own codes live
// under one base URL so a trust's terminology server can map them as a family.

// ── External code and identifier systems ───────────────────────────────────────────────────
export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
/** RFC 3986 URIs as identifier values: CryoLog's own row ids, written as urn:uuid:… */
export const URI_IDENTIFIER = 'urn:ietf:rfc:3986';

export const NHS_NUMBER = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_ORGANIZATION = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const NHS_NUMBER_VERIFICATION_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
export const NHS_NUMBER_VERIFICATION_CODES = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland';

/** Professional registers (domain.md §2.12). HCPC is ⚠ unverified there (see the docs). */
export const REGISTRATION_SYSTEMS: Record<string, string> = {
  gmc: 'https://fhir.hl7.org.uk/Id/gmc-number',
  nmc: 'https://fhir.hl7.org.uk/Id/nmc-number',
  hcpc: 'https://fhir.hl7.org.uk/Id/hcpc-number',
};

/** R4 core extension (informative, maturity 1): Procedure → BodyStructure. */
export const TARGET_BODY_STRUCTURE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure';

export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const DATA_OPERATION = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
export const PROVENANCE_PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const GS1_DEVICE_IDENTIFIER = 'http://hl7.org/fhir/NamingSystem/gs1-di';

// ── Fixed external codes ──────────────────────────────────────────────────────────────────────
export const SNOMED_CODES = {
  /** Verified fallback (domain.md §7): no specific "cryoneurolysis" concept found. */
  cryotherapy: { system: SNOMED, code: '26782000', display: 'Cryotherapy' },
  /** Medium confidence (two public code lists). */
  spasticity: { system: SNOMED, code: '221360009', display: 'Spasticity' },
  /** ⚠ Single public source (domain.md [S40]): sent next to the local code, never alone. */
  modifiedAshworth: { system: SNOMED, code: '765771006', display: 'Modified Ashworth scale' },
  left: { system: SNOMED, code: '7771000', display: 'Left' },
  right: { system: SNOMED, code: '24028007', display: 'Right' },
  bilateral: { system: SNOMED, code: '51440002', display: 'Right and left' },
  /** FHIR R4 condition-severity value set (preferred binding). */
  mild: { system: SNOMED, code: '255604002', display: 'Mild' },
  moderate: { system: SNOMED, code: '6736007', display: 'Moderate' },
  severe: { system: SNOMED, code: '24484000', display: 'Severe' },
} as const;

export const LOINC_CODES = {
  painNrs: { system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' },
  inr: { system: LOINC, code: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay' },
  /** ⚠ Not in domain.md: the usual LOINC document type for a procedure note; check locally. */
  procedureNote: { system: LOINC, code: '28570-0', display: 'Procedure note' },
} as const;

// ── CryoLog's own code systems ────────────────────────────────────────────────────────────────
export const CRYOLOG_BASE = 'https://cryolog.example/fhir';
const codeSystem = (name: string) => `${CRYOLOG_BASE}/CodeSystem/${name}`;

export const LOCAL = {
  /** What each Observation and component measures (no standard code found: domain.md §7 ⚠). */
  observation: codeSystem('cryo-observation'),
  /** Modified Ashworth grades as strings: 0, 1, 1+, 2, 3, 4. */
  masGrade: codeSystem('mas-grade'),
  tardieuX: codeSystem('tardieu-x'),
  tardieuV: codeSystem('tardieu-v'),
  /** Nerve and branch targeted, "nerve.branch" (e.g. musculocutaneous.brachialis). */
  nerveBranch: codeSystem('nerve-branch'),
  muscle: codeSystem('muscle'),
  muscleGroup: codeSystem('muscle-group'),
  teamRole: codeSystem('team-role'),
  cycleOutcome: codeSystem('cycle-outcome'),
  abortReason: codeSystem('abort-reason'),
  thawType: codeSystem('thaw-type'),
  complicationType: codeSystem('complication-type'),
  followUpKind: codeSystem('follow-up-kind'),
  deviceKind: codeSystem('device-kind'),
  /** meta.tag on resources of a record that is not signed (PRELIMINARY). */
  recordStatus: codeSystem('record-status'),
} as const;

export const LOCAL_IDENTIFIERS = {
  /** The trust's hospital number as CryoLog holds it: the integration engine maps it to the PAS system. */
  localMrn: `${CRYOLOG_BASE}/Id/local-mrn`,
  /** A team member with no professional register number: one Practitioner per session row. */
  teamMember: `${CRYOLOG_BASE}/Id/team-member`,
  /** The trust's incident reference (e.g. LFPSE) of a wrong-site complication. */
  incidentReference: `${CRYOLOG_BASE}/Id/incident-reference`,
} as const;

/** The local Observation codes, with displays (docs/export-fhir.md lists the same table). */
export const OBSERVATION_CODES = {
  'freeze-cycle': 'Freeze cycle',
  'freeze-duration': 'Freeze duration',
  'lowest-probe-temperature': 'Lowest probe temperature (console reading)',
  'thaw-duration': 'Thaw duration',
  'thaw-type': 'Thaw type',
  'ice-ball-seen': 'Ice ball seen on ultrasound',
  'ice-ball-diameter': 'Ice ball diameter',
  'lesion-site-number': 'Lesion site number',
  'cycle-number': 'Cycle number at the site',
  'cycle-outcome': 'Cycle outcome',
  'abort-reason': 'Why the cycle was aborted',
  'stimulation-threshold': 'Nerve stimulation threshold',
  'stimulation-pulse-width': 'Stimulation pulse width',
  'stimulation-frequency': 'Stimulation frequency',
  'motor-response-seen': 'Motor response seen',
  'muscle-responding': 'Muscle that responded',
  'paraesthesia-reported': 'Paraesthesia reported',
  mas: 'Modified Ashworth Scale grade',
  tardieu: 'Modified Tardieu Scale',
  'tardieu-r1': 'Tardieu R1 (catch angle, fast stretch)',
  'tardieu-r2': 'Tardieu R2 (passive end range, slow stretch)',
  'tardieu-x': 'Tardieu X (quality of muscle reaction)',
  'tardieu-v': 'Tardieu V (stretch velocity)',
  'passive-rom': 'Passive range of movement',
  'active-rom': 'Active range of movement',
} as const;
export type ObservationCode = keyof typeof OBSERVATION_CODES;

/** UCUM units used: code and the unit people read. */
export const UNITS = {
  s: { code: 's', unit: 's' },
  Cel: { code: 'Cel', unit: '°C' },
  mm: { code: 'mm', unit: 'mm' },
  mA: { code: 'mA', unit: 'mA' },
  ms: { code: 'ms', unit: 'ms' },
  Hz: { code: 'Hz', unit: 'Hz' },
  deg: { code: 'deg', unit: '°' },
  INR: { code: '{INR}', unit: 'INR' },
} as const;
export type UnitName = keyof typeof UNITS;
