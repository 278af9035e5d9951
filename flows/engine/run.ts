import type { Flow, FlowNode } from '../model/schema.ts';
import { behaviourOf, factsOf, outcomesOf } from '../nodes/registry.ts';
import { pickLanguage } from '../i18n/lang-text.ts';
import { end, leave, waitFor, type Next } from '../nodes/behaviour.ts';
import type { EngineEffect, EngineEvent } from '../nodes/events.ts';
import { purposeWording } from '../model/purpose-wording.ts';
import { MissingValues } from '../model/template.ts';
import { ConversationTurn, type Trace } from './conversation.ts';
import { firstReachable } from './first-reachable.ts';
import { keywordFor, matchKeyword } from './keywords.ts';
import { upgradeState, type ConversationState, type Contact, type StoredState } from './state.ts';
import type { JsonValue } from '../model/template.ts';

/** What `start` and `step` return: the new state, the effects for the host, and the path taken. */
export interface EngineResult {
  state: ConversationState;
  effects: EngineEffect[];
  /** Nodes entered and edges followed, in order (for coverage and for highlighting the canvas). */
  trace: Trace;
}

export interface StartOptions {
  /** The language the customer asked for or writes in; see `pickLanguage`. */
  language?: string;
  /** The customer as WhatsApp identifies them, for `{{contact.phone}}` and `{{contact.name}}`. */
  contact?: Contact;
  /**
   * What the host's consent ledger holds for a returning customer: each purpose they granted (and
   * did not since decline or have erased), with the hash of the wording it was granted for
   * (`purposeWording`). Those given for the flow's current wording hold from the start, so the
   * consent step does not ask for them again; the others lapse (`consent-lapsed`) and the consent
   * step asks again, first saying the privacy notice changed.
   */
  consents?: Record<string, string>;
  /**
   * Begins at this node instead of the start node, holding these values and consents, as if a
   * path had led there (the studio's “Start from here”). Hosts serving customers never set it.
   */
  from?: StartingPoint;
}

/** Where a rehearsal begins, and what the conversation already holds there. */
export interface StartingPoint {
  node: string;
  variables?: Record<string, JsonValue>;
  granted?: string[];
}

/**
 * A flow that moves this many times without waiting for anyone is looping on itself (conditions
 * and `set` nodes in a cycle): the conversation ends with an apology instead of hanging the host.
 */
const maxMovesPerEvent = 1000;

/** Starts a conversation: runs from the start node until the flow waits for someone or ends. */
export function start(flow: Flow, options: StartOptions = {}): EngineResult {
  const state: ConversationState = {
    flowId: flow.id,
    node: null,
    waitingFor: null,
    variables: { ...options.from?.variables },
    granted: [...new Set([...(options.from?.granted ?? []), ...Object.keys(options.consents ?? {})])],
    consents: { ...options.consents },
    reconsent: [],
    carried: Object.keys(options.consents ?? {}),
    retries: 0,
    language: pickLanguage(flow, options.language),
    optedOut: false,
    withHuman: false,
    ended: false,
    ...(options.contact ? { contact: { ...options.contact } } : {}),
  };
  const conversation = new ConversationTurn(flow, state);
  conversation.lapseChangedConsents();
  // A rehearsal's chosen consents count as given for the wording the flow has now.
  const wording = purposeWording(flow);
  for (const purpose of state.granted) if (wording[purpose] !== undefined) state.consents[purpose] = wording[purpose];
  runFromStart(conversation, options.from?.node);
  return { state, effects: conversation.effects, trace: conversation.trace };
}

/** A customer's message after the end: a new conversation, as for a new person, from the start node. */
function startAnew(conversation: ConversationTurn): void {
  conversation.beginAnew();
  runFromStart(conversation);
}

/** Runs from the start node, or from `from` when the studio rehearses from a chosen step. */
function runFromStart(conversation: ConversationTurn, from?: string): void {
  const first = from === undefined ? conversation.index.startNode() : conversation.index.node(from);
  if (first) {
    enter(conversation, first);
  } else {
    apologise(conversation, 'error');
    conversation.finish(undefined);
  }
}

/**
 * Moves a conversation on by one event. Never throws on anything a customer can send; the
 * state passed in is not changed (a new one is returned).
 *
 * - The global keywords (`stop`, `human`, `erase`) are honoured whenever a question is waiting,
 *   and after the end; see `matchKeyword`.
 * - After `stop`, the next message from the customer opts them back in (`opt-in`) and the
 *   pending question is asked again; that message is not taken as the answer.
 * - While an agent has the conversation, only `agent-released` moves it; the host forwards the
 *   customer's messages to the agent.
 * - While a recipient is being called, only `http-response` or `timeout` moves it.
 * - A `timeout` while a question waits ends the conversation without a word (the customer left).
 * - After the end, a keyword is honoured; any other message from the customer starts a new
 *   conversation from the start node, as for a new person (nothing stored, no consent), and is not
 *   taken as an answer — as the exported bot does. Other events are ignored.
 * - The `erase` keyword erases, confirms and ends the conversation (DESIGN.md §5): nothing the
 *   customer said before it is read again, and their next message starts anew.
 * - A consent that lapsed because the flow words its purpose differently now sends the customer's
 *   next answer to the consent step asking for it (the answer is not taken), also when the lapse
 *   was noticed on an event that was no answer, such as an agent's release.
 * - A step whose text or request would read a key without a value (erased, never collected,
 *   withheld) is refused (`refuse`): it leaves by `error` if it has one, else the conversation
 *   ends with an apology and the offer of a person. Nothing is ever sent with a hole.
 */
export function step(flow: Flow, state: StoredState, event: EngineEvent): EngineResult {
  const stored: StoredState = JSON.parse(JSON.stringify(state));
  const draft = upgradeState(stored);
  const conversation = new ConversationTurn(flow, draft);
  handle(conversation, event);
  return { state: draft, effects: conversation.effects, trace: conversation.trace };
}

function handle(conversation: ConversationTurn, event: EngineEvent): void {
  const state = conversation.state;
  const fromCustomer =
    event.type === 'text' || event.type === 'reply' || event.type === 'location' || event.type === 'media';
  // The flow may have changed under the conversation (the bot re-exported, the designer editing).
  // What lapses goes to the consent step with the customer's next answer: this event when it is
  // one, else a later one (an agent's release or a recipient's response is no answer).
  conversation.sendNextAnswerToConsent(conversation.lapseChangedConsents());

  if (state.optedOut && fromCustomer) {
    conversation.optIn();
    if (event.type === 'text' && honourKeyword(conversation, event.text)) return;
    if (state.ended) startAnew(conversation);
    else askAgain(conversation);
    return;
  }
  if (state.waitingFor === 'agent') {
    if (event.type === 'agent-released') release(conversation);
    return;
  }
  if (state.ended) {
    if (event.type === 'text' && honourKeyword(conversation, event.text)) return;
    if (fromCustomer) startAnew(conversation);
    return;
  }
  const node = state.node === null ? undefined : conversation.index.node(state.node);
  if (!node) {
    // The state names a node this flow does not have (the flow changed under a live conversation).
    apologise(conversation, 'error');
    conversation.finish(undefined);
    return;
  }
  const behaviour = behaviourOf(node);
  if (state.waitingFor === 'http') {
    const resume = behaviour.resume;
    if ((event.type === 'http-response' || event.type === 'timeout') && resume) {
      follow(
        conversation,
        attempt(conversation, node, () => resume(node, event, conversation)),
      );
    }
    return;
  }
  if (state.waitingFor === 'answer') {
    if (event.type === 'timeout') {
      conversation.finish(node.id);
      return;
    }
    if (!fromCustomer) return;
    const ownChoice = behaviour.takesAsAnswer?.(node, event, conversation) ?? false;
    if (event.type === 'text' && !ownChoice && honourKeyword(conversation, event.text)) return;
    const lapsed = conversation.takeConsentStepNext();
    const consent = lapsed.length > 0 ? consentStepFor(conversation, lapsed) : undefined;
    if (consent && consent.id !== node.id) {
      // Consent this conversation relied on lapsed: its consent step asks again before anything
      // else (the message is not taken as an answer to the question that was waiting).
      enter(conversation, consent);
      return;
    }
    const resume = behaviour.resume;
    if (resume)
      follow(
        conversation,
        attempt(conversation, node, () => resume(node, event, conversation)),
      );
  }
}

/** Arrives at a node and runs it, then follows wherever it leads. */
function enter(conversation: ConversationTurn, node: FlowNode): void {
  conversation.arriveAt(node.id);
  follow(
    conversation,
    attempt(conversation, node, () => behaviourOf(node).enter(node, conversation)),
  );
}

/**
 * Runs one part of a node's behaviour. A step that would send a text or a request with a hole
 * (a placeholder whose key holds no value) is refused instead: the host is told which keys were
 * missing (`refuse`, to log), and the step leaves by `error` when it has that outcome (an http
 * request), else the conversation ends with an apology and the offer of a person.
 */
function attempt(conversation: ConversationTurn, node: FlowNode, run: () => Next): Next {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof MissingValues)) throw error;
    conversation.refuse(node.id, error.keys);
    if (outcomesOf(node).some((outcome) => outcome.id === 'error')) return leave('error');
    apologise(conversation, 'error');
    return end;
  }
}

/** Sends a waiting node's question again; a question that now reads a missing value is refused. */
function ask(conversation: ConversationTurn, node: FlowNode): void {
  const again = behaviourOf(node).ask;
  if (!again) return;
  follow(
    conversation,
    attempt(conversation, node, () => {
      again(node, conversation);
      return waitFor('answer');
    }),
  );
}

/** Follows outcomes from node to node until one waits or the conversation ends. */
function follow(conversation: ConversationTurn, first: Next): void {
  let next = first;
  for (let moves = 0; ; moves += 1) {
    const here = conversation.state.node ?? undefined;
    if (next.type === 'wait') {
      conversation.waitFor(next.for);
      return;
    }
    if (next.type === 'end') {
      conversation.finish(here);
      return;
    }
    const edge = here === undefined ? undefined : conversation.index.edge(here, next.outcome);
    if (!edge) {
      // An unconnected `invalid` or `error` ends with an apology and the offer of a person
      // (DESIGN.md §2); any other unconnected outcome simply ends the conversation.
      if (next.outcome === 'invalid' || next.outcome === 'error') apologise(conversation, next.outcome);
      conversation.finish(here);
      return;
    }
    const target = conversation.index.node(edge.to);
    if (!target || moves >= maxMovesPerEvent) {
      // An edge to a missing node, or a flow looping on itself without waiting for anyone.
      apologise(conversation, 'error');
      conversation.finish(here);
      return;
    }
    conversation.traverse(edge.id);
    conversation.arriveAt(target.id);
    next = attempt(conversation, target, () => behaviourOf(target).enter(target, conversation));
  }
}

/** Handles a global keyword if the message is one; returns whether it was. */
function honourKeyword(conversation: ConversationTurn, text: string): boolean {
  const keyword = matchKeyword(conversation.flow.keywords, text);
  const at = conversation.state.node ?? '';
  switch (keyword) {
    case undefined:
      return false;
    case 'stop':
      conversation.optOut();
      return true;
    case 'erase':
      // The conversation is over once the customer asked to be forgotten: nothing said before is
      // read again, and their next message starts anew (DESIGN.md §5).
      conversation.erase();
      conversation.say(at, conversation.builtIn('erased'));
      if (!conversation.state.ended) conversation.finish(at || undefined);
      return true;
    case 'human':
      handOffOnRequest(conversation);
      return true;
  }
}

/**
 * The `human` keyword: the nearest handoff node runs as if the flow had led there, and a flow
 * without one gets a built-in handoff to the `default` queue that shares nothing, after which
 * the pending question is asked again. See `nearestHandoff` for which node is chosen.
 */
function handOffOnRequest(conversation: ConversationTurn): void {
  const target = nearestHandoff(conversation);
  if (target) {
    conversation.reopen();
    enter(conversation, target);
    return;
  }
  const at = conversation.state.node ?? '';
  conversation.say(at, conversation.builtIn('handoff-built-in'));
  conversation.handOff(at, 'default', []);
  if (conversation.state.ended) {
    // After the end there is no question to return to: the agent's release ends it again.
    conversation.reopen();
    conversation.arriveAt(null);
  }
  conversation.waitFor('agent');
}

/**
 * The handoff closest ahead of the customer (breadth-first along the edges from where the
 * conversation is, else from the start). Edges leaving by `invalid` or `error` are followed only
 * when no other way leads to a handoff: the handoffs behind them are written for a failure
 * (“I couldn't understand the date…”), not for a customer who simply asks for a person.
 */
function nearestHandoff(conversation: ConversationTurn): FlowNode | undefined {
  const { flow, index } = conversation;
  const origins = [conversation.state.node, index.startNode()?.id].filter((id): id is string => typeof id === 'string');
  const failure = (outcome: string | undefined) => outcome === 'invalid' || outcome === 'error';
  for (const throughFailures of [false, true]) {
    for (const origin of origins) {
      const handoff = firstReachable(
        flow,
        origin,
        (node) => factsOf(node).handsOff,
        (edge) => throughFailures || !failure(edge.outcome),
      );
      if (handoff) return handoff;
    }
  }
  return undefined;
}

/** The first consent step (breadth-first from the start) that asks for one of `purposes`. */
function consentStepFor(conversation: ConversationTurn, purposes: readonly string[]): FlowNode | undefined {
  const first = conversation.index.startNode();
  const asks = (node: FlowNode) =>
    factsOf(node).grants.some((grant) => grant.purposes.some((purpose) => purposes.includes(purpose)));
  return first && firstReachable(conversation.flow, first.id, asks);
}

/** The agent hands the conversation back. */
function release(conversation: ConversationTurn): void {
  const id = conversation.state.node;
  const node = id === null ? undefined : conversation.index.node(id);
  const behaviour = node ? behaviourOf(node) : undefined;
  const resume = behaviour?.resume;
  if (node && resume && factsOf(node).handsOff) {
    follow(
      conversation,
      attempt(conversation, node, () => resume(node, { type: 'agent-released' }, conversation)),
    );
    return;
  }
  // A built-in handoff: back to the question that was waiting, or the end.
  conversation.releasedByAgent();
  if (node && behaviour?.ask) {
    ask(conversation, node);
  } else {
    conversation.finish(node?.id);
  }
}

/** Asks the pending question again, if one is waiting. */
function askAgain(conversation: ConversationTurn): void {
  const id = conversation.state.node;
  if (conversation.state.waitingFor !== 'answer' || conversation.state.ended || id === null) return;
  const node = conversation.index.node(id);
  if (node) ask(conversation, node);
}

/** The apology for an unconnected `invalid` or `error`, with the offer of a person. */
function apologise(conversation: ConversationTurn, reason: 'invalid' | 'error'): void {
  const { flow } = conversation;
  const keyword = keywordFor(flow.keywords, 'human', conversation.language, flow.languages);
  const offer = keyword
    ? conversation.builtIn('offer-keyword', { keyword })
    : conversation.builtIn('offer-contact', { controller: flow.controller.name, contact: flow.controller.contact });
  const apology = conversation.builtIn(reason === 'invalid' ? 'apology-invalid' : 'apology-error');
  conversation.say(conversation.state.node ?? '', `${apology}\n${offer}`);
}
