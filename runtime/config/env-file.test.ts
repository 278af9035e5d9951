import { describe, expect, it } from 'vitest';
import { parseEnvFile } from './env-file.ts';

describe('parseEnvFile', () => {
  it('reads NAME=value lines with export, quotes, escapes and comments', () => {
    const parsed = parseEnvFile(
      [
        '# a comment',
        '',
        'PORT=3000',
        'export HOST=127.0.0.1',
        "SECRET='a # b \\n'",
        'TOKEN="line\\none"   # note',
        'PLAIN=value with spaces # trailing comment',
        'EMPTY=',
      ].join('\r\n'),
    );
    expect(parsed).toEqual({
      values: {
        PORT: '3000',
        HOST: '127.0.0.1',
        SECRET: 'a # b \\n',
        TOKEN: 'line\none',
        PLAIN: 'value with spaces',
        EMPTY: '',
      },
      badLines: [],
    });
  });

  it('names the lines it cannot read and still reads the others', () => {
    expect(parseEnvFile('A=1\nnot a setting\n1X=2\nC=3')).toEqual({
      values: { A: '1', C: '3' },
      badLines: [2, 3],
    });
  });
});
