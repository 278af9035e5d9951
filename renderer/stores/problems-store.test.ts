import { beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../flows/check/index.ts';
import { clinicBooking } from '../../test/fixtures/flows.ts';
import { useProblemsStore } from './problems-store.ts';

const finding = (nodeId: string, severity: Diagnostic['severity']): Diagnostic => ({
  rule: severity === 'error' ? 'disclosure-first' : 'unreachable-node',
  severity,
  message: `${severity} at ${nodeId}`,
  nodeId,
});

describe('the problems store', () => {
  beforeEach(() => useProblemsStore.getState().cleared());

  it('counts each step’s problems with the worst severity, for its badge', () => {
    const flow = clinicBooking();
    useProblemsStore
      .getState()
      .checked(flow, [finding('a', 'warning'), finding('a', 'error'), finding('b', 'warning')]);
    const { byStep, summary } = useProblemsStore.getState();
    expect(byStep.get('a')).toEqual({ count: 2, worst: 'error' });
    expect(byStep.get('b')).toEqual({ count: 1, worst: 'warning' });
    expect(summary).toEqual({ errors: 1, warnings: 2 });
  });

  it('keeps the badge of a step whose problems did not change, so only changed cards redraw', () => {
    const flow = clinicBooking();
    useProblemsStore.getState().checked(flow, [finding('a', 'warning'), finding('b', 'warning')]);
    const before = useProblemsStore.getState().byStep;
    useProblemsStore
      .getState()
      .checked(flow, [finding('a', 'warning'), finding('b', 'warning'), finding('b', 'error')]);
    const after = useProblemsStore.getState().byStep;
    expect(after.get('a')).toBe(before.get('a'));
    expect(after.get('b')).not.toBe(before.get('b'));
    expect(after.get('b')).toEqual({ count: 2, worst: 'error' });
  });
});
