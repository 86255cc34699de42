// A small vocabulary for declaring the record's fields once: each declaration gives the zod
// schema the IPC boundary enforces, the label people read in messages, and the storage kind
// the data layer maps to a SQLite column. Bounds here are storage bounds (what can be saved at
// all); clinical plausibility is the rules engine's job, because a draft must always save.
import { z } from 'zod';

export type Storage = 'text' | 'integer' | 'real' | 'bool' | 'json';

export interface FieldDef<S extends z.ZodType = z.ZodType> {
  label: string;
  storage: Storage;
  schema: S;
}

// C0 control characters other than tab and newline, and DEL: never typed on purpose, and they
// break exports (HL7 and CSV especially). Pasted text containing them is refused with a message.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function safeText(max: number, multiline: boolean) {
  return z
    .string()
    .max(max, `That is longer than the ${max.toLocaleString('en-GB')} characters this field takes. Shorten it (or attach a document instead).`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'The text contains invisible control characters (often from a paste). Retype it.')
    .refine((s) => multiline || !/[\r\n]/.test(s), 'This field takes one line.');
}

export const f = {
  /** One line of text. */
  text: (label: string, max = 200): FieldDef<z.ZodString> => ({ label, storage: 'text', schema: safeText(max, false) as unknown as z.ZodString }),
  /** Free text over several lines. */
  note: (label: string, max = 10_000): FieldDef<z.ZodString> => ({ label, storage: 'text', schema: safeText(max, true) as unknown as z.ZodString }),
  int: (label: string, min: number, max: number): FieldDef<z.ZodNumber> => ({ label, storage: 'integer', schema: z.int().min(min).max(max) }),
  dec: (label: string, min: number, max: number): FieldDef<z.ZodNumber> => ({ label, storage: 'real', schema: z.number().min(min).max(max) }),
  bool: (label: string): FieldDef<z.ZodBoolean> => ({ label, storage: 'bool', schema: z.boolean() }),
  date: (label: string): FieldDef<z.ZodISODate> => ({ label, storage: 'text', schema: z.iso.date() }),
  datetime: (label: string): FieldDef<z.ZodISODateTime> => ({ label, storage: 'text', schema: z.iso.datetime({ offset: true }) }),
  code: <const V extends readonly [string, ...string[]]>(label: string, values: V) => ({
    label,
    storage: 'text' as const,
    schema: z.enum(values),
  }),
  codes: <const V extends readonly [string, ...string[]]>(label: string, values: V) => ({
    label,
    storage: 'json' as const,
    schema: z.array(z.enum(values)).max(values.length),
  }),
  /** The id of another row of the same session (e.g. the device a target used). */
  ref: (label: string): FieldDef<z.ZodUUID> => ({ label, storage: 'text', schema: z.uuid() }),
};

export type Fields = Record<string, FieldDef>;

/** The values of a set of fields: each may be null (not recorded). */
export type FieldValues<F extends Fields> = { [K in keyof F]: z.output<F[K]['schema']> | null };

type NullableShape<F extends Fields> = { [K in keyof F]: z.ZodNullable<F[K]['schema']> };

/** A strict zod object of the fields, each nullable. */
export function fieldsObject<F extends Fields>(fields: F): z.ZodObject<NullableShape<F>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, def] of Object.entries(fields)) shape[key] = def.schema.nullable();
  return z.strictObject(shape) as unknown as z.ZodObject<NullableShape<F>, z.core.$strict>;
}

/** camelCase field name → snake_case column name (fields are ours; nothing user-supplied). */
export function columnName(field: string): string {
  return field.replace(/[A-Z0-9]+/g, (m) => `_${m.toLowerCase()}`);
}
