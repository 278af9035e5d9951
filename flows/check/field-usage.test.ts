import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../model/parse.ts';
import { fieldUsage } from './field-usage.ts';

describe('where each field is used', () => {
  it('lists the steps that collect, read and share each key', () => {
    const text = readFileSync(new URL('../examples/noncompliant-demo.flow.json', import.meta.url), 'utf8');
    const parsed = parseFlow(JSON.parse(text));
    if (!parsed.ok) throw new Error('the demo parses');
    const usage = fieldUsage(parsed.flow);
    // What an http step sends counts as shared, not read (PrivacyFacts.reads).
    expect(usage.get('email')).toEqual({ collectedBy: ['ask-email'], readBy: [], sharedBy: ['send-lead'] });
    expect(usage.get('health_condition')).toEqual({
      collectedBy: ['ask-health'],
      readBy: ['noted'],
      sharedBy: ['send-lead'],
    });
    expect(usage.get('plan')?.collectedBy).toEqual(['choose-plan']);
  });
});
