// The few FHIR R4 types this export writes, typed by hand (no FHIR type package is installed).
// Only the elements CryoLog fills are declared; every element is optional here because the
// bundle passes through pruneEmpty (datatypes.ts), which drops whatever was not recorded.

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Extension {
  url: string;
  valueCodeableConcept?: CodeableConcept;
  valueReference?: Reference;
}

export interface Identifier {
  extension?: Extension[];
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Annotation {
  authorReference?: Reference;
  authorString?: string;
  time?: string;
  text: string;
}

export interface HumanName {
  use?: 'official' | 'usual';
  text?: string;
  family?: string;
  given?: string[];
}

export interface Attachment {
  contentType?: string;
  language?: string;
  data?: string;
  title?: string;
  creation?: string;
}

export interface Meta {
  tag?: Coding[];
}

interface ResourceBase {
  id?: string;
  meta?: Meta;
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
}

export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  identifier?: Identifier[];
  name?: string;
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  identifier?: Identifier[];
  name?: HumanName[];
  qualification?: { identifier?: Identifier[]; code: CodeableConcept }[];
}

export interface Device extends ResourceBase {
  resourceType: 'Device';
  identifier?: Identifier[];
  udiCarrier?: { deviceIdentifier?: string; issuer?: string; carrierHRF?: string }[];
  status?: 'active' | 'inactive' | 'entered-in-error' | 'unknown';
  manufacturer?: string;
  expirationDate?: string;
  lotNumber?: string;
  serialNumber?: string;
  deviceName?: { name: string; type: 'udi-label-name' | 'user-friendly-name' | 'patient-reported-name' | 'manufacturer-name' | 'model-name' | 'other' }[];
  modelNumber?: string;
  type?: CodeableConcept;
  patient?: Reference;
  note?: Annotation[];
  parent?: Reference;
}

export interface BodyStructure extends ResourceBase {
  resourceType: 'BodyStructure';
  identifier?: Identifier[];
  active?: boolean;
  location?: CodeableConcept;
  locationQualifier?: CodeableConcept[];
  description?: string;
  patient: Reference;
}

export type ProcedureStatus = 'preparation' | 'in-progress' | 'not-done' | 'on-hold' | 'stopped' | 'completed' | 'entered-in-error' | 'unknown';

export interface Procedure extends ResourceBase {
  resourceType: 'Procedure';
  extension?: Extension[];
  identifier?: Identifier[];
  partOf?: Reference[];
  status: ProcedureStatus;
  statusReason?: CodeableConcept;
  code?: CodeableConcept;
  subject: Reference;
  performedPeriod?: Period;
  recorder?: Reference;
  asserter?: Reference;
  performer?: { function?: CodeableConcept; actor: Reference; onBehalfOf?: Reference }[];
  location?: Reference;
  reasonCode?: CodeableConcept[];
  bodySite?: CodeableConcept[];
  outcome?: CodeableConcept;
  report?: Reference[];
  complication?: CodeableConcept[];
  complicationDetail?: Reference[];
  followUp?: CodeableConcept[];
  note?: Annotation[];
  usedReference?: Reference[];
}

export type ObservationStatus = 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';

/** Observation.value[x] and component.value[x]: the kinds CryoLog writes. */
export interface ObservationValue {
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueString?: string;
}

export interface ObservationComponent extends ObservationValue {
  code: CodeableConcept;
}

export interface Observation extends ResourceBase, ObservationValue {
  resourceType: 'Observation';
  identifier?: Identifier[];
  partOf?: Reference[];
  status: ObservationStatus;
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime?: string;
  effectivePeriod?: Period;
  performer?: Reference[];
  note?: Annotation[];
  bodySite?: CodeableConcept;
  method?: CodeableConcept;
  referenceRange?: { low?: Quantity; high?: Quantity; text?: string }[];
  component?: ObservationComponent[];
}

export interface Condition extends ResourceBase {
  resourceType: 'Condition';
  identifier?: Identifier[];
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: CodeableConcept[];
  severity?: CodeableConcept;
  code?: CodeableConcept;
  subject: Reference;
  onsetDateTime?: string;
  abatementDateTime?: string;
  asserter?: Reference;
  note?: Annotation[];
}

export interface ServiceRequest extends ResourceBase {
  resourceType: 'ServiceRequest';
  identifier?: Identifier[];
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'proposal' | 'plan' | 'directive' | 'order' | 'original-order' | 'reflex-order' | 'filler-order' | 'instance-order' | 'option';
  code?: CodeableConcept;
  subject: Reference;
  occurrenceDateTime?: string;
  authoredOn?: string;
  requester?: Reference;
  supportingInfo?: Reference[];
  note?: Annotation[];
}

export interface DocumentReference extends ResourceBase {
  resourceType: 'DocumentReference';
  masterIdentifier?: Identifier;
  identifier?: Identifier[];
  status: 'current' | 'superseded' | 'entered-in-error';
  docStatus?: 'preliminary' | 'final' | 'amended' | 'entered-in-error';
  type?: CodeableConcept;
  subject?: Reference;
  date?: string;
  author?: Reference[];
  authenticator?: Reference;
  custodian?: Reference;
  description?: string;
  content: { attachment: Attachment }[];
  context?: { period?: Period; related?: Reference[] };
}

export interface Provenance extends ResourceBase {
  resourceType: 'Provenance';
  target: Reference[];
  recorded: string;
  reason?: CodeableConcept[];
  activity?: CodeableConcept;
  agent: { type?: CodeableConcept; who: Reference }[];
  entity?: { role: 'derivation' | 'revision' | 'quotation' | 'source' | 'removal'; what: Reference }[];
}

export type FhirResource =
  | Patient
  | Organization
  | Practitioner
  | Device
  | BodyStructure
  | Procedure
  | Observation
  | Condition
  | ServiceRequest
  | DocumentReference
  | Provenance;

export interface BundleRequest {
  method: 'POST' | 'PUT';
  url: string;
  /** Conditional create: the server creates the resource only when this search finds none. */
  ifNoneExist?: string;
}

export interface BundleEntry {
  fullUrl: string;
  resource: FhirResource;
  request: BundleRequest;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  identifier: Identifier;
  type: 'transaction';
  timestamp: string;
  entry: BundleEntry[];
}
