import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../model/parse.ts';
import type { Flow, FlowNode } from '../model/schema.ts';
import { applyEdit } from './apply-edit.ts';
import { nodeWith } from './node-fields.ts';
import { replaceNode } from './replace-node.ts';

/** The order-status example (en): buttons, a list menu and a condition, each with connections by outcome. */
function orderStatus(): Flow {
  const parsed = parseFlow(readFileSync(new URL('../examples/order-status.flow.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('order-status does not parse');
  return parsed.flow;
}

function step(flow: Flow, id: string): FlowNode {
  const found = flow.nodes.find((node) => node.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** Where the connections leaving a step go, by outcome. */
const exits = (flow: Flow, id: string) =>
  flow.edges.filter((edge) => edge.from === id).map((edge) => [edge.outcome ?? 'next', edge.to]);

describe('replaceNode', () => {
  it('moves the connections of a renamed button to its new id, as one edit that undoes exactly', () => {
    const flow = orderStatus();
    const before = exits(flow, 'after-status');
    expect(before.map(([outcome]) => outcome)).toContain('done');
    const edit = replaceNode(flow, nodeWith(step(flow, 'after-status'), ['options', 2, 'id'], 'finished'));
    expect(exits(edit.flow, 'after-status')).toEqual(
      before.map(([outcome, to]) => [outcome === 'done' ? 'finished' : outcome, to]),
    );
    expect(applyEdit(edit.flow, edit.inverse).flow).toEqual(flow);
  });

  it('moves the connections of a renamed list row and of a renamed rule', () => {
    const flow = orderStatus();
    const row = replaceNode(flow, nodeWith(step(flow, 'main-menu'), ['sections', 0, 'rows', 0, 'id'], 'where'));
    expect(exits(row.flow, 'main-menu').map(([outcome]) => outcome)).toContain('where');
    expect(exits(row.flow, 'main-menu').map(([outcome]) => outcome)).not.toContain('track');
    const rule = replaceNode(flow, nodeWith(step(flow, 'status-branch'), ['rules', 1, 'outcome'], 'on-the-way'));
    expect(exits(rule.flow, 'status-branch').map(([outcome]) => outcome)).toContain('on-the-way');
    expect(exits(rule.flow, 'status-branch').map(([outcome]) => outcome)).not.toContain('shipped');
  });

  it('leaves the connections alone when the new id is another way out of the step, or only a text changed', () => {
    const flow = orderStatus();
    const taken = replaceNode(flow, nodeWith(step(flow, 'after-status'), ['options', 2, 'id'], 'menu'));
    expect(taken.flow.edges).toEqual(flow.edges);
    expect(taken.op.op).toBe('replaceNode');
    const worded = replaceNode(flow, nodeWith(step(flow, 'after-status'), ['options', 2, 'label', 'en'], 'All done'));
    expect(worded.flow.edges).toEqual(flow.edges);
    expect(worded.op.op).toBe('replaceNode');
  });
});
