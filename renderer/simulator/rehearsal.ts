import {
  start,
  step,
  type Contact,
  type EngineEvent,
  type StartingPoint,
  type Trace,
} from '../../flows/engine/index.ts';
import { answerHttpCalls, type HttpAnswer, type RecordedTurn } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';

/** How a rehearsal is set up: who the customer is, in which language, how recipients answer. */
export interface RehearsalSetup {
  /** One of the flow's languages. */
  language: string;
  contact: Contact;
  /** Answers for http steps by node id (a status, a body, a network error); a step not listed gets its mock. */
  http: Record<string, HttpAnswer>;
  /** “Start from here”: the step the rehearsal began at, with the values and consents chosen for it. */
  from?: StartingPoint;
}

/** One turn as the simulator shows it: what went in, every effect (http answers included), the path taken. */
export interface RehearsedTurn extends RecordedTurn {
  trace: Trace;
  /** The flow kept calling recipients without waiting for the customer, and was stopped. */
  looping: boolean;
}

/** A conversation rehearsed in the studio: its setup and its turns, the opening first. */
export interface Rehearsal {
  setup: RehearsalSetup;
  turns: RehearsedTurn[];
}

/** Starts a rehearsal: the engine runs the opening (answering http steps as set up). */
export function beginRehearsal(flow: Flow, setup: RehearsalSetup): Rehearsal {
  const opening = start(flow, {
    language: setup.language,
    contact: setup.contact,
    ...(setup.from ? { from: setup.from } : {}),
  });
  return { setup, turns: [turnOf(flow, undefined, opening, setup)] };
}

/** The customer (or the agent, or the clock) does something: one more turn. */
export function rehearse(flow: Flow, rehearsal: Rehearsal, event: EngineEvent): Rehearsal {
  const result = step(flow, stateOf(rehearsal), event);
  return { ...rehearsal, turns: [...rehearsal.turns, turnOf(flow, event, result, rehearsal.setup)] };
}

/** Takes back the last turn; the opening stays. */
export function stepBack(rehearsal: Rehearsal): Rehearsal {
  return rehearsal.turns.length > 1 ? { ...rehearsal, turns: rehearsal.turns.slice(0, -1) } : rehearsal;
}

/** The conversation as the engine holds it now. */
export function stateOf(rehearsal: Rehearsal): RehearsedTurn['state'] {
  const last = rehearsal.turns.at(-1);
  if (!last) throw new Error('A rehearsal always has its opening turn.');
  return last.state;
}

/** Every step entered and connection followed so far, for drawing the path taken on the canvas. */
export function pathTaken(rehearsal: Rehearsal): { nodes: Set<string>; edges: Set<string> } {
  return {
    nodes: new Set(rehearsal.turns.flatMap((turn) => turn.trace.nodes)),
    edges: new Set(rehearsal.turns.flatMap((turn) => turn.trace.edges)),
  };
}

/**
 * Whether a rehearsal can go on after the flow was edited: it can while the step it stands at
 * still exists (or it stands at none, before the start or after the end).
 */
export function survivesEdit(flow: Flow, rehearsal: Rehearsal): boolean {
  const node = stateOf(rehearsal).node;
  return node === null || flow.nodes.some((candidate) => candidate.id === node);
}

function turnOf(
  flow: Flow,
  event: EngineEvent | undefined,
  first: Parameters<typeof answerHttpCalls>[1],
  setup: RehearsalSetup,
): RehearsedTurn {
  const answered = answerHttpCalls(flow, first, setup.http);
  return {
    ...(event ? { event } : {}),
    effects: answered.effects,
    state: answered.result.state,
    trace: answered.trace,
    looping: answered.looping,
  };
}
