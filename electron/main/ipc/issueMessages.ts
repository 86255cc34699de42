import type { z } from 'zod';

// The words of a refused request. zod's own English ("Invalid input: expected number, received
// undefined", "Unrecognized key: "…"") is for programmers, and echoes what was sent: a key a
// megabyte long, or one with a right-to-left override that reorders the message on screen.
// Messages a schema writes itself ('Type your name.') win over these (zod's precedence).

type Issue = z.core.$ZodRawIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'yes or no',
  object: 'a set of fields',
  array: 'a list',
  date: 'a date',
  null: 'empty',
};

const FORMAT_WORDS: Record<string, string> = {
  uuid: 'a record id',
  datetime: 'a date and time',
  date: 'a date',
  time: 'a time',
};

/** "familyName" → "family name": the field the issue is about, or "the request" for the whole. */
function fieldOf(issue: Issue): string {
  const key = [...(issue.path ?? [])].reverse().find((k): k is string => typeof k === 'string' && /^[A-Za-z][A-Za-z0-9]{0,59}$/.test(k));
  return key ? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase() : 'the request';
}

const isHuge = (limit: unknown) => typeof limit !== 'number' || Math.abs(limit) >= Number.MAX_SAFE_INTEGER;

/** A zod error map: a short sentence naming the field, never the value sent. */
export const plainIssueMessage = (issue: Issue): string => {
  const sentence = plainSentence(issue);
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
};

function plainSentence(issue: Issue): string {
  const field = fieldOf(issue);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return field === 'the request' ? 'the request is empty' : `${field} is missing`;
      return `${field} should be ${TYPE_WORDS[issue.expected] ?? 'something else'}`;
    case 'too_big':
      if (issue.origin === 'string') return `${field} is too long (at most ${issue.maximum} characters)`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} has too many entries (at most ${issue.maximum})`;
      if (isHuge(issue.maximum)) return `${field} is too large`;
      return `${field} must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${field} is empty` : `${field} is too short (at least ${issue.minimum} characters)`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} needs at least ${issue.minimum} entries`;
      if (isHuge(issue.minimum)) return `${field} is too small`;
      return `${field} must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'invalid_format':
      return `${field} is not ${FORMAT_WORDS[issue.format] ?? 'in the expected form'}`;
    case 'not_multiple_of':
      return `${field} must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `${field} has ${issue.keys.length === 1 ? 'a field' : 'fields'} CryoLog does not know`;
    case 'invalid_value':
    case 'invalid_union':
      return `${field} is not one of the allowed choices`;
    default:
      return `${field} is not valid`;
  }
}

// C0 and C1 controls, bidi marks, embeddings, overrides and isolates, zero-width space, BOM,
// and halves of a surrogate pair. Joiners (U+200C, U+200D) stay: emoji and scripts need them.
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu;
const MAX_MESSAGE = 300;

/** A message safe to put on screen: a schema's own message may quote what was typed (a preset label). */
export function showable(message: string): string {
  // Line breaks become spaces; anything else unshowable a visible � (something was there).
  const clean = message.replace(/\s+/g, ' ').replace(UNSHOWABLE, '\uFFFD').trim();
  const chars = [...clean]; // by code point: a cut never splits an emoji's surrogate pair
  return chars.length > MAX_MESSAGE ? `${chars.slice(0, MAX_MESSAGE - 1).join('')}…` : clean;
}
