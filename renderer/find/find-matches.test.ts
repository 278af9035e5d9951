import { describe, expect, it } from 'vitest';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import { findMatches } from './find-matches.ts';

const flow = exampleFlow('lead-capture');

describe('findMatches', () => {
  it('finds text in any flow language, ignoring case and accents', () => {
    expect(findMatches(flow, 'qual é o seu e-mail')).toEqual(['ask-email']);
    expect(findMatches(flow, 'WHAT IS YOUR EMAIL')).toEqual([]);
    expect(findMatches(flow, "what's your email")).toEqual(['ask-email']);
    expect(findMatches(flow, 'OTIMO')).toContain('ask-name');
  });

  it('finds step ids, data keys and kind names', () => {
    expect(findMatches(flow, 'send-lead')).toEqual(['send-lead']);
    expect(findMatches(flow, 'marketing_opt_in')).toEqual(expect.arrayContaining(['opt-in-yes', 'send-lead']));
    expect(findMatches(flow, 'Transferir para humano')).toEqual(['handoff-sales']);
    expect(findMatches(flow, '  ')).toEqual([]);
  });
});
