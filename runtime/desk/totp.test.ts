import { describe, expect, it } from 'vitest';
import { newTotpSecret, qrSvg, totpCode, totpSecretText, totpStep, totpUri } from './totp.ts';

describe('desk second factor (TOTP, RFC 6238)', () => {
  // RFC 6238 appendix B: the SHA-1 test key "12345678901234567890"; 6-digit codes are the last six digits.
  const rfcKey = Buffer.from('12345678901234567890');

  it('makes the RFC 6238 test vectors', () => {
    expect(totpCode(rfcKey, 59_000)).toBe('287082');
    expect(totpCode(rfcKey, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(rfcKey, 2_000_000_000_000)).toBe('279037');
  });

  it('accepts a code one step either side and says which step it was for', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(totpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, now - 90_000), now)).toBeUndefined();
    expect(totpStep(secret, ' 12 34 ', now)).toBeUndefined();
  });

  it('gives the authenticator app the secret as base32 text and an otpauth address', () => {
    const secret = newTotpSecret();
    expect(secret).toHaveLength(20);
    expect(totpSecretText(secret)).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'Amana Loja', 'Ana Souza'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(totpSecretText(secret));
    expect(uri.searchParams.get('period')).toBe('30');
    expect(uri.searchParams.get('digits')).toBe('6');
  });

  it('draws the QR code as an SVG image', async () => {
    const svg = await qrSvg('otpauth://totp/x?secret=AAAA');
    expect(svg).toMatch(/^<svg [^>]*viewBox=/);
    expect(svg).not.toMatch(/<script/i);
  });
});
