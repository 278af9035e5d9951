import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt parameters: N = 2^15, r = 8, p = 1 — OWASP's Password Storage Cheat Sheet recommends at
 * least N = 2^17 with r = 8, p = 1, or N = 2^15 with 64 MiB of memory; 32 MiB here keeps a sign-in
 * under ~100 ms on a small server. They are stored with each hash, so they can be raised later.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;

/** `scrypt$N$r$p$salt$hash` (salt and hash in base64): what the store keeps of a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Whether `password` is the one `stored` was made from (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const given = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A password for a new account or a reset: 20 characters from an alphabet without look-alikes
 * (about 100 bits), shown once to the operator, who hands it to the person.
 */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function derive(password: string, salt: Buffer, options: ScryptOptions & { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { ...options, maxmem: 256 * options.N * options.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
