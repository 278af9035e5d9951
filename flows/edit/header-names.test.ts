import { describe, expect, it } from 'vitest';
import { newHeaderName, renameHeader } from './header-names.ts';

const entries: [string, string][] = [
  ['Authorization', 'Bearer {{secret.KEY}}'],
  ['X-Trace', '{{lead_id}}'],
];

describe('renaming a header', () => {
  it('renames one header, trimmed, and keeps the others and the order', () => {
    expect(renameHeader(entries, 1, '  X-Request-Id ')).toEqual({
      ok: true,
      entries: [
        ['Authorization', 'Bearer {{secret.KEY}}'],
        ['X-Request-Id', '{{lead_id}}'],
      ],
    });
  });

  it('refuses a name another header has, whatever its case, so neither is lost', () => {
    expect(renameHeader(entries, 1, 'authorization ')).toEqual({ ok: false, reason: 'taken', name: 'authorization' });
  });

  it('lets a header keep its own name in another case', () => {
    expect(renameHeader(entries, 0, 'AUTHORIZATION')).toEqual({
      ok: true,
      entries: [
        ['AUTHORIZATION', 'Bearer {{secret.KEY}}'],
        ['X-Trace', '{{lead_id}}'],
      ],
    });
  });

  it('refuses a blank name', () => {
    expect(renameHeader(entries, 0, '   ')).toEqual({ ok: false, reason: 'blank' });
  });
});

describe('naming a new header', () => {
  it('takes the first name when it is free, else the next X-Header-n no header has', () => {
    expect(newHeaderName([], 'Authorization')).toBe('Authorization');
    expect(newHeaderName(entries, 'Authorization')).toBe('X-Header-3');
    expect(newHeaderName([...entries, ['x-header-3', '']], 'x-trace')).toBe('X-Header-4');
  });
});
