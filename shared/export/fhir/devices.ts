// Devices used (Procedure.usedReference, never focalDevice: nothing is implanted). One device
// row of the record holds a console or handpiece, the single-patient probe, the gas supply and
// a nerve stimulator; each becomes its own Device so the probe's lot, expiry and GTIN (what a
// recall searches for) are not mixed with the console's serial number.
import type { Device as DeviceRow } from '../../domain/model';
import { SYSTEM_TYPE_LABELS } from '../../domain/valueSets';
import { GS1_DEVICE_IDENTIFIER, LOCAL } from './codeSystems';
import type { BuildContext } from './context';
import { concept, fhirDateTime, note } from './datatypes';
import { ownedEntry } from './entries';
import { stableUuid, urnUuid } from './ids';
import type { BundleEntry, Device, Reference } from './types';

export const DEVICE_KINDS = {
  console: 'Cryoneurolysis console',
  handpiece: 'Handheld cryoneurolysis device',
  cryoprobe: 'Cryoprobe / tip',
  'gas-supply': 'Cryogen gas cartridge or cylinder',
  'nerve-stimulator': 'Nerve stimulator',
} as const;
export type DeviceKind = keyof typeof DEVICE_KINDS;

const kindConcept = (kind: DeviceKind, text?: string) => concept(text ?? DEVICE_KINDS[kind], { system: LOCAL.deviceKind, code: kind, display: DEVICE_KINDS[kind] });

function probeText(d: DeviceRow): string {
  const size = [d.probeGauge !== null ? `${d.probeGauge} G` : null, d.probeLengthMm !== null ? `${d.probeLengthMm} mm` : null].filter(Boolean).join(' × ');
  return size ? `Cryoprobe ${size}` : 'Cryoprobe';
}

/** The Devices of one device row, in a fixed order: main unit, probe, gas, stimulator. */
export function deviceEntries(ctx: BuildContext, d: DeviceRow): { entries: BundleEntry[]; references: Reference[] } {
  const status = ctx.statuses.device;
  const meta = { tag: ctx.statuses.tag ? [ctx.statuses.tag] : undefined };
  const mainKind: DeviceKind = d.systemType === 'handheld-fixed-cycle' ? 'handpiece' : 'console';
  const mainUuid = stableUuid(d.id, 'Device', mainKind);
  const mainName = [d.manufacturer, d.model].filter(Boolean).join(' ') || DEVICE_KINDS[mainKind];
  const made: { uuid: string; resource: Device; display: string }[] = [
    {
      uuid: mainUuid,
      display: mainName,
      resource: {
        resourceType: 'Device',
        meta,
        status,
        type: kindConcept(mainKind, d.systemType ? SYSTEM_TYPE_LABELS[d.systemType] : undefined),
        manufacturer: d.manufacturer ?? undefined,
        deviceName: d.model ? [{ name: d.model, type: 'model-name' }] : undefined,
        serialNumber: d.serialNumber ?? undefined,
      },
    },
  ];
  const parent: Reference = { reference: urnUuid(mainUuid), display: mainName };
  made.push({
    uuid: stableUuid(d.id, 'Device', 'cryoprobe'),
    display: `${probeText(d)}${d.probeLot ? `, lot ${d.probeLot}` : ''}`,
    resource: {
      resourceType: 'Device',
      meta,
      status,
      type: kindConcept('cryoprobe', probeText(d)),
      manufacturer: d.manufacturer ?? undefined,
      udiCarrier: d.probeGtin || d.udiRaw ? [{ deviceIdentifier: d.probeGtin ?? undefined, issuer: d.probeGtin ? GS1_DEVICE_IDENTIFIER : undefined, carrierHRF: d.udiRaw ?? undefined }] : undefined,
      lotNumber: d.probeLot ?? undefined,
      serialNumber: d.probeSerial ?? undefined,
      expirationDate: fhirDateTime(d.probeExpiry),
      note: [note(d.lotUnreadable ? `Lot unreadable: ${d.lotUnreadableReason ?? 'no reason given'}` : undefined)].filter((n) => n !== undefined),
      parent,
    },
  });
  if (d.gasLot) {
    made.push({
      uuid: stableUuid(d.id, 'Device', 'gas-supply'),
      display: `Gas lot ${d.gasLot}`,
      resource: { resourceType: 'Device', meta, status, type: kindConcept('gas-supply'), lotNumber: d.gasLot, parent },
    });
  }
  if (d.stimulatorModel) {
    made.push({
      uuid: stableUuid(d.id, 'Device', 'nerve-stimulator'),
      display: d.stimulatorModel,
      resource: { resourceType: 'Device', meta, status, type: kindConcept('nerve-stimulator'), deviceName: [{ name: d.stimulatorModel, type: 'user-friendly-name' }] },
    });
  }
  return {
    entries: made.map((m) => ownedEntry(m.uuid, m.resource)),
    references: made.map((m) => ({ reference: urnUuid(m.uuid), display: m.display })),
  };
}
