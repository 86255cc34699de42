import { expect } from 'vitest';

// What an error message shown to a clinician must never carry: programmer's words, a stack
// trace, or characters from the request that could garble or reorder the text on screen.
const PROGRAMMER_WORDS = /undefined|\[object |\bNaN\b|SqliteError|SQLITE_|TypeError|RangeError|ZodError|9007199254740991|at .+:\d+:\d+/;
// C0/C1 controls, bidi marks, embeddings, overrides and isolates, zero-width space, BOM, lone
// surrogates (joiners U+200C/U+200D are allowed: emoji and scripts need them).
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;
const MAX_LENGTH = 600;

export function expectReadableByAPerson(message: unknown): void {
  expect(typeof message).toBe('string');
  const text = message as string;
  expect(text.trim(), 'an empty message').not.toBe('');
  expect(text.length, `a message too long to read: ${text.slice(0, 120)}…`).toBeLessThanOrEqual(MAX_LENGTH);
  expect(text, 'a message with programmer’s words or a stack trace').not.toMatch(PROGRAMMER_WORDS);
  expect(text, 'a message with control, bidi or broken characters').not.toMatch(UNSHOWABLE);
}
