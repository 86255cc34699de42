// Stable ids for the bundle: the same record always gives the same fullUrls and identifiers,
// so a re-sent bundle updates what the first one created instead of duplicating it. They are
// RFC 4122 name-based (version 5) UUIDs of "<row id>/<name>" in a CryoLog namespace, so an
// integration engineer can recompute one with any uuid5 library.
import { utf8Bytes } from './bytes';

/** CryoLog's uuid5 namespace (a fixed random UUID; never change it: ids would all move). */
export const CRYOLOG_UUID_NAMESPACE = '6f0c2d5e-8a41-4b7e-9c3d-2e5f7a1b9c04';

function sha1(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array((((message.length + 8) >> 6) + 1) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  // Message length in bits, big-endian, in the last 8 bytes (the high word is 0 for our sizes).
  for (let i = 0; i < 4; i++) padded[padded.length - 1 - i] = (bitLength >>> (8 * i)) & 0xff;
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Array<number>(80);
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) {
      const o = block + t * 4;
      w[t] = (padded[o]! << 24) | (padded[o + 1]! << 16) | (padded[o + 2]! << 8) | padded[o + 3]!;
    }
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let t = 0; t < 80; t++) {
      const [f, k] = t < 20 ? [(b & c) | (~b & d), 0x5a827999] : t < 40 ? [b ^ c ^ d, 0x6ed9eba1] : t < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const temp = (rotl(a, 5) + f + e + k + w[t]!) | 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, temp];
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  const out = new Uint8Array(20);
  h.forEach((word, i) => {
    for (let j = 0; j < 4; j++) out[i * 4 + j] = (word >>> (24 - 8 * j)) & 0xff;
  });
  return out;
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** RFC 4122 §4.3 name-based UUID (SHA-1, version 5). */
export function uuidV5(namespace: string, name: string): string {
  const ns = uuidBytes(namespace);
  const nameBytes = utf8Bytes(name);
  const input = new Uint8Array(ns.length + nameBytes.length);
  input.set(ns);
  input.set(nameBytes, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The stable id of one resource made from a record row: "<row id>/<name>[/<part>…]". */
export function stableUuid(rowId: string, name: string, ...parts: readonly (string | number)[]): string {
  return uuidV5(CRYOLOG_UUID_NAMESPACE, [rowId, name, ...parts].join('/'));
}

export const urnUuid = (uuid: string): string => `urn:uuid:${uuid}`;
