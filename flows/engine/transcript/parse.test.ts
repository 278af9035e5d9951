import { describe, expect, it } from 'vitest';
import { parseTranscript } from './parse.ts';

const minimal = { tests: [{ name: 'greets', turns: [{ expect: { says: 'Olá' } }] }] };

function problems(input: unknown, language: 'en' | 'pt-BR' | 'ar' = 'en') {
  const result = parseTranscript(input, language);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseTranscript', () => {
  it('reads a minimal transcript, from text or a value, with or without the format marker', () => {
    expect(parseTranscript(JSON.stringify(minimal))).toEqual({ ok: true, transcript: minimal });
    const marked = { format: 'amana.transcript', version: 1, flow: 'x.flow.json', ...minimal };
    expect(parseTranscript(marked)).toEqual({ ok: true, transcript: marked });
  });

  it('explains files that are not transcripts', () => {
    expect(problems('{"tests": [')[0]?.message).toMatch(/^The file is not valid JSON: /);
    expect(problems([])).toEqual([
      { path: '$', message: 'A transcript file must contain a JSON object with "tests".' },
    ]);
    expect(problems({ ...minimal, format: 'amana.flow' })).toEqual([
      { path: '$.format', message: '"format" must be "amana.transcript".' },
    ]);
    expect(problems({ ...minimal, version: 2 })[0]?.message).toContain('newer version of Amana (version 2)');
  });

  it('points at each mistake with its JSON path', () => {
    expect(
      problems({
        tests: [
          {
            name: 'x',
            turns: [{ user: 'oi', expect: { says: 5, matches: '(', colected: {} } }, { user: 2 }],
          },
          { name: '  ', turns: [] },
        ],
      }),
    ).toEqual([
      { path: '$.tests[0].turns[0].expect.says', message: '"says" should be a text or a list.' },
      { path: '$.tests[0].turns[0].expect.matches', message: '"(" is not a valid regular expression.' },
      {
        path: '$.tests[0].turns[0].expect.colected',
        message: '"colected" is not a field of a transcript here. Check the spelling, or remove it.',
      },
      { path: '$.tests[0].turns[1].user', message: '"user" should be a text.' },
      { path: '$.tests[1].name', message: '"name" must not be empty.' },
      { path: '$.tests[1].turns', message: '"turns" needs at least 1 item(s).' },
    ]);
  });

  it('refuses a turn that does two things, and two tests with one name', () => {
    expect(problems({ tests: [{ name: 'x', turns: [{ user: 'oi', reply: 'accept' }] }] })).toEqual([
      {
        path: '$.tests[0].turns[0].reply',
        message: 'A turn does one thing; this one has user, reply. Split it into several turns.',
      },
    ]);
    expect(problems({ tests: [minimal.tests[0], minimal.tests[0]] })).toEqual([
      { path: '$.tests[1].name', message: 'Two tests are named "greets"; give each test its own name.' },
    ]);
  });

  it('speaks Portuguese and Arabic', () => {
    expect(problems({ tests: [{ name: 'x' }] }, 'pt-BR')).toEqual([
      { path: '$.tests[0].turns', message: '"turns" está faltando; é obrigatório aqui.' },
    ]);
    expect(problems({ tests: [{ name: 'x', turns: [{ release: false }] }] }, 'ar')).toEqual([
      { path: '$.tests[0].turns[0].release', message: 'يجب أن تكون قيمة "release" هي true.' },
    ]);
  });
});
