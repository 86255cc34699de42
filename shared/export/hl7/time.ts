// HL7 v2.5.1 TS/DTM values from the record's ISO 8601 strings. Times keep the local clock time
// and offset they were recorded with (no conversion to UTC), as YYYYMMDDHHMMSS+ZZZZ.

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-10T09:10:00+00:00" → "20260310091000+0000"; null stays empty. */
export function hl7DateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE_TIME.exec(iso);
  // The record's schemas only let valid ISO date-times in, so anything else is a bug upstream.
  if (!m) throw new Error(`Not an ISO date-time with an offset: ${iso}`);
  const [, y, mo, d, h, mi, s = '00', zone] = m;
  const offset = zone === 'Z' ? '+0000' : zone!.replace(':', '');
  return `${y}${mo}${d}${h}${mi}${s}${offset}`;
}

/** "1963-07-19" → "19630719"; null stays empty. */
export function hl7Date(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return `${m[1]}${m[2]}${m[3]}`;
}
