import type { Flow, FlowEdge } from '../model/schema.ts';
import { applyEdit } from './apply-edit.ts';
import { freshId } from './fresh-id.ts';
import { findNode } from './node-edits.ts';
import { EditError, type Edit, type EditOp } from './types.ts';

/** Where an edge goes: from a node's outcome (`next` when left out) to another node. */
export interface Connection {
  from: string;
  to: string;
  outcome?: string;
}

/**
 * Connects an outcome to a node. An outcome leaves by one edge (DESIGN.md §2), so an edge already
 * leaving by it is replaced in the same edit.
 */
export function connect(flow: Flow, connection: Connection): Edit {
  findNode(flow, connection.from);
  findNode(flow, connection.to);
  const outcome = connection.outcome ?? 'next';
  const existing = flow.edges.filter((edge) => edge.from === connection.from && (edge.outcome ?? 'next') === outcome);
  const taken = new Set(flow.edges.map((edge) => edge.id));
  const id = freshId(`${connection.from}.${outcome}`, taken);
  const ops: EditOp[] = [];
  if (existing.length > 0) ops.push({ op: 'remove', nodeIds: [], edgeIds: existing.map((edge) => edge.id) });
  const kept = flow.edges.length - existing.length;
  ops.push({ op: 'insert', nodes: [], edges: [{ index: kept, item: edgeOf(id, connection) }] });
  return applyEdit(flow, { op: 'batch', ops });
}

/** Moves either end of an edge (or changes the outcome it leaves by), keeping its id. */
export function reconnect(flow: Flow, edgeId: string, change: Partial<Connection>): Edit {
  const edge = flow.edges.find((candidate) => candidate.id === edgeId);
  if (!edge) throw new EditError('unknown-edge', { id: edgeId });
  const connection: Connection = { from: edge.from, to: edge.to, outcome: edge.outcome, ...change };
  findNode(flow, connection.from);
  findNode(flow, connection.to);
  return applyEdit(flow, { op: 'replaceEdge', edge: edgeOf(edge.id, connection) });
}

/** Removes edges. */
export function disconnect(flow: Flow, edgeIds: string[]): Edit {
  return applyEdit(flow, { op: 'remove', nodeIds: [], edgeIds });
}

/** An edge as files write it: no `outcome` for the default `next`. */
export function edgeOf(id: string, connection: Connection): FlowEdge {
  const { from, to, outcome } = connection;
  return outcome === undefined || outcome === 'next' ? { id, from, to } : { id, from, to, outcome };
}
