import { consentReplies, type EngineEvent, type HttpAnswer } from '../../flows/engine/index.ts';
import type { Flow, FlowNode, InputKind } from '../../flows/index.ts';
import { beginRehearsal, rehearse, stateOf, type Rehearsal, type RehearsalSetup } from './rehearsal.ts';

/** Why a replay stopped where it did. */
export type ReplayStop =
  /** The whole path was followed. */
  | { reason: 'done' }
  /** The engine went to another step than the path's next (a condition decided otherwise, a retry…). */
  | { reason: 'diverged'; expected: string; actual: string | null }
  /** No answer the simulator can give leaves this step by the path's outcome. */
  | { reason: 'cannot-steer'; node: string; outcome: string }
  /** The path names a connection the flow does not have (the flow changed since the problem was found). */
  | { reason: 'no-connection'; from: string; to: string }
  /** The conversation ended before the path did. */
  | { reason: 'ended'; node: string | null };

export interface Replay {
  rehearsal: Rehearsal;
  /** The last step of the path the conversation reached. */
  reached: string | null;
  stop: ReplayStop;
}

/**
 * Drives a rehearsal along a path of node ids (a problem's witness, from the start): at each step
 * that waits, it gives the answer that leaves by the path's next connection — the tapped button
 * or row, accept or decline, a valid (or invalid) answer of the question's kind, the agent's
 * release — and http steps answer as the path needs (`error` gets a network error). Conditions
 * decide by themselves; when the engine goes elsewhere the replay stops and says where.
 */
export function replayPath(flow: Flow, path: readonly string[], setup: RehearsalSetup): Replay {
  let rehearsal = beginRehearsal(flow, {
    language: setup.language,
    contact: setup.contact,
    http: httpAnswersFor(flow, path, setup.http),
  });
  let at = path[0] === rehearsal.turns[0]?.trace.nodes[0] ? 0 : -1;
  const follow = (): ReplayStop | undefined => {
    for (const node of rehearsal.turns.at(-1)?.trace.nodes ?? []) {
      // Past the path's last step the conversation goes on as the flow says; the replay is done.
      if (at === path.length - 1) return undefined;
      if (node === path[at + 1]) at += 1;
      else if (node !== path[at]) return { reason: 'diverged', expected: path[at + 1] ?? '', actual: node };
    }
    return undefined;
  };
  const finish = (stop: ReplayStop): Replay => ({ rehearsal, reached: path[at] ?? null, stop });
  if (at < 0) return finish({ reason: 'diverged', expected: path[0] ?? '', actual: stateOf(rehearsal).node });
  // Each step of the path needs at most a few turns (a question left by `invalid` re-asks up to ten times).
  for (let turns = 0; turns <= path.length * 12; turns += 1) {
    const stop = follow();
    if (stop) return finish(stop);
    if (at === path.length - 1) return finish({ reason: 'done' });
    const state = stateOf(rehearsal);
    if (state.ended) return finish({ reason: 'ended', node: state.node });
    const here = path[at] ?? '';
    const next = path[at + 1] ?? '';
    if (state.node !== here) return finish({ reason: 'diverged', expected: next, actual: state.node });
    const edge = flow.edges.find((candidate) => candidate.from === here && candidate.to === next);
    if (!edge) return finish({ reason: 'no-connection', from: here, to: next });
    const outcome = edge.outcome ?? 'next';
    const node = flow.nodes.find((candidate) => candidate.id === here);
    const event = node && answerLeavingBy(node, outcome);
    if (!event) return finish({ reason: 'cannot-steer', node: here, outcome });
    rehearsal = rehearse(flow, rehearsal, event);
  }
  return finish({ reason: 'diverged', expected: path[at + 1] ?? '', actual: stateOf(rehearsal).node });
}

/** The designer's http answers, with those the path needs: an error where it leaves by `error`. */
function httpAnswersFor(
  flow: Flow,
  path: readonly string[],
  chosen: Record<string, HttpAnswer>,
): Record<string, HttpAnswer> {
  const answers = { ...chosen };
  path.slice(0, -1).forEach((from, index) => {
    const edge = flow.edges.find((candidate) => candidate.from === from && candidate.to === path[index + 1]);
    if (!flow.nodes.some((node) => node.id === from && node.type === 'http') || !edge) return;
    if (edge.outcome === 'error') answers[from] = { error: 'replay' };
    else if (answers[from]?.error !== undefined || (answers[from]?.status ?? 200) >= 400) delete answers[from];
  });
  return answers;
}

/** The customer's (or agent's) move that leaves `node` by `outcome`, if the simulator can make it. */
function answerLeavingBy(node: FlowNode, outcome: string): EngineEvent | undefined {
  switch (node.type) {
    case 'buttons':
    case 'list':
      return { type: 'reply', id: outcome };
    case 'consent':
      if (outcome === 'granted') return { type: 'reply', id: consentReplies.accept };
      return outcome === 'declined' ? { type: 'reply', id: consentReplies.decline } : undefined;
    case 'question':
      if (outcome === 'next') return validAnswer(node.input);
      return outcome === 'invalid' ? invalidAnswer(node.input) : undefined;
    case 'handoff':
      return { type: 'agent-released' };
    default:
      return undefined;
  }
}

/** A made-up answer the engine accepts for each kind of question. */
function validAnswer(input: InputKind): EngineEvent {
  switch (input) {
    case 'text':
      return { type: 'text', text: 'Ana Souza' };
    case 'email':
      return { type: 'text', text: 'ana@example.com' };
    case 'phone':
      return { type: 'text', text: '+5511912345678' };
    case 'number':
      return { type: 'text', text: '2' };
    case 'date':
      return { type: 'text', text: '2030-05-17' };
    case 'cpf':
      return { type: 'text', text: '529.982.247-25' };
    case 'location':
      return { type: 'location', latitude: -23.5505, longitude: -46.6333, name: 'Praça da Sé' };
    case 'image':
      return { type: 'media', kind: 'image', mediaId: 'simulated-image', mimeType: 'image/jpeg' };
    case 'document':
      return { type: 'media', kind: 'document', mediaId: 'simulated-document', filename: 'documento.pdf' };
  }
}

/** An answer no question of that kind accepts. */
function invalidAnswer(input: InputKind): EngineEvent {
  return input === 'text' ? { type: 'location', latitude: 0, longitude: 0 } : { type: 'text', text: '?' };
}
