import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import type { Keyring } from './keyring.ts';

/**
 * The encrypted backup file of `node server.js backup`, format version 1:
 *
 *     header:  "AMANABAK" (8) | version (1) | key id (8) | salt (16) | chunk size (u32 BE) | taken at (u64 BE, ms)
 *     parts:   length (u32 BE) | AES-256-GCM ciphertext (length bytes) | tag (16)   … repeated
 *
 * The file's key is HKDF-SHA256 of the master key with the header's random salt and its own info
 * label (Keyring.backupKey), so no two backups share a key. Part i is sealed with the nonce
 * `0000 || i (u64 BE)` and the additional data `header || final flag (1 byte)`: the header cannot
 * be altered, parts cannot be reordered, dropped or repeated, and a file cut after any part is
 * refused because no part said it was the last (the STREAM construction of Hoang, Reyhanitabar,
 * Rogaway and Vizár, 2015). The key id names the master key the backup was made with, so restoring
 * with another key is refused by name before anything is decrypted.
 */
export const backupMagic = Buffer.from('AMANABAK', 'latin1');
const backupFormatVersion = 1;
const headerLength = 8 + 1 + 8 + 16 + 4 + 8;
const tagLength = 16;
const defaultChunkSize = 1024 * 1024;
const maxChunkSize = 64 * 1024 * 1024;

interface BackupHeader {
  version: number;
  keyId: string;
  salt: Buffer;
  chunkSize: number;
  takenAt: number;
}

type BackupProblem = 'not-a-backup' | 'newer-format' | 'other-key' | 'damaged';

/** The file is not a backup this runtime can restore with this key; `detail` says where. */
export class BackupFileError extends Error {
  constructor(
    readonly problem: BackupProblem,
    readonly detail: string,
    readonly header?: BackupHeader,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'BackupFileError';
  }
}

/** Encrypts the file `source` into the new file `target` (created owner-only; it must not exist). */
export function encryptBackup(
  keyring: Keyring,
  source: string,
  target: string,
  options: { takenAt: number; chunkSize?: number },
): BackupHeader {
  const chunkSize = options.chunkSize ?? defaultChunkSize;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > maxChunkSize)
    throw new RangeError(`a backup part is 1 to ${maxChunkSize} bytes`);
  const header: BackupHeader = {
    version: backupFormatVersion,
    keyId: keyring.keyId,
    salt: randomBytes(16),
    chunkSize,
    takenAt: options.takenAt,
  };
  const headerBytes = encodeHeader(header);
  const key = keyring.backupKey(header.salt);
  return writeFromFile(source, target, (input, create) => {
    const output = create();
    writeAll(output, headerBytes);
    const size = fstatSync(input).size;
    const parts = Math.max(1, Math.ceil(size / chunkSize));
    const buffer = Buffer.alloc(chunkSize);
    for (let index = 0; index < parts; index += 1) {
      const plain = readFully(input, buffer, Math.min(chunkSize, size - index * chunkSize));
      const cipher = createCipheriv('aes-256-gcm', key, nonce(index), { authTagLength: tagLength });
      cipher.setAAD(partAad(headerBytes, index === parts - 1));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      writeAll(output, Buffer.concat([length, body, cipher.getAuthTag()]));
    }
    return header;
  });
}

/** Reads and checks a backup's header without decrypting anything. */
export function readBackupHeader(file: string): BackupHeader {
  const input = openSync(file, 'r');
  try {
    return decodeHeader(readFully(input, Buffer.alloc(headerLength), headerLength));
  } finally {
    closeSync(input);
  }
}

/**
 * Decrypts the backup `source` into the new file `target` (owner-only; it must not exist). On any
 * problem `target` is removed and a {@link BackupFileError} says what is wrong; `source` is only read.
 */
export function decryptBackup(keyring: Keyring, source: string, target: string): BackupHeader {
  return writeFromFile(source, target, (input, create) => {
    const headerBytes = readFully(input, Buffer.alloc(headerLength), headerLength);
    const header = decodeHeader(headerBytes);
    if (header.keyId !== keyring.keyId)
      throw new BackupFileError('other-key', `made with the master key ${header.keyId}`, header);
    const key = keyring.backupKey(header.salt);
    const output = create();
    const lengthBytes = Buffer.alloc(4);
    const buffer = Buffer.alloc(header.chunkSize + tagLength);
    for (let index = 0; ; index += 1) {
      if (readFully(input, lengthBytes, 4).length < 4)
        throw new BackupFileError('damaged', `it ends after part ${index}, before its last part`, header);
      const length = lengthBytes.readUInt32BE(0);
      if (length > header.chunkSize)
        throw new BackupFileError('damaged', `part ${index + 1} has an impossible length`, header);
      const sealed = readFully(input, buffer, length + tagLength);
      if (sealed.length < length + tagLength)
        throw new BackupFileError('damaged', `it ends in the middle of part ${index + 1}`, header);
      const plain = openPart(key, headerBytes, index, sealed, length);
      if (!plain) throw new BackupFileError('damaged', `part ${index + 1} does not authenticate`, header);
      writeAll(output, plain.bytes);
      if (plain.final) break;
    }
    if (readFully(input, lengthBytes, 1).length > 0)
      throw new BackupFileError('damaged', 'there are bytes after its last part', header);
    return header;
  });
}

/**
 * Runs `work` with `source` open for reading and a `create` that makes `target` (owner-only; it
 * must not exist). What `work` wrote is flushed to disk before it returns; if it throws, `target`
 * is removed, so a failed run leaves nothing behind.
 */
function writeFromFile<T>(source: string, target: string, work: (input: number, create: () => number) => T): T {
  const input = openSync(source, 'r');
  let output: number | undefined;
  try {
    const result = work(input, () => (output = openSync(target, 'wx', 0o600)));
    if (output !== undefined) fsyncSync(output);
    return result;
  } catch (error) {
    if (output !== undefined) {
      closeSync(output);
      output = undefined;
      unlinkSync(target);
    }
    throw error;
  } finally {
    closeSync(input);
    if (output !== undefined) closeSync(output);
  }
}

/** Opens part `index` as a final part or as an inner one: whichever authenticates. */
function openPart(
  key: Buffer,
  headerBytes: Buffer,
  index: number,
  sealed: Buffer,
  length: number,
): { bytes: Buffer; final: boolean } | undefined {
  for (const final of [false, true]) {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(index), { authTagLength: tagLength });
    decipher.setAAD(partAad(headerBytes, final));
    decipher.setAuthTag(sealed.subarray(length, length + tagLength));
    try {
      return { bytes: Buffer.concat([decipher.update(sealed.subarray(0, length)), decipher.final()]), final };
    } catch {
      // Not this flag (or not authentic at all): try the other one.
    }
  }
  return undefined;
}

function encodeHeader(header: BackupHeader): Buffer {
  const bytes = Buffer.alloc(headerLength);
  backupMagic.copy(bytes, 0);
  bytes.writeUInt8(header.version, 8);
  Buffer.from(header.keyId, 'hex').copy(bytes, 9);
  header.salt.copy(bytes, 17);
  bytes.writeUInt32BE(header.chunkSize, 33);
  bytes.writeBigUInt64BE(BigInt(header.takenAt), 37);
  return bytes;
}

function decodeHeader(bytes: Buffer): BackupHeader {
  if (bytes.length < headerLength || !bytes.subarray(0, 8).equals(backupMagic))
    throw new BackupFileError('not-a-backup', 'it does not start as an Amana backup');
  const version = bytes.readUInt8(8);
  if (version !== backupFormatVersion)
    throw new BackupFileError('newer-format', `it is format ${version}; this runtime reads ${backupFormatVersion}`);
  const chunkSize = bytes.readUInt32BE(33);
  if (chunkSize < 1 || chunkSize > maxChunkSize) throw new BackupFileError('damaged', 'its header is damaged');
  return {
    version,
    keyId: bytes.subarray(9, 17).toString('hex'),
    salt: Buffer.from(bytes.subarray(17, 33)),
    chunkSize,
    takenAt: Number(bytes.readBigUInt64BE(37)),
  };
}

function nonce(index: number): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeBigUInt64BE(BigInt(index), 4);
  return bytes;
}

function partAad(headerBytes: Buffer, final: boolean): Buffer {
  return Buffer.concat([headerBytes, Buffer.of(final ? 1 : 0)]);
}

/** Reads up to `length` bytes (fewer only at the end of the file) into the start of `buffer`. */
function readFully(fd: number, buffer: Buffer, length: number): Buffer {
  let read = 0;
  while (read < length) {
    const count = readSync(fd, buffer, read, length - read, null);
    if (count === 0) break;
    read += count;
  }
  return buffer.subarray(0, read);
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}
