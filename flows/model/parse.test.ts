import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow } from './parse.ts';
import { serializeFlow } from './serialize.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/design-example.flow.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** A deep copy of the DESIGN.md §2 example with one change applied. */
// Broken files are made by editing untyped JSON, which is exactly what the parser must cope with.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function broken(change: (flow: any) => void): unknown {
  const copy = structuredClone(fixture);
  change(copy);
  return copy;
}

function errorsOf(input: unknown, language: 'en' | 'pt-BR' | 'ar' = 'en') {
  const result = parseFlow(input, { language });
  if (result.ok) throw new Error('expected the flow to be rejected');
  return result.errors;
}

const examplesDir = new URL('../examples/', import.meta.url);
const exampleFiles = readdirSync(examplesDir).filter((name) => name.endsWith('.flow.json'));

describe('parseFlow accepts valid flows', () => {
  it('accepts the example of DESIGN.md §2', () => {
    const result = parseFlow(fixture);
    expect(result.ok).toBe(true);
  });

  it('ships at least five example flows', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(exampleFiles)('parses the example %s', (name) => {
    const result = parseFlow(readFileSync(new URL(name, examplesDir), 'utf8'));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('reads JSON text as well as parsed values', () => {
    expect(parseFlow(JSON.stringify(fixture)).ok).toBe(true);
  });

  it('accepts a 2.x data category key as an alias', () => {
    const result = parseFlow(broken((flow) => (flow.data[0].category = 'user.health_and_medical')));
    expect(result.ok).toBe(true);
  });
});

describe('parseFlow rejects broken files with the JSON path of the problem', () => {
  const catalogue: [string, unknown, string, string][] = [
    ['text that is not JSON', '{"format": "amana.flow",', '$', 'json'],
    ['a JSON array instead of a flow', [], '$', 'not-object'],
    ['a wrong format marker', broken((f) => (f.format = 'typebot')), '$.format', 'format'],
    ['a missing format marker', broken((f) => delete f.format), '$.format', 'format'],
    ['a version from the future', broken((f) => (f.version = 2)), '$.version', 'version-newer'],
    ['a version that is not a number', broken((f) => (f.version = '1')), '$.version', 'version-unknown'],
    ['version zero', broken((f) => (f.version = 0)), '$.version', 'version-unknown'],
    ['a number where a text belongs', broken((f) => (f.nodes[3].text['pt-BR'] = 5)), '$.nodes[3].text.pt-BR', 'type'],
    ['a string where a number belongs', broken((f) => (f.nodes[0].position.x = '0')), '$.nodes[0].position.x', 'type'],
    ['a fractional retention', broken((f) => (f.data[0].retentionDays = 1.5)), '$.data[0].retentionDays', 'integer'],
    ['a negative retention', broken((f) => (f.data[0].retentionDays = -3)), '$.data[0].retentionDays', 'too-small'],
    ['an unknown top-level key', broken((f) => (f.colour = 'blue')), '$.colour', 'unknown-key'],
    ['an unknown key in a node', broken((f) => (f.nodes[2].colour = 'red')), '$.nodes[2].colour', 'unknown-key'],
    [
      'an unknown key in the controller',
      broken((f) => (f.controller.phone = 'x')),
      '$.controller.phone',
      'unknown-key',
    ],
    ['a missing node text', broken((f) => delete f.nodes[1].text), '$.nodes[1].text', 'required'],
    ['an empty text map', broken((f) => (f.nodes[1].text = {})), '$.nodes[1].text', 'empty-language-map'],
    ['an empty translation', broken((f) => (f.nodes[1].text.en = '  ')), '$.nodes[1].text.en', 'empty-text'],
    [
      'a text keyed by a language name',
      broken((f) => (f.nodes[1].text = { portuguese: 'Olá' })),
      '$.nodes[1].text.portuguese',
      'language-tag',
    ],
    ['a missing controller', broken((f) => delete f.controller), '$.controller', 'required'],
    ['a duplicate node id', broken((f) => (f.nodes[2].id = 'hello')), '$.nodes[2].id', 'duplicate'],
    ['a duplicate edge id', broken((f) => (f.edges[1].id = 'e1')), '$.edges[1].id', 'duplicate'],
    [
      'a data key reused as a variable',
      broken((f) => f.variables.push({ key: 'email' })),
      '$.variables[1].key',
      'duplicate',
    ],
    ['a duplicate language', broken((f) => f.languages.push('en')), '$.languages[2]', 'duplicate'],
    ['an unknown legal basis', broken((f) => (f.data[0].legalBasis = 'because')), '$.data[0].legalBasis', 'enum'],
    ['an unknown input kind', broken((f) => (f.nodes[3].input = 'password')), '$.nodes[3].input', 'enum'],
    ['an unknown node type', broken((f) => (f.nodes[1].type = 'greeting')), '$.nodes[1].type', 'node-type'],
    ['a node without a type', broken((f) => delete f.nodes[1].type), '$.nodes[1]', 'node-type-missing'],
    [
      'an unknown data category',
      broken((f) => (f.data[0].category = 'user.favourite_colour')),
      '$.data[0].category',
      'category',
    ],
    ['a bad language tag', broken((f) => (f.languages[0] = 'Portuguese!')), '$.languages[0]', 'language-tag'],
    [
      'a buttons node without options',
      broken((f) =>
        f.nodes.push({ id: 'b', type: 'buttons', position: { x: 0, y: 0 }, text: { en: 'Pick' }, options: [] }),
      ),
      '$.nodes[6].options',
      'too-few',
    ],
    [
      'an http method in lower case',
      broken((f) =>
        f.nodes.push({
          id: 'h',
          type: 'http',
          position: { x: 0, y: 0 },
          method: 'post',
          url: 'https://a.example',
          recipient: 'crm',
          send: [],
        }),
      ),
      '$.nodes[6].method',
      'enum',
    ],
    [
      'a privacy notice that is not a URL',
      broken((f) => (f.controller.privacyNoticeUrl = 'our website')),
      '$.controller.privacyNoticeUrl',
      'url',
    ],
    ['a data key with spaces', broken((f) => (f.data[0].key = 'e mail')), '$.data[0].key', 'data-key'],
  ];

  it.each(catalogue)('rejects %s', (_name, input, path, code) => {
    const errors = errorsOf(input);
    expect(errors.map((e) => [e.path, e.code])).toContainEqual([path, code]);
  });

  it('reports every problem of a file at once, not only the first', () => {
    const errors = errorsOf(
      broken((f) => {
        f.colour = 'blue';
        f.nodes[1].type = 'greeting';
        f.edges[1].id = 'e1';
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$.colour', '$.nodes[1].type', '$.edges[1].id']));
  });

  it('explains problems in Portuguese and Arabic as well as English', () => {
    const input = broken((f) => (f.nodes[2].colour = 'red'));
    const [en] = errorsOf(input, 'en');
    const [pt] = errorsOf(input, 'pt-BR');
    const [ar] = errorsOf(input, 'ar');
    expect(en?.message).toContain('not a field Amana knows');
    expect(pt?.message).toContain('não é um campo');
    expect(ar?.message).toMatch(/[\u0600-\u06FF]/);
    expect(new Set([en?.path, pt?.path, ar?.path]).size).toBe(1);
  });

  it('reads a recipient’s erase route and explains a wrong one in plain words', () => {
    const route = { method: 'DELETE', url: 'https://api.acme-crm.example/leads/{{lead_id}}' };
    const accepted = parseFlow(broken((f) => (f.recipients[0].erase = route)));
    expect(accepted.ok && accepted.flow.recipients[0]?.erase).toEqual(route);
    const errors = errorsOf(broken((f) => (f.recipients[0].erase = { method: 'GET', url: ' ', via: 'x' })));
    expect(errors).toEqual([
      expect.objectContaining({
        path: '$.recipients[0].erase.method',
        message: expect.stringContaining('DELETE, POST, PUT, PATCH'),
      }),
      expect.objectContaining({ path: '$.recipients[0].erase.url', code: 'blank' }),
      expect.objectContaining({ path: '$.recipients[0].erase.via', code: 'unknown-key' }),
    ]);
    const [missing] = errorsOf(
      broken((f) => (f.recipients[0].erase = { url: route.url })),
      'pt-BR',
    );
    expect(missing).toMatchObject({ path: '$.recipients[0].erase.method', code: 'required' });
    expect(missing?.message).toBe('"method" está faltando; é obrigatório aqui.');
  });

  it('reads an erase route’s headers as an http step’s, and says which header is wrong', () => {
    const route = {
      method: 'POST',
      url: 'https://api.acme-crm.example/leads/{{lead_id}}/forget',
      headers: { Authorization: 'Bearer {{secret.CRM_TOKEN}}', 'X-Lead': '{{lead_id}}' },
    };
    const accepted = parseFlow(broken((f) => (f.recipients[0].erase = route)));
    expect(accepted.ok && accepted.flow.recipients[0]?.erase).toEqual(route);
    const input = broken(
      (f) => (f.recipients[0].erase = { ...route, headers: { Authorization: 42, 'X-Lead': '{{lead_id}}' } }),
    );
    const [en] = errorsOf(input, 'en');
    expect(en).toMatchObject({ path: '$.recipients[0].erase.headers.Authorization', code: 'type' });
    expect(en?.message).toContain('text');
    expect(errorsOf(input, 'pt-BR')[0]?.message).toContain('texto');
    expect(errorsOf(input, 'ar')[0]?.message).toMatch(/[\u0600-\u06FF]/);
    const [list] = errorsOf(broken((f) => (f.recipients[0].erase = { ...route, headers: ['Authorization'] })));
    expect(list).toMatchObject({ path: '$.recipients[0].erase.headers', code: 'type' });
  });

  it('leaves edges to missing nodes to the checker', () => {
    const result = parseFlow(broken((f) => (f.edges[0].to = 'nowhere')));
    expect(result.ok).toBe(true);
  });
});

describe('serialisation', () => {
  it.each(['design-example', ...exampleFiles])('parse → serialise → parse gives the same flow (%s)', (name) => {
    const source =
      name === 'design-example' ? JSON.stringify(fixture) : readFileSync(new URL(name, examplesDir), 'utf8');
    const first = parseFlow(source);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const second = parseFlow(serializeFlow(first.flow));
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    expect(second.flow).toEqual(first.flow);
    expect(serializeFlow(second.flow)).toBe(serializeFlow(first.flow));
  });

  it('keeps texts exactly as written (parsing never rewrites a flow)', () => {
    const result = parseFlow(broken((f) => (f.nodes[1].text.en = '  Hi!\n')));
    expect(result.ok && result.flow.nodes[1]).toMatchObject({ text: { en: '  Hi!\n' } });
  });
});
