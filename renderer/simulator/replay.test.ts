import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../flows/check/index.ts';
import type { Flow } from '../../flows/index.ts';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import { ledgerOf } from './ledger.ts';
import { pathTaken, stateOf, type RehearsalSetup } from './rehearsal.ts';
import { replayPath } from './replay.ts';
import { proposeStartingPoint } from './starting-point.ts';

const setup = (flow: Flow): RehearsalSetup => ({
  language: flow.languages[0] ?? 'en',
  contact: { phone: '+5511912345678', name: 'Ana Souza' },
  http: {},
});

describe('replaying a problem’s witness path', () => {
  it('follows the checker’s path on the non-compliant demo to the step with the problem', () => {
    const flow = exampleFlow('noncompliant-demo');
    const problem = checkFlow(flow).find((d) => d.rule === 'insecure-transfer');
    expect(problem?.path?.at(-1)).toBe('send-lead');
    const replay = replayPath(flow, problem?.path ?? [], setup(flow));
    expect(replay.stop).toEqual({ reason: 'done' });
    expect(replay.reached).toBe('send-lead');
    const ledger = ledgerOf(flow, replay.rehearsal);
    expect(ledger.withheld.map((entry) => entry.key)).toContain('email');
    expect(ledger.shared.map((entry) => entry.recipient)).toHaveLength(1);
  });

  it('takes the error way out of an http step when the path does, and the invalid way out of a question', () => {
    const flow = exampleFlow('lead-capture');
    const path = [
      'start',
      'welcome',
      'choose-interest',
      'consent-contact',
      'ask-name',
      'ask-email',
      'ask-phone',
      'consent-marketing',
      'opt-in-no',
      'send-lead',
      'crm-failed',
      'handoff-sales',
    ];
    const replay = replayPath(flow, path, setup(flow));
    expect(replay.stop).toEqual({ reason: 'done' });
    expect(pathTaken(replay.rehearsal).nodes.has('crm-failed')).toBe(true);
    expect(replay.rehearsal.setup.http).toEqual({ 'send-lead': { error: 'replay' } });
  });

  it('says where it stopped when the flow has no such connection, or the conversation ends first', () => {
    const flow = exampleFlow('lead-capture');
    const missing = replayPath(flow, ['start', 'welcome', 'choose-interest', 'ask-name'], setup(flow));
    expect(missing).toMatchObject({
      reached: 'choose-interest',
      stop: { reason: 'no-connection', from: 'choose-interest', to: 'ask-name' },
    });
    expect(stateOf(missing.rehearsal).node).toBe('choose-interest');
    const declined = replayPath(
      flow,
      ['start', 'welcome', 'choose-interest', 'consent-contact', 'contact-declined', 'bye'],
      setup(flow),
    );
    expect(declined).toMatchObject({
      reached: 'contact-declined',
      stop: { reason: 'ended', node: 'contact-declined' },
    });
  });
});

describe('starting from a chosen step', () => {
  it('proposes the consents and values the shortest way there would give', () => {
    const proposal = proposeStartingPoint(exampleFlow('lead-capture'), 'consent-marketing');
    expect(proposal.unreachable).toBe(false);
    expect(proposal.purposes).toEqual([
      { id: 'sales_contact', granted: true },
      { id: 'marketing', granted: false },
    ]);
    expect(proposal.values).toEqual([
      { key: 'interest', value: 'planned' },
      { key: 'name', value: 'Ana Souza' },
      { key: 'email', value: 'ana@example.com' },
      { key: 'phone', value: '+5511912345678' },
    ]);
  });

  it('proposes nothing for a step the start does not lead to', () => {
    const flow = exampleFlow('lead-capture');
    const island = { ...flow, edges: flow.edges.filter((edge) => edge.to !== 'bye') };
    expect(proposeStartingPoint(island, 'bye').unreachable).toBe(true);
  });
});
