/**
 * The OpenAPI 3.1 description of the bearer-token admin API (./admin.ts), for integrations: served
 * at `GET /admin/openapi.json` (no token needed: it describes the API, it holds no data) and
 * printed by `node server.js openapi`. Its schemas are JSON Schema 2020-12, as OpenAPI 3.1 says.
 */
import { purposeMetrics, stepMetrics } from '../store/storage.ts';
import { idempotencyKeyPattern } from './agent-reply.ts';
import { handoffRefPattern } from './handoff-ref.ts';
export function adminOpenApi(flow: { id: string; name: string }): Record<string, unknown> {
  const error = { $ref: '#/components/schemas/Error' };
  const answer = (description: string, schema: unknown = error) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const refParameter = {
    name: 'ref',
    in: 'path',
    required: true,
    description: 'The handoff’s public id (random; the desk and forwards use it too).',
    schema: { type: 'string', pattern: handoffRefPattern },
  };
  const unauthorized = {
    description: 'The bearer token is missing or wrong (the answer carries `WWW-Authenticate: Bearer`).',
    content: { 'application/json': { schema: error } },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: `${flow.name}: admin API`,
      version: '1',
      description:
        'Conversations waiting for a person (handoffs), for integrations. People answer them in the agent desk at /desk/; this API takes `Authorization: Bearer <ADMIN_TOKEN>` and is off (404) without ADMIN_TOKEN. Every access is logged, without values.',
    },
    servers: [{ url: '/', description: 'The bot itself' }],
    security: [{ adminToken: [] }],
    paths: {
      '/admin/handoffs': {
        get: {
          operationId: 'listHandoffs',
          summary: 'Conversations waiting for a person, oldest first, with the fields the flow shares',
          responses: {
            '200': answer('The waiting conversations', {
              type: 'object',
              required: ['handoffs'],
              properties: { handoffs: { type: 'array', items: { $ref: '#/components/schemas/Handoff' } } },
            }),
            '401': unauthorized,
          },
        },
      },
      '/admin/handoffs/{ref}': {
        parameters: [refParameter],
        get: {
          operationId: 'showHandoff',
          summary: 'One waiting conversation, with the messages written since the handoff',
          responses: {
            '200': answer('The conversation', { $ref: '#/components/schemas/HandoffWithMessages' }),
            '401': unauthorized,
            '404': answer('No waiting conversation has that id'),
          },
        },
      },
      '/admin/handoffs/{ref}/reply': {
        parameters: [refParameter],
        post: {
          operationId: 'replyToHandoff',
          summary: 'Write to the customer as the agent (sent through the outbox, in order)',
          description:
            'Give each reply its own `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header) to send it again safely, e.g. when the answer was lost: the same key with the same text is answered 202 with `again: true` and sends nothing more; the same key with another text is refused with 422. The key is kept sealed with the reply, in the conversation, and erased with the customer’s data.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'One key per reply, e.g. a UUID: a Structured Fields string (`"…"`), or the same characters unquoted.',
              schema: {
                type: 'string',
                pattern: idempotencyKeyPattern,
              },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['text'],
                  properties: { text: { type: 'string', minLength: 1, maxLength: 4096 } },
                },
              },
            },
          },
          responses: {
            '202': answer('Queued for sending; `again`: this Idempotency-Key was sent before, nothing more is sent', {
              type: 'object',
              required: ['queued'],
              properties: { queued: { const: true }, again: { const: true } },
            }),
            '400': answer(
              'The body is not {"text": "…"} with 1 to 4096 characters, or the Idempotency-Key is not 1 to 255 visible ASCII characters',
            ),
            '401': unauthorized,
            '404': answer('No waiting conversation has that id'),
            '409': answer('The conversation is no longer waiting for a person'),
            '413': answer('The body is over 64 KiB'),
            '422': answer('This Idempotency-Key was used for a reply with another text: nothing was sent'),
          },
        },
      },
      '/admin/handoffs/{ref}/release': {
        parameters: [refParameter],
        post: {
          operationId: 'releaseHandoff',
          summary: 'Give the conversation back to the bot',
          responses: {
            '200': answer('Released', {
              type: 'object',
              required: ['released'],
              properties: { released: { type: 'string' } },
            }),
            '401': unauthorized,
            '404': answer('No waiting conversation has that id'),
            '409': answer('The conversation is no longer waiting for a person'),
          },
        },
      },
      '/admin/status': {
        get: {
          operationId: 'status',
          summary: 'How much the bot holds and has still to do',
          responses: {
            '200': answer('Counts', {
              type: 'object',
              required: ['persons', 'pendingInbox', 'pendingOutbox', 'openHandoffs'],
              properties: {
                persons: { type: 'integer', minimum: 0 },
                pendingInbox: { type: 'integer', minimum: 0 },
                pendingOutbox: { type: 'integer', minimum: 0 },
                openHandoffs: { type: 'integer', minimum: 0 },
              },
            }),
            '401': unauthorized,
          },
        },
      },
      '/admin/stats': {
        get: {
          operationId: 'stats',
          summary:
            'Conversations per step and per UTC day, consent per purpose: aggregate counts with no personal data, counts from 1 to 4 shown as "< 5"',
          parameters: [
            dayParameter('from', 'First day (UTC), YYYY-MM-DD; 29 days before `to` when left out'),
            dayParameter('to', 'Last day (UTC), YYYY-MM-DD; today when left out'),
          ],
          responses: {
            '200': answer('The report', { $ref: '#/components/schemas/Stats' }),
            '400': answer('A day is not YYYY-MM-DD, `from` is after `to`, or the range is over 366 days'),
            '401': unauthorized,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, compared in constant time' },
      },
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        Stats: statsSchema(),
        Handoff: {
          type: 'object',
          required: ['ref', 'queue', 'node', 'since', 'shared', 'labels', 'messageCount'],
          properties: {
            ref: { type: 'string' },
            queue: { type: 'string', description: 'The handoff step’s queue (team)' },
            node: { type: 'string', description: 'The id of the handoff step' },
            since: { type: 'string', format: 'date-time' },
            shared: {
              type: 'object',
              description: `Only the fields the flow "${flow.id}" shares with this queue, by key`,
              additionalProperties: true,
            },
            labels: {
              type: 'object',
              description: 'Each shared key’s label, by language',
              additionalProperties: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
            },
            messageCount: { type: 'integer', minimum: 0 },
          },
        },
        HandoffWithMessages: {
          allOf: [
            { $ref: '#/components/schemas/Handoff' },
            {
              type: 'object',
              required: ['messages'],
              properties: {
                messages: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['author', 'at', 'content'],
                    properties: {
                      author: { enum: ['customer', 'agent'] },
                      at: { type: 'string', format: 'date-time' },
                      content: {
                        type: 'object',
                        required: ['type'],
                        properties: { type: { enum: ['text', 'reply', 'location', 'media', 'unsupported'] } },
                      },
                    },
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
}

function dayParameter(name: string, description: string): Record<string, unknown> {
  return { name, in: 'query', required: false, description, schema: { type: 'string', format: 'date' } };
}

/** The JSON of runtime/stats/report.ts (`StatsReport`). */
function statsSchema(): Record<string, unknown> {
  const cell = {
    oneOf: [
      { type: 'integer', minimum: 0 },
      { const: '< 5', description: 'A count from 1 to 4, suppressed' },
    ],
  };
  const count = { type: 'integer', minimum: 0 };
  const rate = {
    type: ['number', 'null'],
    minimum: 0,
    maximum: 1,
    description: 'granted ÷ (granted + declined); null when a count is suppressed or both are 0',
  };
  const record = (names: readonly string[], schema: unknown, extra: Record<string, unknown> = {}) => ({
    type: 'object',
    required: [...names, ...Object.keys(extra)],
    properties: { ...Object.fromEntries(names.map((name) => [name, schema])), ...extra },
  });
  const day = { day: { type: 'string', format: 'date' } };
  return {
    type: 'object',
    description:
      'Aggregate counters per UTC day: no person, no hash, no value, no time finer than a day. A total sums the shown daily cells; `incomplete` lists the metrics whose total leaves out suppressed cells.',
    required: ['flow', 'from', 'to', 'suppressBelow', 'steps', 'purposes'],
    properties: {
      flow: record(['id', 'name'], { type: 'string' }),
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
      suppressBelow: { const: 5 },
      steps: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'kind', 'total', 'incomplete', 'days'],
          properties: {
            id: { type: 'string', description: 'The step’s id; "" for opt-outs with no conversation going on' },
            kind: { type: ['string', 'null'], description: 'The step’s kind; null when it is no longer in the flow' },
            total: record(stepMetrics, count),
            incomplete: { type: 'array', items: { enum: stepMetrics } },
            days: { type: 'array', items: record(stepMetrics, cell, day) },
          },
        },
      },
      purposes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'total', 'incomplete', 'days'],
          properties: {
            id: { type: 'string' },
            total: record(purposeMetrics, count, { grantedRate: rate }),
            incomplete: { type: 'array', items: { enum: purposeMetrics } },
            days: { type: 'array', items: record(purposeMetrics, cell, { ...day, grantedRate: rate }) },
          },
        },
      },
    },
  };
}
