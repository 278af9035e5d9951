import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupMagic, BackupFileError, decryptBackup, encryptBackup, readBackupHeader } from './backup-file.ts';
import { Keyring } from './keyring.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'amana-backup-file-'));
const keyring = new Keyring(randomBytes(32));

/** Writes `content` as a file, encrypts it in parts of `chunkSize`, returns the paths. */
function encrypted(content: Buffer, chunkSize: number) {
  const dir = folder();
  const source = join(dir, 'source.db');
  const backup = join(dir, 'backup.amana');
  writeFileSync(source, content);
  const header = encryptBackup(keyring, source, backup, { takenAt: 1_700_000_000_123, chunkSize });
  return { dir, source, backup, header };
}

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BackupFileError) return error.problem;
    throw error;
  }
  return 'none';
}

describe('backup file format', () => {
  it('round-trips files of every size around the part size, owner-only, with its header readable', () => {
    for (const size of [0, 1, 99, 100, 101, 250, 1000]) {
      const content = randomBytes(size);
      const { dir, backup, header } = encrypted(content, 100);
      expect(readFileSync(backup).subarray(0, 8)).toEqual(backupMagic);
      expect(readBackupHeader(backup)).toEqual(header);
      expect(header).toMatchObject({ version: 1, keyId: keyring.keyId, chunkSize: 100, takenAt: 1_700_000_000_123 });
      expect(statSync(backup).mode & 0o077).toBe(0);
      const restored = join(dir, 'restored.db');
      decryptBackup(keyring, backup, restored);
      expect(readFileSync(restored)).toEqual(content);
      // Header, then per part: length, ciphertext, tag.
      const parts = Math.max(1, Math.ceil(size / 100));
      expect(statSync(backup).size).toBe(45 + parts * 20 + size);
    }
  });

  it('holds no plaintext: a recognisable content does not appear in the file', () => {
    const content = Buffer.from('canary-5511955550000 '.repeat(50));
    const { backup } = encrypted(content, 64);
    expect(readFileSync(backup).includes(Buffer.from('canary'))).toBe(false);
  });

  it('uses a fresh salt, hence a fresh key, for every backup', () => {
    const content = randomBytes(300);
    const first = encrypted(content, 100);
    const second = encrypted(content, 100);
    expect(first.header.salt.equals(second.header.salt)).toBe(false);
    expect(readFileSync(first.backup).subarray(45).equals(readFileSync(second.backup).subarray(45))).toBe(false);
  });

  it('refuses another master key by its id, before decrypting, and leaves no output', () => {
    const { dir, backup } = encrypted(randomBytes(300), 100);
    const other = new Keyring(randomBytes(32));
    const target = join(dir, 'out.db');
    expect(problemOf(() => decryptBackup(other, backup, target))).toBe('other-key');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a cut, altered, reordered or extended file and leaves no output', () => {
    const { dir, backup } = encrypted(randomBytes(350), 100);
    const bytes = readFileSync(backup);
    const partLength = 4 + 100 + 16;
    const variants: Record<string, Buffer> = {
      'cut after a whole part': bytes.subarray(0, 45 + partLength),
      'cut mid part': bytes.subarray(0, bytes.length - 7),
      'last part dropped': bytes.subarray(0, 45 + 3 * partLength),
      'a ciphertext byte flipped': flip(bytes, 45 + partLength + 10),
      'a tag byte flipped': flip(bytes, bytes.length - 1),
      'the header timestamp changed': flip(bytes, 44),
      'parts swapped': Buffer.concat([
        bytes.subarray(0, 45),
        bytes.subarray(45 + partLength, 45 + 2 * partLength),
        bytes.subarray(45, 45 + partLength),
        bytes.subarray(45 + 2 * partLength),
      ]),
      'bytes appended': Buffer.concat([bytes, Buffer.from('x')]),
    };
    for (const [name, variant] of Object.entries(variants)) {
      const file = join(dir, `variant.amana`);
      writeFileSync(file, variant);
      const target = join(dir, 'out.db');
      expect(
        problemOf(() => decryptBackup(keyring, file, target)),
        name,
      ).toBe('damaged');
      expect(existsSync(target), name).toBe(false);
    }
  });

  it('says when a file is not a backup at all, or of a newer format', () => {
    const dir = folder();
    const notBackup = join(dir, 'amana.db');
    writeFileSync(notBackup, 'SQLite format 3\0 and more bytes than a header holds.......');
    expect(problemOf(() => readBackupHeader(notBackup))).toBe('not-a-backup');
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    expect(problemOf(() => readBackupHeader(empty))).toBe('not-a-backup');
    const { backup } = encrypted(randomBytes(10), 100);
    const newer = Buffer.from(readFileSync(backup));
    newer[8] = 2;
    writeFileSync(backup, newer);
    expect(problemOf(() => readBackupHeader(backup))).toBe('newer-format');
  });

  it('never overwrites an existing file', () => {
    const { dir, source, backup } = encrypted(randomBytes(10), 100);
    expect(() => encryptBackup(keyring, source, backup, { takenAt: 0 })).toThrow(/EEXIST/);
    const existing = join(dir, 'existing.db');
    writeFileSync(existing, 'keep me');
    expect(() => decryptBackup(keyring, backup, existing)).toThrow(/EEXIST/);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });
});

function flip(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ 1;
  return copy;
}
