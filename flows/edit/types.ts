import type { Flow, FlowEdge, FlowNode } from '../model/schema.ts';

/** A node or edge with the index it has in its list once inserted. */
export interface Placed<Item> {
  index: number;
  item: Item;
}

/** The flow's own fields an edit may set (nodes and edges have ops of their own; format and version never change). */
export type FlowFieldKey = Exclude<keyof Flow, 'nodes' | 'edges' | 'format' | 'version'>;

/** Sets one of the flow's own fields; `undefined` removes an optional one. */
type SetFlowField = {
  [Key in FlowFieldKey]: { op: 'setFlowField'; key: Key; value: Flow[Key] };
}[FlowFieldKey];

/**
 * One change to a flow, as data (DESIGN.md §6): the document store keeps these for undo and redo,
 * quick fixes are made of them, and the property tests replay them. Every op has an exact inverse
 * (see applyEdit), so undoing any sequence gives back the original byte for byte.
 */
export type EditOp =
  /** Inserts nodes and edges at the given indexes (ascending; each index is the item's final place). */
  | { op: 'insert'; nodes: Placed<FlowNode>[]; edges: Placed<FlowEdge>[] }
  /** Removes exactly these nodes and edges (callers add a node's edges themselves; see deleteElements). */
  | { op: 'remove'; nodeIds: string[]; edgeIds: string[] }
  /** Replaces the node that has this node's id. */
  | { op: 'replaceNode'; node: FlowNode }
  /** Replaces the edge that has this edge's id. */
  | { op: 'replaceEdge'; edge: FlowEdge }
  /** Moves nodes on the canvas. */
  | { op: 'move'; positions: { id: string; position: FlowNode['position'] }[] }
  | SetFlowField
  /** Several ops applied in order as one step; its inverse is the inverses in reverse order. */
  | { op: 'batch'; ops: EditOp[] };

/** An applied edit: the new flow, the op that made it, and the op that undoes it. */
export interface Edit {
  flow: Flow;
  op: EditOp;
  inverse: EditOp;
}

/** Why an edit was refused; the message catalogue (./messages.ts) words each in every interface language. */
export type EditProblem =
  | 'unknown-node'
  | 'unknown-edge'
  | 'duplicate-node'
  | 'duplicate-edge'
  | 'bad-index'
  | 'key-taken'
  | 'key-invalid'
  | 'key-built-in'
  | 'key-unknown'
  | 'language-invalid'
  | 'language-present'
  | 'language-absent'
  | 'last-language'
  | 'not-a-fragment';

/** An edit that cannot be applied to this flow; the flow is left as it was. */
export class EditError extends Error {
  readonly problem: EditProblem;
  readonly params: Record<string, string>;

  constructor(problem: EditProblem, params: Record<string, string> = {}) {
    super(`${problem} ${JSON.stringify(params)}`);
    this.name = 'EditError';
    this.problem = problem;
    this.params = params;
  }
}
