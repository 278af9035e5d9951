import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema } from './json-schema.ts';

const schema = JSON.parse(readFileSync(new URL('./flow.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const design = JSON.parse(readFileSync(new URL('./fixtures/design-example.flow.json', import.meta.url), 'utf8'));
const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.flow.json'));

describe('the JSON Schema written for text editors', () => {
  it('is the one generated from the zod schemas (npm run schema)', () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(flowJsonSchema())));
  });

  it.each(['design-example', ...examples])('accepts %s', (name) => {
    const flow = name === 'design-example' ? design : JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8'));
    expect(validate(flow), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown keys and unknown node types, as the parser does', () => {
    expect(validate({ ...design, colour: 'blue' })).toBe(false);
    expect(validate({ ...design, nodes: [{ id: 'x', type: 'greeting', position: { x: 0, y: 0 } }] })).toBe(false);
    expect(validate({ ...design, nodes: [{ ...design.nodes[1], colour: 'red' }] })).toBe(false);
  });
});
