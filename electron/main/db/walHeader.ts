// Reading what SQLite keeps beside the database without letting SQLite touch it: the 32-byte
// header of the -wal file and the session stamp in the database header. Layouts from
// https://www.sqlite.org/fileformat2.html (§1.3 the database header, §4.1 the WAL header).
import fs from 'node:fs';

export interface WalHeader {
  /** Incremented by one each time SQLite restarts the log; random for a new -wal file. */
  salt1: number;
  salt2: number;
  pageSize: number;
}

const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_HEADER_BYTES = 32;

/** The first `length` bytes of a file (fewer if it is shorter), or null if it does not exist. */
export function readStart(file: string, length: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

export type WalState =
  | { kind: 'absent' }
  /** Shorter than a header or all zeros: SQLite treats it as an empty log (a checkpointed or never-written one). */
  | { kind: 'empty' }
  /** Bytes that are not a valid WAL header (wrong magic or checksum): not a log SQLite will use. */
  | { kind: 'invalid' }
  | { kind: 'valid'; header: WalHeader };

export function readWalState(walFile: string): WalState {
  const bytes = readStart(walFile, WAL_HEADER_BYTES);
  if (bytes === null) return { kind: 'absent' };
  if (bytes.length < WAL_HEADER_BYTES || bytes.every((b) => b === 0)) return { kind: 'empty' };
  const magic = bytes.readUInt32BE(0);
  if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return { kind: 'invalid' };
  const [c0, c1] = walChecksum(bytes.subarray(0, 24), magic === WAL_MAGIC_BE);
  if (c0 !== bytes.readUInt32BE(24) || c1 !== bytes.readUInt32BE(28)) return { kind: 'invalid' };
  return { kind: 'valid', header: { pageSize: bytes.readUInt32BE(8), salt1: bytes.readUInt32BE(16), salt2: bytes.readUInt32BE(20) } };
}

/** SQLite's WAL checksum (fileformat2 §4.3): Fibonacci-weighted sums of 32-bit words, modulo 2^32. */
function walChecksum(data: Buffer, bigEndian: boolean): [number, number] {
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export interface DatabaseHeader {
  /** The "application ID" field (offset 68), where CryoLog keeps its session stamp. */
  stamp: number;
  /** Offsets 18-19: 2 = WAL mode, 1 = a rollback-journal file (a backup copy, or one made by another tool). */
  walMode: boolean;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The header of a database file, or null when there is none (missing, empty, or not an SQLite file). */
export function readDatabaseHeader(file: string): DatabaseHeader | null {
  const bytes = readStart(file, 100);
  if (!bytes || bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return null;
  return { stamp: bytes.readUInt32BE(68), walMode: bytes[18] === 2 && bytes[19] === 2 };
}

const WAL_FRAME_HEADER_BYTES = 24;

/**
 * Whether the log holds a committed transaction: a frame of this log's salts whose header gives
 * the database size after a commit (fileformat2 §4.1; non-zero only on a transaction's last
 * frame). A log with none, say the pages a large transaction spilled before CryoLog was stopped
 * inside it, changes nothing when SQLite opens the file: recovery keeps committed frames only.
 * Frame checksums are not verified: a frame that merely looks committed counts as committed,
 * which errs on the side of refusing the log.
 */
export function walHasCommit(walFile: string, header: WalHeader): boolean {
  const fd = fs.openSync(walFile, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const frame = Buffer.alloc(WAL_FRAME_HEADER_BYTES);
    for (let at = WAL_HEADER_BYTES; at + WAL_FRAME_HEADER_BYTES + header.pageSize <= size; at += WAL_FRAME_HEADER_BYTES + header.pageSize) {
      if (fs.readSync(fd, frame, 0, WAL_FRAME_HEADER_BYTES, at) < WAL_FRAME_HEADER_BYTES) return false;
      if (frame.readUInt32BE(8) !== header.salt1 || frame.readUInt32BE(12) !== header.salt2) return false; // the rest is an older log's
      if (frame.readUInt32BE(4) !== 0) return true;
    }
    return false;
  } finally {
    fs.closeSync(fd);
  }
}
