import { z } from 'zod';
import { flowSchema } from './schema.ts';

/**
 * The flow format as a JSON Schema (draft 2020-12), for editors such as VS Code: a flow file
 * with `"$schema": "./flow.schema.json"` gets completion and inline errors.
 * Refinements (unique ids, known categories) are the parser's; the schema carries the shape.
 */
export function flowJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(flowSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://amana.dev/schema/flow-v1.json',
    title: 'Amana flow (format version 1)',
  };
}
