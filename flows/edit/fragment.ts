import type { DataField, Flow, FlowNode, Purpose, Recipient } from '../model/schema.ts';
import { factsOf } from '../nodes/registry.ts';
import { applyEdit } from './apply-edit.ts';
import { freshId } from './fresh-id.ts';
import { keysOfNode } from './used-keys.ts';
import type { Edit, EditOp } from './types.ts';

/**
 * The steps with these ids as a flow file of their own: the steps, the edges between them, and the
 * declarations they use (data fields, variables, their purposes and recipients). It is what the
 * studio puts on the clipboard, so a copy can be pasted into another flow or another window.
 */
export function copyFragment(flow: Flow, nodeIds: readonly string[]): Flow {
  const wanted = new Set(nodeIds);
  const nodes = flow.nodes.filter((node) => wanted.has(node.id));
  const edges = flow.edges.filter((edge) => wanted.has(edge.from) && wanted.has(edge.to));
  const declarations = declarationsFor(flow, nodes, { data: [], variables: [], purposes: [], recipients: [] });
  return {
    format: flow.format,
    version: flow.version,
    id: flow.id,
    name: flow.name,
    languages: flow.languages,
    controller: flow.controller,
    ...declarations,
    nodes,
    edges,
  };
}

/** What pasting did: the edit and the ids the pasted steps got, for selecting them. */
export interface Paste extends Edit {
  nodeIds: string[];
}

/**
 * Pastes a fragment (see copyFragment) into a flow as one edit: every step and edge gets an id
 * the flow does not use yet, edges to steps that were not copied are dropped, positions move by
 * `offset`, and the declarations the steps use that the flow lacks are added. A Start is not
 * pasted into a flow that has one (a flow starts in one place).
 */
export function pasteFragment(flow: Flow, fragment: Flow, offset: { x: number; y: number } = { x: 40, y: 40 }): Paste {
  const hasStart = flow.nodes.some((node) => node.type === 'start');
  const taken = new Set(flow.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  const nodes: FlowNode[] = [];
  for (const node of fragment.nodes) {
    if (hasStart && node.type === 'start') continue;
    const id = freshId(node.id, taken);
    taken.add(id);
    renamed.set(node.id, id);
    nodes.push({ ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } });
  }
  const takenEdges = new Set(flow.edges.map((edge) => edge.id));
  const edges = fragment.edges.flatMap((edge) => {
    const from = renamed.get(edge.from);
    const to = renamed.get(edge.to);
    if (from === undefined || to === undefined) return [];
    const id = freshId(edge.id, takenEdges);
    takenEdges.add(id);
    return [{ ...edge, id, from, to }];
  });
  const ops: EditOp[] = [
    {
      op: 'insert',
      nodes: nodes.map((item, i) => ({ index: flow.nodes.length + i, item })),
      edges: edges.map((item, i) => ({ index: flow.edges.length + i, item })),
    },
  ];
  const added = declarationsFor(fragment, nodes, flow);
  if (added.data.length > 0) ops.push({ op: 'setFlowField', key: 'data', value: [...flow.data, ...added.data] });
  if (added.variables.length > 0) {
    ops.push({ op: 'setFlowField', key: 'variables', value: [...flow.variables, ...added.variables] });
  }
  if (added.purposes.length > 0) {
    ops.push({ op: 'setFlowField', key: 'purposes', value: [...flow.purposes, ...added.purposes] });
  }
  if (added.recipients.length > 0) {
    ops.push({ op: 'setFlowField', key: 'recipients', value: [...flow.recipients, ...added.recipients] });
  }
  return { ...applyEdit(flow, { op: 'batch', ops }), nodeIds: nodes.map((node) => node.id) };
}

interface Declarations {
  data: DataField[];
  variables: Flow['variables'];
  purposes: Purpose[];
  recipients: Recipient[];
}

/** The declarations of `source` that `nodes` use and `target` does not have yet. */
function declarationsFor(source: Flow, nodes: FlowNode[], target: Declarations): Declarations {
  const declared = new Set([...target.data.map((f) => f.key), ...target.variables.map((v) => v.key)]);
  const keys = new Set(nodes.flatMap(keysOfNode));
  const data = source.data.filter((field) => keys.has(field.key) && !declared.has(field.key));
  const variables = source.variables.filter((variable) => keys.has(variable.key) && !declared.has(variable.key));

  const purposeIds = new Set(data.flatMap((field) => field.purposes));
  const recipientIds = new Set(data.flatMap((field) => field.sharedWith ?? []));
  for (const node of nodes) {
    const facts = factsOf(node);
    for (const grant of facts.grants) for (const purpose of grant.purposes) purposeIds.add(purpose);
    for (const sharing of facts.shares) if (sharing.recipient !== undefined) recipientIds.add(sharing.recipient);
  }
  const havePurposes = new Set(target.purposes.map((purpose) => purpose.id));
  const haveRecipients = new Set(target.recipients.map((recipient) => recipient.id));
  return {
    data,
    variables,
    purposes: source.purposes.filter((purpose) => purposeIds.has(purpose.id) && !havePurposes.has(purpose.id)),
    recipients: source.recipients.filter(
      (recipient) => recipientIds.has(recipient.id) && !haveRecipients.has(recipient.id),
    ),
  };
}
