import { describe, expect, it } from 'vitest';
import { sameSecret, signatureFor, verifySignature } from './signature.ts';

describe('webhook signature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('accepts Meta’s header for the exact bytes, upper or lower case hex', () => {
    const header = signatureFor(body, 'secret');
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(body, header, 'secret')).toBe(true);
    expect(verifySignature(body, header.toUpperCase().replace('SHA256=', 'sha256='), 'secret')).toBe(true);
  });

  it('refuses a missing, malformed or wrong signature, another secret, and other bytes', () => {
    const header = signatureFor(body, 'secret');
    expect(verifySignature(body, undefined, 'secret')).toBe(false);
    expect(verifySignature(body, '', 'secret')).toBe(false);
    expect(verifySignature(body, header.slice(0, -1), 'secret')).toBe(false);
    expect(verifySignature(body, header.replace('sha256', 'sha1'), 'secret')).toBe(false);
    expect(verifySignature(body, header, 'other')).toBe(false);
    expect(verifySignature(Buffer.concat([body, Buffer.from(' ')]), header, 'secret')).toBe(false);
  });

  it('compares secrets of any length', () => {
    expect(sameSecret('token', 'token')).toBe(true);
    expect(sameSecret('token', 'token2')).toBe(false);
    expect(sameSecret('', 'token')).toBe(false);
  });
});
