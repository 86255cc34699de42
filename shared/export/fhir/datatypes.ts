// Small builders for FHIR datatypes, and the one rule that keeps the bundle free of empty
// values: FHIR forbids null, "", [] and {} anywhere, so every resource passes through
// pruneEmpty and builders may leave unrecorded fields undefined.
import { LOCAL, OBSERVATION_CODES, UCUM, UNITS, URI_IDENTIFIER, type ObservationCode, type UnitName } from './codeSystems';
import { urnUuid } from './ids';
import type { Annotation, CodeableConcept, Coding, Identifier, Quantity, Reference } from './types';

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function prune(value: Json): Json {
  if (Array.isArray(value)) return value.map(prune).filter((v) => !isEmpty(v));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) {
      const pruned = prune(v);
      if (!isEmpty(pruned)) out[key] = pruned;
    }
    return out;
  }
  return value;
}

/** A copy without null, undefined, blank strings, non-finite numbers, empty arrays or objects. */
export function pruneEmpty<T extends object>(value: T): T {
  return prune(value as unknown as Json) as unknown as T;
}

/**
 * FHIR dateTime and instant need seconds when a time is given; the record may hold
 * "2026-03-10T09:14+00:00". Dates (YYYY-MM-DD) pass unchanged, offsets are kept as stored.
 */
export function fhirDateTime(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  return iso.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=Z|[+-]\d{2}:\d{2}$)/, '$1:00');
}

export function coding(system: string, code: string | null | undefined, display?: string): Coding | undefined {
  return code ? { system, code, display } : undefined;
}

/** A concept from codings (missing ones dropped) and the words people read. */
export function concept(text: string | undefined, ...codings: (Coding | undefined)[]): CodeableConcept {
  return { coding: codings.filter((c): c is Coding => c !== undefined), text };
}

export const textConcept = (text: string | null | undefined): CodeableConcept | undefined => (text ? { text } : undefined);

export function observationCode(code: ObservationCode, text?: string, ...extra: Coding[]): CodeableConcept {
  return concept(text ?? OBSERVATION_CODES[code], { system: LOCAL.observation, code, display: OBSERVATION_CODES[code] }, ...extra);
}

/** A UCUM quantity, or undefined when nothing was recorded (never a Quantity without a value). */
export function quantity(value: number | null | undefined, unit: UnitName): Quantity | undefined {
  if (value === null || value === undefined || !Number.isFinite(value)) return undefined;
  return { value, unit: UNITS[unit].unit, system: UCUM, code: UNITS[unit].code };
}

/** The identifier CryoLog owns for a resource: its stable uuid as an RFC 3986 URI. */
export function uuidIdentifier(uuid: string): Identifier {
  return { system: URI_IDENTIFIER, value: urnUuid(uuid) };
}

export const ref = (fullUrl: string, display?: string): Reference => ({ reference: fullUrl, display });

export function note(text: string | null | undefined, time?: string): Annotation | undefined {
  return text && text.trim() !== '' ? { text, time: fhirDateTime(time) } : undefined;
}

export const defined = <T>(items: readonly (T | undefined | null)[]): T[] => items.filter((x): x is T => x !== undefined && x !== null);

/**
 * A FHIR search for a token (system|value) in a request URL: FHIR escapes "|", ",", "$" and
 * "\" in a token value with a backslash, then the URL needs percent-encoding ("&" in a hospital
 * number must not end the query). ":" and "/" are legal in a query and kept for readability.
 */
export function tokenSearch(system: string, value: string): string {
  const escape = (s: string) => s.replace(/[\\|,$]/g, (c) => `\\${c}`);
  const encode = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return `identifier=${encode(system)}|${encode(escape(value))}`;
}
