import type { FieldValues } from './fields';
import { ENTITY_DEFS, type EntityName } from './record';

type DefFields<E extends EntityName> = (typeof ENTITY_DEFS)[E]['fields'];

/** Every field of an entity set to null ("not recorded"): the state of a row just added. */
export function blankFields<E extends EntityName>(entity: E): FieldValues<DefFields<E>> {
  return Object.fromEntries(Object.keys(ENTITY_DEFS[entity].fields).map((k) => [k, null])) as FieldValues<DefFields<E>>;
}
