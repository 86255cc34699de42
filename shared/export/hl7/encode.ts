// Writing segments: data goes in as plain strings and is escaped here, at the leaves, while the
// delimiters (| ~ ^) are added only by the structure. So no value can be written unescaped
// and no delimiter can be escaped by mistake.
import { ENCODING_CHARACTERS, escapeHl7 } from './escape';

/** A plain data value; null and undefined are written as empty. */
export type Leaf = string | null | undefined;
/** A field made of components (e.g. XPN family^given). No field CryoLog writes needs subcomponents. */
export interface Components {
  components: Leaf[];
}
/** A repeating field (e.g. PID-3, one repetition per identifier). */
export interface Repetitions {
  repeats: (Leaf | Components)[];
}
export type Field = Leaf | Components | Repetitions;

export const components = (...parts: Leaf[]): Components => ({ components: parts });
export const repeats = (...parts: (Leaf | Components)[]): Repetitions => ({ repeats: parts });

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

/** Empty trailing parts are left off, as HL7 allows, so the message stays readable. */
function joinTrimmed(parts: string[], delimiter: string): string {
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end--;
  return parts.slice(0, end).join(delimiter);
}

const leaf = (value: Leaf): string => (value == null ? '' : escapeHl7(value));

function encodeComponents(field: Leaf | Components): string {
  return typeof field === 'object' && field !== null ? joinTrimmed(field.components.map(leaf), '^') : leaf(field);
}

export function encodeField(field: Field): string {
  if (typeof field === 'object' && field !== null && 'repeats' in field) {
    // Empty repetitions are dropped: "~x" would read as a blank first identifier.
    return field.repeats.map(encodeComponents).filter((r) => r !== '').join('~');
  }
  return encodeComponents(field);
}

/** One segment: its name, then fields 1..n (index 0 of `fields` is field 1). */
export function segment(name: string, fields: Field[]): string {
  if (!SEGMENT_NAME.test(name) || name === 'MSH') throw new Error(`Not a segment name for segment(): ${name}`);
  return joinTrimmed([name, ...fields.map(encodeField)], '|');
}

/**
 * The MSH segment: MSH-1 is the field separator itself and MSH-2 the encoding characters, both
 * written literally; `fields` starts at MSH-3.
 */
export function mshSegment(fieldsFrom3: Field[]): string {
  return joinTrimmed([`MSH|${ENCODING_CHARACTERS}`, ...fieldsFrom3.map(encodeField)], '|');
}

/** Segments terminated by CR, the HL7 segment terminator (LF or CRLF are not conformant). */
export function message(segments: string[]): string {
  return segments.map((s) => `${s}\r`).join('');
}
