import { createHash } from 'node:crypto';

// The audit trail's hash chain: each audit_log row stores prev_hash (the hash of the row
// before it) and hash, computed over its own content and prev_hash. Changing, removing,
// inserting or reordering a row outside CryoLog then breaks the chain at that row or the next.
//
// THE SERIALISATION (version 1). Never change it: every stored hash depends on it; a new rule
// would need a new version tag and a migration. The bytes hashed are, in this order:
//
//   "cryolog-audit-v1\n"
//   then one field for each of: id, at, actor, action, entity, entity_id, session_id, field,
//   old_value, new_value, reason, prev_hash
//
// where a field is "-\n" for SQL NULL, else "<n>:<value>\n" with <value> the column's text in
// UTF-8 (id in decimal digits) and <n> its length in bytes, in decimal. The length prefix makes
// the encoding unambiguous whatever a value contains (newlines, colons, "-"), with no escaping.
// hash = SHA-256 of those bytes, as 64 lowercase hex digits. The first row's prev_hash is
// AUDIT_GENESIS_HASH (64 zeros). IT can recompute it without CryoLog, for example in Python:
//
//   import hashlib, sqlite3
//   def field(v):
//       if v is None: return b'-\n'
//       b = str(v).encode('utf-8'); return str(len(b)).encode() + b':' + b + b'\n'
//   sql = ('SELECT id, at, actor, action, entity, entity_id, session_id, field, old_value,'
//          ' new_value, reason, prev_hash, hash FROM audit_log ORDER BY id')
//   prev = '0' * 64
//   for row in sqlite3.connect('cryolog.sqlite').execute(sql):
//       data = b'cryolog-audit-v1\n' + b''.join(field(v) for v in row[:12])
//       assert row[11] == prev and hashlib.sha256(data).hexdigest() == row[12], row[0]
//       prev = row[12]
//
// An unkeyed hash chain shows edits made with a SQLite tool; it cannot stop someone who knows
// this rule from rewriting the whole chain. `cryolog verify` prints the latest hash so IT can
// note it elsewhere and later check that the trail still leads to it.

export const AUDIT_CHAIN_VERSION = 'cryolog-audit-v1';
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The stored columns that the hash covers (audit_log's names), in the serialisation's order. */
export interface AuditChainContent {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string;
  session_id: string | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
}

function field(value: string | number | null): string {
  if (value === null) return '-\n';
  const text = String(value);
  return `${Buffer.byteLength(text, 'utf8')}:${text}\n`;
}

/** The exact bytes that are hashed (exported so a test can compare it with the documented rule). */
export function auditSerialisation(row: AuditChainContent, prevHash: string): Buffer {
  const text =
    `${AUDIT_CHAIN_VERSION}\n` +
    field(row.id) +
    field(row.at) +
    field(row.actor) +
    field(row.action) +
    field(row.entity) +
    field(row.entity_id) +
    field(row.session_id) +
    field(row.field) +
    field(row.old_value) +
    field(row.new_value) +
    field(row.reason) +
    field(prevHash);
  return Buffer.from(text, 'utf8');
}

export function auditEntryHash(row: AuditChainContent, prevHash: string): string {
  return createHash('sha256').update(auditSerialisation(row, prevHash)).digest('hex');
}
