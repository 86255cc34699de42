import type { Device, SessionDocument } from '../../../../shared/domain/model';
import { parseDurationS, type Parsed } from '../../../../shared/domain/parse';
import { parseGs1 } from '../../../../shared/domain/gs1';
import { RecordField } from '../../components/RecordField';
import { Rows } from '../../components/Rows';
import { fieldDomId } from '../../lib/findings';
import { Section } from './Section';

const shows = (applies: boolean, value: unknown) => applies || (value !== null && value !== undefined);

/** A scanned GS1 barcode is stored in its human-readable form, "(01)…(17)…(10)…". */
function parseBarcode(text: string): Parsed<string> {
  const r = parseGs1(text);
  return r.ok ? { ok: true, value: r.data.hri } : { ok: false, message: r.message };
}

/** What a scan fills: the probe's GTIN, lot, expiry and serial, wherever they are still empty. */
function fromBarcode(device: Device, hri: unknown): Record<string, unknown> {
  if (typeof hri !== 'string') return {};
  const r = parseGs1(hri);
  if (!r.ok) return {};
  const out: Record<string, unknown> = {};
  if (r.data.gtin && !device.probeGtin) out.probeGtin = r.data.gtin;
  if (r.data.lot && !device.probeLot) out.probeLot = r.data.lot;
  if (r.data.expiry && !device.probeExpiry) out.probeExpiry = r.data.expiry;
  if (r.data.serial && !device.probeSerial) out.probeSerial = r.data.serial;
  return out;
}

function deviceSummary(d: Device): string {
  const kind = d.systemType === 'handheld-fixed-cycle' ? 'Handheld' : d.systemType === 'console' ? 'Console' : null;
  return [kind, d.model, d.probeLot ? `lot ${d.probeLot}` : null].filter(Boolean).join(', ');
}

export function deviceLabel(d: Device): string {
  const s = deviceSummary(d);
  return `Device ${d.seq}${s ? `: ${s}` : ''}`;
}

export function DevicesSection({ doc }: { doc: SessionDocument }) {
  const s = doc.session;
  return (
    <Section id="devices" intro="Traceability: what was used, with lots and expiry dates. Scan the probe packet's barcode into “Scanned barcode” to fill GTIN, lot, expiry and serial.">
      <Rows
        entity="device"
        parentId={s.id}
        rows={doc.devices}
        itemName="device"
        empty="No device recorded yet."
        addDomId={fieldDomId('session', s.id, 'devices')}
        aside={(d) => deviceSummary(d)}
        render={(d) => {
          const sfx = `, device ${d.seq}`;
          return (
            <>
              <RecordField entity="device" id={d.id} field="systemType" labelSuffix={sfx} wide />
              <RecordField entity="device" id={d.id} field="manufacturer" labelSuffix={sfx} />
              <RecordField entity="device" id={d.id} field="model" labelSuffix={sfx} />
              <RecordField entity="device" id={d.id} field="serialNumber" labelSuffix={sfx} />
              <RecordField
                entity="device"
                id={d.id}
                field="udiRaw"
                labelSuffix={sfx}
                parse={parseBarcode}
                alsoSave={(hri) => fromBarcode(d, hri)}
                hint="scan, or type (01)…(17)…(10)…"
                wide
              />
              <RecordField entity="device" id={d.id} field="probeGtin" labelSuffix={sfx} />
              <RecordField entity="device" id={d.id} field="probeLot" labelSuffix={sfx} />
              {shows(!d.probeLot, d.lotUnreadable) ? <RecordField entity="device" id={d.id} field="lotUnreadable" labelSuffix={sfx} /> : null}
              {shows(d.lotUnreadable === true, d.lotUnreadableReason) ? <RecordField entity="device" id={d.id} field="lotUnreadableReason" labelSuffix={sfx} wide /> : null}
              <RecordField entity="device" id={d.id} field="probeSerial" labelSuffix={sfx} />
              <RecordField entity="device" id={d.id} field="probeExpiry" labelSuffix={sfx} hint="dd/mm/yyyy" />
              <RecordField entity="device" id={d.id} field="probeGauge" labelSuffix={sfx} hint="e.g. 16" />
              <RecordField entity="device" id={d.id} field="probeLengthMm" labelSuffix={sfx} hint="e.g. 100" />
              <RecordField
                entity="device"
                id={d.id}
                field="plannedFreezeS"
                labelSuffix={sfx}
                parse={parseDurationS}
                hint="new freeze cycles start with it"
              />
              <RecordField entity="device" id={d.id} field="gasLot" labelSuffix={sfx} />
              <RecordField entity="device" id={d.id} field="stimulatorModel" labelSuffix={sfx} />
              <RecordField entity="device" id={d.id} field="laBatch" labelSuffix={sfx} />
              <RecordField entity="device" id={d.id} field="laExpiry" labelSuffix={sfx} hint="dd/mm/yyyy" />
            </>
          );
        }}
      />
    </Section>
  );
}
