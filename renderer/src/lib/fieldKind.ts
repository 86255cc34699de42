// What kind of entry a declared field needs, read from its FieldDef (shared/domain/fields.ts):
// the storage kind plus the zod schema. Nothing here lists fields by name, so a field added to
// record.ts gets the right widget without touching the UI.
import { z } from 'zod';
import type { FieldDef } from '../../../shared/domain/fields';
import { ENTITY_DEFS, type EntityName } from '../../../shared/domain/record';

export type FieldKind =
  | { kind: 'code'; options: readonly string[] }
  | { kind: 'codes'; options: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'int'; min: number | null; max: number | null }
  | { kind: 'dec'; min: number | null; max: number | null }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'ref' }
  | { kind: 'text'; multiline: boolean };

export type FieldsOf<E extends EntityName> = (typeof ENTITY_DEFS)[E]['fields'];
export type FieldName<E extends EntityName> = Extract<keyof FieldsOf<E>, string>;

export function fieldDef<E extends EntityName>(entity: E, field: FieldName<E>): FieldDef {
  return (ENTITY_DEFS[entity].fields as Record<string, FieldDef>)[field]!;
}

const cache = new WeakMap<FieldDef, FieldKind>();

export function fieldKind(def: FieldDef): FieldKind {
  const known = cache.get(def);
  if (known) return known;
  const kind = readKind(def);
  cache.set(def, kind);
  return kind;
}

function readKind(def: FieldDef): FieldKind {
  const s = def.schema;
  if (def.storage === 'bool') return { kind: 'bool' };
  if (s instanceof z.ZodEnum) return { kind: 'code', options: s.options as readonly string[] };
  if (s instanceof z.ZodArray && s.element instanceof z.ZodEnum) return { kind: 'codes', options: s.element.options as readonly string[] };
  if (def.storage === 'integer' || def.storage === 'real') {
    const n = s as unknown as { minValue?: number | null; maxValue?: number | null };
    const min = typeof n.minValue === 'number' && Number.isFinite(n.minValue) ? n.minValue : null;
    const max = typeof n.maxValue === 'number' && Number.isFinite(n.maxValue) ? n.maxValue : null;
    return { kind: def.storage === 'integer' ? 'int' : 'dec', min, max };
  }
  if (s instanceof z.ZodISODateTime) return { kind: 'datetime' };
  if (s instanceof z.ZodISODate) return { kind: 'date' };
  if (s instanceof z.ZodUUID) return { kind: 'ref' };
  // Free text: a note takes several lines, a text field one (the schema says which).
  return { kind: 'text', multiline: s.safeParse('a\nb').success };
}

/** The unit a label names in brackets: "Stimulation threshold (mA)" → "mA". */
export function unitOf(label: string): string | null {
  const m = label.match(/\(([^()]+)\)\s*$/);
  if (!m) return null;
  const unit = m[1]!.trim();
  // "(0–10)" and "(two identifiers)" are not units.
  return /^[A-Za-z°%µ]{1,4}$/.test(unit) ? unit : null;
}
