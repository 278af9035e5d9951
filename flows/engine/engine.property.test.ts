import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentField, flowOf, path } from '../../test/engine/helpers.ts';
import { parseFlow } from '../model/parse.ts';
import type { Flow } from '../model/schema.ts';
import { mayUse } from './consent.ts';
import { start, step, type EngineEffect, type EngineEvent } from './index.ts';

const examples = join(import.meta.dirname, '../examples');

function exampleFlows(): Flow[] {
  return readdirSync(examples)
    .filter((file) => file.endsWith('.flow.json'))
    .sort()
    .map((file) => {
      const result = parseFlow(readFileSync(join(examples, file), 'utf8'));
      if (!result.ok) throw new Error(`${file} does not parse`);
      return result.flow;
    });
}

/**
 * A flow that tries every way of keeping a consent-based field before, and after, asking for
 * consent — and lets the customer withdraw it again.
 */
const careless = flowOf({
  data: [
    consentField('email'),
    consentField('plan', ['marketing'], 'user.behavior'),
    consentField('crm_id', ['support'], 'user.unique_id'),
    consentField('note', ['marketing'], 'user.content'),
  ],
  keywords: { human: { 'pt-BR': ['atendente'] }, erase: { 'pt-BR': ['apagar'] }, stop: { 'pt-BR': ['parar'] } },
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'q-email', type: 'question', text: { 'pt-BR': 'E-mail?' }, input: 'email', saveAs: 'email' },
    {
      id: 'plan',
      type: 'buttons',
      text: { 'pt-BR': 'Plano?' },
      saveAs: 'plan',
      options: [
        { id: 'basic', label: { 'pt-BR': 'Básico' } },
        { id: 'pro', label: { 'pt-BR': 'Pro' } },
      ],
    },
    { id: 'set-note', type: 'set', key: 'note', value: 'plano {{plan}} de {{email}}' },
    {
      id: 'call',
      type: 'http',
      method: 'POST',
      url: 'https://api.acme-crm.example/leads/{{email}}',
      recipient: 'crm',
      send: ['email', 'plan', 'note'],
      saveResponse: [{ from: '$.id', to: 'crm_id' }],
      mock: { status: 200, body: { id: 'c-1' } },
    },
    { id: 'consent', type: 'consent', text: { 'pt-BR': 'Podemos?' }, purposes: ['support', 'marketing'] },
    { id: 'q-email-2', type: 'question', text: { 'pt-BR': 'E-mail?' }, input: 'email', saveAs: 'email', retries: 0 },
    { id: 'withdraw', type: 'consent', text: { 'pt-BR': 'Ainda pode?' }, purposes: ['support'] },
    {
      id: 'agent',
      type: 'handoff',
      text: { 'pt-BR': 'Chamando.' },
      queue: 'q',
      share: ['email', 'plan', 'note', 'crm_id'],
    },
  ],
  edges: [
    ...path('start', 'q-email', 'plan'),
    { from: 'plan', outcome: 'basic', to: 'set-note' },
    { from: 'plan', outcome: 'pro', to: 'set-note' },
    ...path('set-note', 'call'),
    { from: 'call', outcome: 'ok', to: 'consent' },
    { from: 'call', outcome: 'error', to: 'consent' },
    { from: 'consent', outcome: 'granted', to: 'q-email-2' },
    { from: 'consent', outcome: 'declined', to: 'agent' },
    ...path('q-email-2', 'withdraw'),
    { from: 'q-email-2', outcome: 'invalid', to: 'withdraw' },
    { from: 'withdraw', outcome: 'granted', to: 'agent' },
    { from: 'withdraw', outcome: 'declined', to: 'plan' },
    ...path('agent', 'start'),
  ],
});

const flows = [...exampleFlows(), careless];

/** Words the flow understands (labels, keywords, ids), so random conversations get somewhere. */
function vocabulary(flow: Flow): string[] {
  const texts = JSON.stringify(flow.nodes).match(/"(?:[^"\\]|\\.){1,40}"/g) ?? [];
  const keywords = Object.values(flow.keywords ?? {}).flatMap((byLanguage) => Object.values(byLanguage ?? {}).flat());
  return [...new Set([...texts.map((quoted) => JSON.parse(quoted) as string), ...keywords])];
}

function events(flow: Flow): fc.Arbitrary<EngineEvent> {
  const ids = flow.nodes.flatMap((node) => [node.id, ...(JSON.stringify(node).match(/"id":"[^"]+"/g) ?? [])]);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(
          ...vocabulary(flow),
          '1',
          '2',
          '3',
          '١',
          'ana@exemplo.com',
          '+5511912345678',
          '111.444.777-35',
          '15/03/2026',
        )
        .map((text) => ({ type: 'text' as const, text })),
    },
    {
      weight: 2,
      arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => ({ type: 'text' as const, text })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...ids, 'accept', 'decline').map((id) => ({ type: 'reply' as const, id })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          latitude: fc.double({ min: -100, max: 100, noNaN: true }),
          longitude: fc.double({ min: -200, max: 200, noNaN: true }),
        })
        .map((at) => ({ type: 'location' as const, ...at })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('image' as const, 'document' as const)
        .map((kind) => ({ type: 'media' as const, kind, mediaId: 'm' })),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'agent-released' as const }) },
    { weight: 1, arbitrary: fc.constant({ type: 'timeout' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ status: fc.constantFrom(0, 200, 201, 302, 404, 500), body: fc.jsonValue() })
        .map((response) => ({ type: 'http-response' as const, ...response })),
    },
  );
}

/** Replays a step's effects in order and returns every consent-based use made without consent. */
function usesWithoutConsent(flow: Flow, grantedBefore: string[], effects: EngineEffect[]): string[] {
  let granted = [...grantedBefore];
  const problems: string[] = [];
  for (const effect of effects) {
    if (effect.type === 'record-consent') {
      granted = effect.granted
        ? [...granted, ...effect.purposes]
        : granted.filter((purpose) => !effect.purposes.includes(purpose));
    }
    const keys =
      effect.type === 'collect'
        ? [effect.key]
        : effect.type === 'call-http'
          ? effect.shared
          : effect.type === 'hand-off'
            ? Object.keys(effect.shared)
            : [];
    problems.push(...keys.filter((key) => !mayUse(flow, granted, key)).map((key) => `${effect.type} ${key}`));
  }
  return problems;
}

describe('the engine under random customer input', () => {
  it.each(flows.map((flow) => [flow.id, flow] as const))(
    '%s: never throws, stays plain JSON, and never keeps or passes on consent-based data without consent',
    (_id, flow) => {
      fc.assert(
        fc.property(
          fc.constantFrom(undefined, ...flow.languages, 'fr'),
          fc.array(events(flow), { maxLength: 40 }),
          (language, turns) => {
            let result = start(flow, {
              ...(language ? { language } : {}),
              contact: { phone: '+5511912345678', name: 'Ana' },
            });
            expect(usesWithoutConsent(flow, [], result.effects)).toEqual([]);
            for (const event of turns) {
              const before = result.state;
              result = step(flow, before, event);
              expect(usesWithoutConsent(flow, before.granted, result.effects)).toEqual([]);
              const { state } = result;
              expect(Object.keys(state.variables).filter((key) => !mayUse(flow, state.granted, key))).toEqual([]);
              expect(JSON.parse(JSON.stringify(state))).toEqual(state);
            }
          },
        ),
        { numRuns: 150 },
      );
    },
  );
});

/**
 * Customer answers that are unique to one turn (a marker plus a uuid), so a value found in a later
 * effect can only have come from the turn that collected it.
 */
const marked = 'zq';
function memorableEvents(flow: Flow): fc.Arbitrary<EngineEvent> {
  return fc.oneof(
    { weight: 6, arbitrary: events(flow) },
    {
      weight: 3,
      arbitrary: fc
        .uuid()
        .chain((id) =>
          fc.constantFrom(
            `Ana ${marked}${id}`,
            `${marked}${id.slice(0, 8)}@exemplo.com`,
            `${marked}-${id.slice(0, 6)}`,
          ),
        )
        .map((text) => ({ type: 'text' as const, text })),
    },
  );
}

describe('erasure under random customer input (DESIGN.md §5)', () => {
  it.each(flows.map((flow) => [flow.id, flow] as const))(
    '%s: after an erase effect, no later effect carries a value collected before it',
    (_id, flow) => {
      fc.assert(
        fc.property(fc.array(memorableEvents(flow), { maxLength: 40 }), (turns) => {
          let result = start(flow, { contact: { phone: '+5511912345678', name: 'Ana' } });
          const collected = new Set<string>();
          const forgotten = new Set<string>();
          let toldSinceErasure: string[] = [];
          const inspect = (effects: EngineEffect[]) => {
            for (const effect of effects) {
              if (effect.type === 'erase') {
                for (const value of collected) forgotten.add(value);
                toldSinceErasure = [];
                continue;
              }
              const carried = JSON.stringify(effect);
              const leaked = [...forgotten].filter(
                (value) => carried.includes(value) && !toldSinceErasure.some((told) => told.includes(value)),
              );
              expect({ effect, leaked }).toEqual({ effect, leaked: [] });
              if (effect.type === 'collect' && typeof effect.value === 'string' && effect.value.includes(marked)) {
                collected.add(effect.value);
              }
            }
          };
          inspect(result.effects);
          for (const event of turns) {
            toldSinceErasure.push(JSON.stringify(event));
            result = step(flow, result.state, event);
            inspect(result.effects);
          }
        }),
        { numRuns: 150 },
      );
    },
  );
});
