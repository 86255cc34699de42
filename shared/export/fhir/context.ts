// What every resource builder needs to know about the others: the references, decided once
// before any resource is built, so every reference in the bundle is one of its fullUrls.
import type { SessionDocument } from '../../domain/model';
import type { ExportSource } from '../source';
import type { ResourceStatuses } from './status';
import type { Reference } from './types';

export interface BuildContext {
  source: ExportSource;
  doc: SessionDocument;
  statuses: ResourceStatuses;
  patient: Reference;
  /** The trust (source.service), when its ODS code is set. */
  organization: Reference | undefined;
  parentProcedure: Reference;
  documentReference: Reference;
  /** Practitioner of each team member row. */
  practitioners: ReadonlyMap<string, Reference>;
  /** Practitioner of the last signature (the person who takes responsibility). */
  signer: Reference | undefined;
  /** Practitioner of each signed version's signer. */
  signers: ReadonlyMap<number, Reference>;
  /** Child Procedure of each target row. */
  targets: ReadonlyMap<string, Reference>;
  /** Devices (console, probe, gas, stimulator) of each device row. */
  devices: ReadonlyMap<string, readonly Reference[]>;
}
