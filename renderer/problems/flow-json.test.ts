import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../flows/edit/index.ts';
import { clinicBooking } from '../../test/fixtures/flows.ts';
import { flowJson } from './flow-json.ts';

describe('the flow as JSON for the check worker', () => {
  it('reads back as the flow it was made from', () => {
    const flow = clinicBooking();
    expect(JSON.parse(flowJson(flow))).toEqual(JSON.parse(JSON.stringify(flow)));
  });

  it('follows an edit of a step after the flow was written once', () => {
    const flow = clinicBooking();
    flowJson(flow);
    const moved = applyEdit(flow, {
      op: 'move',
      positions: [{ id: flow.nodes[1]?.id ?? '', position: { x: 999, y: 7 } }],
    }).flow;
    expect(JSON.parse(flowJson(moved))).toEqual(JSON.parse(JSON.stringify(moved)));
    expect(JSON.parse(flowJson(moved)).nodes[1].position).toEqual({ x: 999, y: 7 });
  });

  it('leaves out a field holding undefined, as JSON.stringify does', () => {
    const flow = { ...clinicBooking(), keywords: undefined };
    expect(JSON.parse(flowJson(flow))).toEqual(JSON.parse(JSON.stringify(flow)));
  });
});
