import { buttonsKind } from './buttons/index.ts';
import { conditionKind } from './condition/index.ts';
import { consentKind } from './consent/index.ts';
import { disclosureKind } from './disclosure/index.ts';
import { endKind } from './end/index.ts';
import { eraseKind } from './erase/index.ts';
import { handoffKind } from './handoff/index.ts';
import { httpKind } from './http/index.ts';
import { listKind } from './list/index.ts';
import { messageKind } from './message/index.ts';
import { questionKind } from './question/index.ts';
import { setKind } from './set/index.ts';
import { startKind } from './start/index.ts';
import { noFacts, type CountLimit, type PrivacyFacts, type TextSite } from './kind.ts';
import type { Outcome } from './outcomes.ts';
import type { Behaviour } from './behaviour.ts';

/**
 * Every node kind, one folder each. The flow schema's union, the checker's facts and the
 * engine's dispatch are all built from this list: adding a kind means adding a folder and a line here.
 */
export const nodeKinds = [
  startKind,
  messageKind,
  disclosureKind,
  questionKind,
  buttonsKind,
  listKind,
  conditionKind,
  setKind,
  httpKind,
  consentKind,
  handoffKind,
  eraseKind,
  endKind,
] as const;

type AnyKind = (typeof nodeKinds)[number];
export type NodeType = AnyKind['type'];

const kindsByType = new Map<string, AnyKind>(nodeKinds.map((kind) => [kind.type, kind]));

export const nodeTypes: readonly NodeType[] = nodeKinds.map((kind) => kind.type);

/** The kind of a node type, or undefined for a type no kind declares. */
export function findKind(type: string): AnyKind | undefined {
  return kindsByType.get(type);
}

/**
 * The per-node functions of a kind, typed for any node. A node's `type` selects its kind, so the
 * node always matches the schema that kind's functions were written for; TypeScript cannot follow
 * that link through a map lookup, hence this one widening.
 */
interface KindFunctions {
  entry?: boolean;
  outcomes(node: unknown): Outcome[];
  facts(node: unknown): Partial<PrivacyFacts>;
  texts(node: unknown): TextSite[];
  counts?(node: unknown): CountLimit[];
  behaviour: Behaviour<unknown>;
}

function functionsOf(node: { type: string }): KindFunctions {
  const kind = kindsByType.get(node.type);
  if (!kind) throw new Error(`Unknown node type "${node.type}"`);
  return kind as unknown as KindFunctions;
}

/** Whether edges may lead into the node (every kind but Start). */
export function hasEntry(node: { type: string }): boolean {
  return functionsOf(node).entry !== false;
}

/** The node's outcomes: the ids its edges may leave by. */
export function outcomesOf(node: { type: string }): Outcome[] {
  return functionsOf(node).outcomes(node);
}

/** The node's privacy facts, with empty defaults for what the kind does not declare. */
export function factsOf(node: { type: string }): PrivacyFacts {
  return { ...noFacts, ...functionsOf(node).facts(node) };
}

/**
 * What the node's kind declares about it, without the defaults `factsOf` fills in: for the
 * checker, which reads every node of large flows and has no use for a merged copy of each.
 */
export function declaredFactsOf(node: { type: string }): Partial<PrivacyFacts> {
  return functionsOf(node).facts(node);
}

/** Every text the customer reads in this node, with WhatsApp's limit on it. */
export function textsOf(node: { type: string }): TextSite[] {
  return functionsOf(node).texts(node);
}

/** Counts WhatsApp caps in this node (buttons, rows). */
export function countsOf(node: { type: string }): CountLimit[] {
  return functionsOf(node).counts?.(node) ?? [];
}

/** How the node behaves in a conversation: the engine's dispatch on the node's kind. */
export function behaviourOf(node: { type: string }): Behaviour<unknown> {
  return functionsOf(node).behaviour;
}
