import { flowSchema, type Flow, type FlowEdge, type FlowNode } from '../model/schema.ts';
import { EditError, type Edit, type EditOp, type FlowFieldKey, type Placed } from './types.ts';

/**
 * Applies one op to a flow and returns the new flow with the op's exact inverse. The flow is never
 * changed in place; untouched nodes and edges are the same objects as before, so the canvas can
 * skip redrawing them. Throws EditError, with the flow unchanged, when the op does not fit the flow.
 */
export function applyEdit(flow: Flow, op: EditOp): Edit {
  switch (op.op) {
    case 'insert':
      return insert(flow, op);
    case 'remove':
      return remove(flow, op);
    case 'replaceNode':
      return replaceNode(flow, op);
    case 'replaceEdge':
      return replaceEdge(flow, op);
    case 'move':
      return move(flow, op);
    case 'setFlowField':
      return setFlowField(flow, op);
    case 'batch':
      return batch(flow, op);
  }
}

function insert(flow: Flow, op: Extract<EditOp, { op: 'insert' }>): Edit {
  const nodeIds = new Set(flow.nodes.map((node) => node.id));
  for (const { item } of op.nodes) {
    if (nodeIds.has(item.id)) throw new EditError('duplicate-node', { id: item.id });
    nodeIds.add(item.id);
  }
  const edgeIds = new Set(flow.edges.map((edge) => edge.id));
  for (const { item } of op.edges) {
    if (edgeIds.has(item.id)) throw new EditError('duplicate-edge', { id: item.id });
    edgeIds.add(item.id);
  }
  return {
    flow: { ...flow, nodes: insertPlaced(flow.nodes, op.nodes), edges: insertPlaced(flow.edges, op.edges) },
    op,
    inverse: {
      op: 'remove',
      nodeIds: op.nodes.map((placed) => placed.item.id),
      edgeIds: op.edges.map((placed) => placed.item.id),
    },
  };
}

function insertPlaced<Item>(list: Item[], placed: Placed<Item>[]): Item[] {
  if (placed.length === 0) return list;
  const result = [...list];
  for (const { index, item } of [...placed].sort((a, b) => a.index - b.index)) {
    if (!Number.isInteger(index) || index < 0 || index > result.length) {
      throw new EditError('bad-index', { index: String(index) });
    }
    result.splice(index, 0, item);
  }
  return result;
}

function remove(flow: Flow, op: Extract<EditOp, { op: 'remove' }>): Edit {
  const nodes = takeOut(flow.nodes, op.nodeIds, 'unknown-node');
  const edges = takeOut(flow.edges, op.edgeIds, 'unknown-edge');
  return {
    flow: { ...flow, nodes: nodes.kept, edges: edges.kept },
    op,
    inverse: { op: 'insert', nodes: nodes.removed, edges: edges.removed },
  };
}

function takeOut<Item extends { id: string }>(
  list: Item[],
  ids: string[],
  problem: 'unknown-node' | 'unknown-edge',
): { kept: Item[]; removed: Placed<Item>[] } {
  if (ids.length === 0) return { kept: list, removed: [] };
  const wanted = new Set(ids);
  const kept: Item[] = [];
  const removed: Placed<Item>[] = [];
  list.forEach((item, index) => {
    if (wanted.delete(item.id)) removed.push({ index, item });
    else kept.push(item);
  });
  const [missing] = wanted;
  if (missing !== undefined) throw new EditError(problem, { id: missing });
  return { kept, removed };
}

function replaceNode(flow: Flow, op: Extract<EditOp, { op: 'replaceNode' }>): Edit {
  const index = indexOf(flow.nodes, op.node.id, 'unknown-node');
  const previous = flow.nodes[index] as FlowNode;
  const nodes = [...flow.nodes];
  nodes[index] = op.node;
  return { flow: { ...flow, nodes }, op, inverse: { op: 'replaceNode', node: previous } };
}

function replaceEdge(flow: Flow, op: Extract<EditOp, { op: 'replaceEdge' }>): Edit {
  const index = indexOf(flow.edges, op.edge.id, 'unknown-edge');
  const previous = flow.edges[index] as FlowEdge;
  const edges = [...flow.edges];
  edges[index] = op.edge;
  return { flow: { ...flow, edges }, op, inverse: { op: 'replaceEdge', edge: previous } };
}

function indexOf(list: { id: string }[], id: string, problem: 'unknown-node' | 'unknown-edge'): number {
  const index = list.findIndex((item) => item.id === id);
  if (index === -1) throw new EditError(problem, { id });
  return index;
}

function move(flow: Flow, op: Extract<EditOp, { op: 'move' }>): Edit {
  const wanted = new Map(op.positions.map((entry) => [entry.id, entry.position]));
  const previous: { id: string; position: FlowNode['position'] }[] = [];
  const nodes = flow.nodes.map((node) => {
    const position = wanted.get(node.id);
    if (position === undefined) return node;
    wanted.delete(node.id);
    previous.push({ id: node.id, position: node.position });
    return { ...node, position };
  });
  const [missing] = wanted.keys();
  if (missing !== undefined) throw new EditError('unknown-node', { id: missing });
  return { flow: { ...flow, nodes }, op, inverse: { op: 'move', positions: previous } };
}

/** The order a parsed flow lists its fields in: the schema's. A field set anew goes to its place. */
const fieldOrder = Object.keys(flowSchema.shape);

function setFlowField(flow: Flow, op: Extract<EditOp, { op: 'setFlowField' }>): Edit {
  const key: FlowFieldKey = op.key;
  const inverse = { op: 'setFlowField', key, value: flow[key] } as Extract<EditOp, { op: 'setFlowField' }>;
  const present = Object.hasOwn(flow, key);
  const result: Record<string, unknown> = {};
  let written = false;
  for (const [existing, value] of Object.entries(flow)) {
    // A field set anew goes before the first field the schema lists after it.
    if (!present && !written && fieldOrder.indexOf(key) < fieldOrder.indexOf(existing)) {
      if (op.value !== undefined) result[key] = op.value;
      written = true;
    }
    if (existing !== key) result[existing] = value;
    else if (op.value !== undefined) result[key] = op.value;
  }
  if (!present && !written && op.value !== undefined) result[key] = op.value;
  // Every key is one of Flow's, holding a value of its type: the object is a Flow.
  return { flow: result as Flow, op, inverse };
}

function batch(flow: Flow, op: Extract<EditOp, { op: 'batch' }>): Edit {
  let current = flow;
  const inverses: EditOp[] = [];
  for (const step of op.ops) {
    const edit = applyEdit(current, step);
    current = edit.flow;
    inverses.unshift(edit.inverse);
  }
  return { flow: current, op, inverse: { op: 'batch', ops: inverses } };
}
