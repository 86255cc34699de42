// GS1 barcodes on probe packaging (domain.md §2.8): GTIN (01), expiry (17), lot (10) and
// serial (21). A keyboard-wedge scanner types the barcode into a field, either as the
// human-readable form "(01)…(17)…(10)…" or as the raw element string, where variable-length
// fields end at a group separator (ASCII 29, "FNC1") that many scanners send as Ctrl+] and
// some configure as another character. Both are read here; nothing else is guessed.

export interface Gs1Data {
  gtin: string | null;
  /** ISO date; "00" as the day means the last day of that month (GS1 General Specifications). */
  expiry: string | null;
  lot: string | null;
  serial: string | null;
  /** The same data in human-readable form, safe to store and to print. */
  hri: string;
}

export type Gs1Parse = { ok: true; data: Gs1Data } | { ok: false; message: string };

const FIXED: Record<string, number> = { '01': 14, '11': 6, '17': 6 };
const VARIABLE: Record<string, number> = { '10': 20, '21': 20 };
const KNOWN = new Set([...Object.keys(FIXED), ...Object.keys(VARIABLE)]);
const GS = '\u001d';

/** GS1 mod-10 check digit over all digits but the last. */
export function isValidGtin(gtin: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(gtin)) return false;
  const digits = gtin.padStart(14, '0').split('').map(Number);
  const sum = digits.slice(0, 13).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === digits[13];
}

function expiryToIso(yymmdd: string): string | null {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) return null;
  // Two-digit years: 2000–2099. Probe packs carry expiry dates a few years ahead at most.
  const year = 2000 + yy;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd === 0) dd = lastDay;
  if (dd > lastDay) return null;
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function elementsFromHri(text: string): [string, string][] | null {
  const parts = [...text.matchAll(/\((\d{2,4})\)([^()]*)/g)];
  if (parts.length === 0 || parts.map((m) => m[0]).join('') !== text) return null;
  return parts.map((m) => [m[1]!, m[2]!]);
}

function elementsFromRaw(text: string): [string, string][] | string {
  const out: [string, string][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === GS) {
      i++;
      continue;
    }
    const ai = text.slice(i, i + 2);
    if (!KNOWN.has(ai)) return `unknown application identifier "${ai}" at position ${i + 1}`;
    i += 2;
    if (FIXED[ai]) {
      out.push([ai, text.slice(i, i + FIXED[ai])]);
      i += FIXED[ai];
    } else {
      const end = text.indexOf(GS, i);
      const value = end === -1 ? text.slice(i) : text.slice(i, end);
      out.push([ai, value]);
      i += value.length;
    }
  }
  return out;
}

/**
 * Reads a scanned GS1 element string. `separator` is what this scanner sends for FNC1 when it
 * cannot send ASCII 29 (configurable per site); symbology prefixes such as "]d2" are dropped.
 */
export function parseGs1(input: string, separator = GS): Gs1Parse {
  let text = input.trim().replace(/^\](C1|d2|Q3|e0)/, '');
  if (separator !== GS) text = text.split(separator).join(GS);
  if (text === '') return { ok: false, message: 'Nothing was scanned. Scan the barcode on the probe packet again.' };
  const elements = text.startsWith('(') ? elementsFromHri(text) : elementsFromRaw(text);
  if (elements === null) return { ok: false, message: 'The barcode text is not in GS1 form, e.g. (01)…(17)…(10)…. Scan it again or type the lot by hand.' };
  if (typeof elements === 'string') return { ok: false, message: `The barcode could not be read (${elements}). Scan it again or type the lot by hand.` };

  const data: Gs1Data = { gtin: null, expiry: null, lot: null, serial: null, hri: '' };
  for (const [ai, value] of elements) {
    if (ai === '01') {
      if (!/^\d{14}$/.test(value)) return { ok: false, message: 'The product code (01) must be 14 digits. Scan it again.' };
      if (!isValidGtin(value)) return { ok: false, message: 'The product code (01) fails its check digit: the scan is probably incomplete. Scan it again.' };
      data.gtin = value;
    } else if (ai === '17') {
      const iso = /^\d{6}$/.test(value) ? expiryToIso(value) : null;
      if (!iso) return { ok: false, message: `The expiry (17) "${value}" is not a date (YYMMDD). Scan it again.` };
      data.expiry = iso;
    } else if (ai === '10' || ai === '21') {
      if (value.length === 0 || value.length > VARIABLE[ai]!) {
        return { ok: false, message: `The ${ai === '10' ? 'lot (10)' : 'serial (21)'} must be 1 to 20 characters. Scan it again.` };
      }
      if (ai === '10') data.lot = value;
      else data.serial = value;
    }
  }
  data.hri = elements.map(([ai, value]) => `(${ai})${value}`).join('');
  return { ok: true, data };
}
