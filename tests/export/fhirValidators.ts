// The two independent R4 validators the FHIR export must satisfy, behind one function:
// - fhir (lantanagroup): StructureDefinition-based; unknown properties are only warnings
//   there, so every error AND every warning counts as a problem;
// - the official HL7 R4 JSON schema (fhir.schema.json, via ajv): catches malformed dates and
//   decimals, wrong types and unknown properties.
import { createRequire } from 'node:module';
import { Fhir, ParseConformance, Versions } from 'fhir';

// __filename works under both runners (vitest's ESM and Playwright's CommonJS); import.meta does not.
const require = createRequire(__filename);

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): { dataPath?: string; message?: string; params?: unknown }[];
}
const SchemaValidatorClass = require('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;

let structureValidator: Fhir | undefined;
let parser: ParseConformance | undefined;
let schemaValidator: SchemaValidator | undefined;

/**
 * The library has no terminology server: for a CodeableConcept bound to a value set it did not
 * load (SNOMED and LOINC ones such as procedure-code or body-site) it warns "not found in value
 * set" for any code at all. Those bindings cannot be checked here, so they are skipped; a code
 * outside a value set the library does hold (every required binding) is still reported.
 */
const uncheckableValueSet = (valueSetUrl: string): boolean => parser?.parsedValueSets[valueSetUrl] === undefined || exampleOnly().has(valueSetUrl);

/**
 * Example bindings carry no conformance rule (FHIR R4 binding strength "example"), but the
 * library warns for any code outside the short sample it holds: SNOMED's plain Left (7771000,
 * domain.md §3.4) is not in BodyStructure.locationQualifier's 12-code sample, no complication
 * is in condition-code's one-code sample, no local tag is in common-tags. Value sets bound
 * only at example strength anywhere in R4 are therefore not code-checked; required,
 * extensible and preferred bindings still are.
 */
let exampleOnlyCache: Set<string> | undefined;
function exampleOnly(): Set<string> {
  if (exampleOnlyCache) return exampleOnlyCache;
  const strengths = new Map<string, Set<string>>();
  interface Prop {
    _valueSet?: string;
    _valueSetStrength?: string;
    _properties?: Prop[];
  }
  const walk = (props: Prop[] | undefined) => {
    for (const p of props ?? []) {
      if (p._valueSet) {
        const url = p._valueSet.split('|')[0]!;
        strengths.set(url, (strengths.get(url) ?? new Set()).add(p._valueSetStrength ?? ''));
      }
      walk(p._properties);
    }
  };
  for (const sd of Object.values(parser!.parsedStructureDefinitions)) walk((sd as { _properties?: Prop[] })._properties);
  exampleOnlyCache = new Set([...strengths].filter(([, s]) => s.size === 1 && s.has('example')).map(([url]) => url));
  return exampleOnlyCache;
}

/** Every complaint of both validators about one resource (a Bundle or any resource), as text. */
export function fhirProblems(resource: object): string[] {
  parser ??= new ParseConformance(true, Versions.R4);
  structureValidator ??= new Fhir(parser);
  schemaValidator ??= new SchemaValidatorClass();
  const problems: string[] = [];
  const structure = structureValidator.validate(resource, { beforeCheckCode: uncheckableValueSet });
  for (const m of structure.messages ?? []) {
    if (m.severity !== 'info') problems.push(`fhir ${m.severity}: ${m.location ?? ''} ${m.message ?? ''}`);
  }
  if (!structure.valid && problems.length === 0) problems.push('fhir: invalid');
  // verbose: the library's short mode rewrites its shared schema object on each failure.
  for (const e of schemaValidator.validate(resource, true)) problems.push(`schema: ${e.dataPath ?? ''} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`);
  return problems;
}
