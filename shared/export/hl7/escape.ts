// HL7 v2 escaping: the one function every piece of data goes through before it is placed
// between delimiters. Delimiters themselves are written by encode.ts and never pass through here.

/** MSH-2: component, repetition, escape and subcomponent characters, in that order. */
export const ENCODING_CHARACTERS = '^~\\&';

const DELIMITER_ESCAPES: Record<string, string> = {
  '\\': '\\E\\',
  '|': '\\F\\',
  '^': '\\S\\',
  '&': '\\T\\',
  '~': '\\R\\',
};

/** A line break as a formatting command (HL7 v2.5.1 chapter 2; formatting commands are defined for FT). */
export const LINE_BREAK = '\\.br\\';

// The segment terminator is CR, so a raw CR or LF inside a field would cut the segment in two.
// Other C0/C1 controls and DEL have no meaning in a note and some engines reject them.
// Bidi embedding/override/isolate marks are dropped too: in another system's display they can
// make a name or a value read backwards.
// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Escapes one data value for any HL7 field, component or subcomponent: the five delimiter
 * characters become escape sequences, every line break (CRLF, CR or LF) becomes `\.br\`, a tab
 * becomes a space, and the remaining control characters are removed.
 */
export function escapeHl7(value: string): string {
  return value
    .replace(/[\\|^&~]/g, (c) => DELIMITER_ESCAPES[c]!)
    .replace(/\r\n|\r|\n/g, LINE_BREAK)
    .replace(/\t/g, ' ')
    .replace(DROPPED, '');
}
