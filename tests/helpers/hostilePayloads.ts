// fast-check generators of hostile IPC payloads: what a compromised window, a broken script
// or a doctored file could send. Everything here is synthetic.
import fc from 'fast-check';

export const SQL_FRAGMENTS = [
  "'; DROP TABLE session; --",
  "' OR '1'='1",
  '1; DELETE FROM audit_log',
  "Robert'); DROP TABLE patient;--",
  '" OR ""="',
  "x' UNION SELECT sql FROM sqlite_master --",
  '%',
  '_',
  '\\',
  "ATTACH DATABASE '/tmp/evil.sqlite' AS evil; --",
];

const SPECIAL_TEXT = [
  '\u202Eevil.exe\u202Ctxt', // right-to-left override
  'Ashcombe\u202E',
  '\u2066isolate\u2069',
  'zero\u200Bwidth',
  '\u0000',
  'line\r\nbreak',
  '\u001b[31mred',
  '\u0007\u0008\u007f\u0085',
  '\uD800', // lone high surrogate
  'a\uDC00b', // lone low surrogate
  '👩🏽‍⚕️🧊🇬🇧',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '\\\\server\\share\\..\\..',
  '﷽',
  '',
  ' ',
];

/** Keys that are never a request field: the object-prototype names and garbage. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', ...SQL_FRAGMENTS, ...SPECIAL_TEXT.filter((t) => t.trim() !== '')];

const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));

const hugeString = fc
  .tuple(fc.constantFrom('x', '👩‍⚕️', "'; DROP TABLE session; --", '\u202E', '\u0000'), fc.integer({ min: 10_000, max: 3_000_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS, ...SPECIAL_TEXT),
  fc.string({ unit: char(0, 0x1f) }),
  fc.string({ unit: char(0xd800, 0xdfff) }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  // A valid-looking value with something glued on: an id, a date, a code.
  fc.tuple(fc.constantFrom('51000000-0000-4000-8000-000000000002', '2026-03-10', '2026-03-10T09:20:00.000Z', 'csv', 'patient'), fc.constantFrom(...SQL_FRAGMENTS, ...SPECIAL_TEXT)).map(([a, b]) => a + b),
  hugeString,
);

const hostileNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 1e308, 2 ** 31),
  fc.double(),
  fc.integer(),
);

/** Nested 1000+ levels deep, as objects or arrays, around a hostile leaf. */
export const deeplyNested = fc
  .tuple(fc.integer({ min: 1_000, max: 5_000 }), fc.constantFrom('object', 'array'), fc.constantFrom('a', '__proto__', 'constructor', 'document', 'patch'))
  .map(([depth, kind, key]) => {
    let value: unknown = "'; DROP TABLE session; --";
    for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : ownProps([[key, value]]);
    return value;
  });

/** Objects whose own keys are "__proto__", "constructor", "prototype" (JSON.parse makes real own keys). */
export const prototypeKeyObject = fc.constantFrom(
  '{"__proto__": {"polluted": "yes", "isAdmin": true}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"prototype": {"polluted": "yes"}, "__proto__": null}',
  '{"a": {"__proto__": {"toString": "gotcha"}}}',
  '{"__proto__": [1, 2, 3]}',
).map((text) => JSON.parse(text) as unknown);

/** Any value, hostile or not, that could stand for a whole payload or for one field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false),
  hostileNumber,
  fc.bigInt(),
  hostileString,
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(new Map([['id', 'x']]), new Set([1]), new Uint8Array([0, 1, 2]), new ArrayBuffer(8), /x/),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.array(fc.oneof(hostileNumber, hostileString, prototypeKeyObject), { minLength: 1, maxLength: 10 }),
  fc.jsonValue(),
  prototypeKeyObject,
  deeplyNested,
);

/** A plain object with these own properties: "__proto__" becomes a key, not the prototype. */
function ownProps(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

export function isPlainObjectPayload(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Container = Record<string, unknown> | unknown[];
/** Every place in a JSON value where a field could be replaced, removed or added: [path, key]. */
function places(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; key: string | number }[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [{ path, key }, ...places((value as Record<string | number, unknown>)[key], [...path, key])]);
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function containerAt(root: unknown, path: (string | number)[]): Container {
  let at = root;
  for (const key of path) at = (at as Record<string | number, unknown>)[key];
  return at as Container;
}

function setOwn(container: Container, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface HostilePayload {
  payload: unknown;
  /** True when no schema may accept it (not an object, or an unknown key at the top). */
  alwaysInvalid: boolean;
}

/** Hostile payloads for one channel, many of them close to its valid example request. */
export function hostilePayload(valid: object): fc.Arbitrary<HostilePayload> {
  const spots = places(valid);
  const topKeys = new Set(Object.keys(valid));
  const unknownKey = fc.constantFrom(...HOSTILE_KEYS.filter((k) => !topKeys.has(k)));

  const notAnObject = hostileValue.map((payload) => ({ payload, alwaysInvalid: payload === null || typeof payload !== 'object' || Array.isArray(payload) }));
  const extraKey = fc.tuple(unknownKey, hostileValue).map(([key, value]) => {
    const payload = copy(valid);
    setOwn(payload as Container, key, value);
    return { payload, alwaysInvalid: true };
  });
  const protoJson = prototypeKeyObject.map((extra) => ({ payload: Object.assign(ownProps(Object.entries(extra as object)), copy(valid)), alwaysInvalid: true }));
  const mutation = fc.tuple(fc.nat(), fc.constantFrom('replace', 'remove', 'add-key', 'prototype-key'), hostileValue, unknownKey).map(([n, op, value, key]) => {
    const payload = copy(valid) as Container;
    const spot = spots[n % Math.max(spots.length, 1)];
    if (!spot) return { payload, alwaysInvalid: false };
    const container = containerAt(payload, spot.path);
    if (op === 'replace') setOwn(container, spot.key, value);
    else if (op === 'remove') {
      if (Array.isArray(container)) container.splice(Number(spot.key), 1);
      else delete container[spot.key];
    } else {
      const target = (container as Record<string | number, unknown>)[spot.key];
      const inner = target !== null && typeof target === 'object' ? (target as Container) : container;
      if (op === 'add-key') setOwn(inner, key, value);
      else setOwn(inner, '__proto__', JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    }
    return { payload, alwaysInvalid: false };
  });

  return fc.oneof({ arbitrary: notAnObject, weight: 2 }, { arbitrary: extraKey, weight: 1 }, { arbitrary: protoJson, weight: 1 }, { arbitrary: mutation, weight: 5 });
}
