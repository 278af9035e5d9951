import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * The second factor: time-based one-time passwords (RFC 6238) as every authenticator app reads
 * them — SHA-1, 6 digits, 30-second steps — through the otpauth library.
 */
const period = 30;
const digits = 6;

/** A new secret: 20 random bytes, the length RFC 4226 §4 recommends for HMAC-SHA-1. */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

/** The secret as the base32 text people type into an authenticator app by hand. */
export function totpSecretText(secret: Buffer): string {
  return new Secret({ buffer: bufferOf(secret) }).base32;
}

/** The `otpauth://totp/…` address an authenticator app reads from the QR code. */
export function totpUri(secret: Buffer, issuer: string, account: string): string {
  return new TOTP({
    issuer,
    label: account,
    secret: new Secret({ buffer: bufferOf(secret) }),
    period,
    digits,
  }).toString();
}

/**
 * The time step a code was made for, when it is right at `now` or one step either side (a
 * phone's clock a little off, a code typed as it changed); undefined when it is wrong. The
 * caller records the step so that the same code is never accepted twice.
 */
export function totpStep(secret: Buffer, code: string, now: number): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = TOTP.validate({
    token,
    secret: new Secret({ buffer: bufferOf(secret) }),
    period,
    digits,
    timestamp: now,
    window: 1,
  });
  return delta === null ? undefined : TOTP.counter({ period, timestamp: now }) + delta;
}

/** The code for `now` (for tests, which play the authenticator app). */
export function totpCode(secret: Buffer, now: number): string {
  return TOTP.generate({ secret: new Secret({ buffer: bufferOf(secret) }), period, digits, timestamp: now });
}

/** The QR code of `text` as an SVG image (the desk shows it when the second factor is enrolled). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

function bufferOf(bytes: Buffer): ArrayBuffer {
  return Uint8Array.from(bytes).buffer;
}
