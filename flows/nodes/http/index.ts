import { z } from 'zod';
import { dataKey, identifier, template } from '../../model/common.ts';
import { defineKind, type Outcome } from '../kind.ts';
import { httpBehaviour } from './behaviour.ts';
import { sentKeys } from './request.ts';

/** The outcomes of every http node: one shared list, which callers only read (as `next`). */
const requestOutcomes: Outcome[] = [
  { id: 'ok', optional: false },
  { id: 'error', optional: true },
];

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The response the simulator uses instead of calling the recipient. */
const mock = z.strictObject({
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
});

/** Calls a declared recipient's API, sending the keys in `send` and any read by the URL or body. */
export const httpKind = defineKind({
  type: 'http',
  label: { en: 'HTTP request', 'pt-BR': 'Requisição HTTP', ar: 'طلب HTTP' },
  fields: {
    method: z.enum(httpMethods),
    url: template,
    recipient: identifier,
    send: z.array(dataKey),
    body: template.optional(),
    headers: z.record(z.string(), z.string()).optional(),
    saveResponse: z.array(z.strictObject({ from: z.string().min(1), to: dataKey })).optional(),
    mock: mock.optional(),
  },
  outcomes: () => requestOutcomes,
  facts: (node) => ({
    shares: [
      {
        via: 'http',
        recipient: node.recipient,
        url: node.url,
        keys: sentKeys(node),
      },
    ],
    collects: (node.saveResponse ?? []).map((mapping) => ({ key: mapping.to, source: 'response' as const })),
  }),
  texts: () => [],
  behaviour: httpBehaviour,
});
