import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../model/parse.ts';
import { mockResponse, start, step, type EngineEvent, type EngineResult } from '../index.ts';
import { transcriptTestFrom, type RecordedTurn } from './record.ts';
import { runTranscriptTest } from './run.ts';
import { transcriptTestSchema } from './schema.ts';

const parsed = parseFlow(readFileSync(new URL('../../examples/lead-capture.flow.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('lead-capture.flow.json does not parse');
const flow = parsed.flow;

/** Rehearses a conversation the way the studio's simulator does, keeping every turn. */
function rehearse(events: EngineEvent[]): RecordedTurn[] {
  const turns: RecordedTurn[] = [];
  const record = (event: EngineEvent | undefined, first: EngineResult) => {
    let result = first;
    turns.push({ ...(event ? { event } : {}), effects: result.effects, state: result.state });
    while (result.state.waitingFor === 'http') {
      const response = mockResponse(flow, result.state.node ?? '');
      result = step(flow, result.state, response);
      turns.push({ event: response, effects: result.effects, state: result.state });
    }
    return result;
  };
  let result = record(undefined, start(flow));
  for (const event of events) result = record(event, step(flow, result.state, event));
  return mergeHttp(turns);
}

/** The studio shows http answers as part of the turn that caused them. */
function mergeHttp(turns: RecordedTurn[]): RecordedTurn[] {
  const merged: RecordedTurn[] = [];
  for (const turn of turns) {
    const last = merged.at(-1);
    if (turn.event?.type === 'http-response' && last) {
      merged[merged.length - 1] = { ...last, effects: [...last.effects, ...turn.effects], state: turn.state };
    } else merged.push(turn);
  }
  return merged;
}

describe('transcriptTestFrom', () => {
  it('saves a rehearsed conversation as a test that passes against the same flow', () => {
    const test = transcriptTestFrom(
      'rehearsed lead',
      rehearse([
        { type: 'text', text: '2' },
        { type: 'reply', id: 'accept' },
        { type: 'text', text: 'Ana Souza' },
        { type: 'text', text: 'ana@exemplo.com.br' },
        { type: 'text', text: '(11) 91234-5678' },
        { type: 'text', text: '1' },
        { type: 'text', text: 'atendente' },
        { type: 'agent-released' },
      ]),
    );
    expect(transcriptTestSchema.parse(test)).toEqual(test);
    expect(test.turns[0]?.expect).toMatchObject({ node: 'choose-interest' });
    expect(test.turns[6]?.expect).toMatchObject({
      collected: { marketing_opt_in: 'true', lead_id: 'lead_48213' },
      consent: { marketing: true },
      shared: { crm: ['name', 'email', 'phone', 'marketing_opt_in'] },
      node: 'next-steps',
    });
    expect(test.turns[7]?.expect).toMatchObject({ handedOff: { queue: 'vendas' }, node: 'handoff-sales' });
    expect(test.turns[8]).toEqual({ release: true, expect: { saysNothing: true, node: 'handoff-sales', ended: true } });
    expect(runTranscriptTest(flow, test)).toMatchObject({ passed: true, failures: [] });
  });

  it('makes a test that fails once the flow behaves differently', () => {
    const test = transcriptTestFrom(
      'declined',
      rehearse([
        { type: 'text', text: '1' },
        { type: 'text', text: '2' },
      ]),
    );
    const changed = structuredClone(flow);
    const declined = changed.nodes.find((node) => node.id === 'contact-declined');
    if (declined?.type !== 'end') throw new Error('fixture changed');
    declined.text = { 'pt-BR': 'Outro texto.', en: 'Other text.' };
    expect(runTranscriptTest(changed, test).passed).toBe(false);
  });
});
