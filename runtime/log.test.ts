import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { errorName, errorNameAndCode, jsonLogger, redact } from './log.ts';

describe('logs', () => {
  it('writes one JSON line per event', () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    jsonLogger(stream, () => 0).warn('send-retry', { attempts: 2, error: 'http 500 code 131000', skipped: undefined });
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      t: '1970-01-01T00:00:00.000Z',
      level: 'warn',
      event: 'send-retry',
      attempts: 2,
      error: 'http 500 code 131000',
    });
  });

  it('masks numbers and e-mail addresses that reach a log line by mistake, and keeps error codes', () => {
    expect(redact('failed for +55 (11) 91234-5678')).toBe('failed for [number]');
    expect(redact('to 5511912345678 now')).toBe('to [number] now');
    expect(redact('cpf 123.456.789-09')).toBe('cpf [number]');
    expect(redact('mail ana.silva@example.com.br sent')).toBe('mail [email] sent');
    expect(redact('http 400 code 130429/2494055')).toBe('http 400 code 130429/2494055');
    expect(redact('a@b.c@d.e and x@localhost')).toBe('[email]@d.e and x@localhost');
  });

  it('redacts in time linear in the length, even for text built to make pattern matching backtrack', () => {
    // Each of these took minutes with the earlier patterns (quadratic: every start position rescanned the
    // run); the default test timeout is what would catch a return to that.
    const size = 300_000;
    expect(redact('a'.repeat(size))).toHaveLength(size);
    expect(redact(`a@${'b'.repeat(size)}`)).toHaveLength(size + 2);
    expect(redact(`${'x.'.repeat(size / 2)}@`)).toHaveLength(size + 1);
    expect(redact(`1${' ('.repeat(size / 2)}x`)).toHaveLength(size + 2);
    expect(redact(`${'ab@'.repeat(size / 3)}c.d`)).toMatch(/^ab@ab@/);
  });

  it('names an error by its name, or by its name and database code, never by its message', () => {
    const unique = Object.assign(new Error('duplicate key (phone)=(5511912345678)'), { code: '23505' });
    const full = Object.assign(new Error('disk full writing ana@example.com'), {
      name: 'SqliteError',
      code: 'SQLITE_FULL',
    });
    expect([errorName(unique), errorNameAndCode(unique)]).toEqual(['Error', 'Error 23505']);
    expect([errorName(full), errorNameAndCode(full)]).toEqual(['SqliteError', 'SqliteError SQLITE_FULL']);
    expect(errorNameAndCode(Object.assign(new TypeError('x'), { code: 42 }))).toBe('TypeError');
    expect([errorName('a string'), errorNameAndCode(undefined)]).toEqual(['unknown', 'unknown']);
  });
});
