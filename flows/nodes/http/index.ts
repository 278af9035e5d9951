import { defineKind } from '../kind.ts';
import { fixedOutcome, type Outcome } from '../outcomes.ts';
import { httpBehaviour } from './behaviour.ts';
import { sentKeys } from './request.ts';
import { responseCopies } from './response-copies.ts';
import { httpFields } from './schema.ts';

/** The outcomes of every http node: one shared list, which callers only read (as `next`). */
const requestOutcomes: Outcome[] = [fixedOutcome('ok'), fixedOutcome('error', true)];

/** Calls a declared recipient's API, sending the keys in `send` and any read by the URL or body. */
export const httpKind = defineKind({
  type: 'http',
  label: { en: 'HTTP request', 'pt-BR': 'Requisição HTTP', ar: 'طلب HTTP' },
  fields: httpFields,
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
    copies: responseCopies(node),
  }),
  texts: () => [],
  behaviour: httpBehaviour,
});
