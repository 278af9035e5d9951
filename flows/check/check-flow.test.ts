import { describe, expect, it } from 'vitest';
import { checkFlow, ruleIds, rules, summarize } from './index.ts';
import { uiLanguages } from '../i18n/index.ts';
import { compliantParts, edges, testFlow } from '../../test/check/flow-builder.ts';

describe('checkFlow', () => {
  it('registers exactly the rule ids of DESIGN.md §3, in their order, with their severities', () => {
    expect(rules.map((rule) => rule.id)).toEqual([...ruleIds]);
    const warnings = rules.filter((rule) => rule.severity === 'warning').map((rule) => rule.id);
    expect(warnings.sort()).toEqual([
      'collected-not-used',
      'missing-translation',
      'no-erasure-route',
      'sensitive-echo',
      'unreachable-node',
      'unused-declaration',
    ]);
  });

  it('has a title and help for every rule in every interface language', () => {
    for (const rule of rules)
      for (const language of uiLanguages) {
        expect(rule.title[language].length, `${rule.id} ${language}`).toBeGreaterThan(10);
        expect(rule.help[language].length, `${rule.id} ${language}`).toBeGreaterThan(40);
      }
  });

  it('fills every placeholder of every message it gives (no “{node}” left in a sentence)', () => {
    const parts = compliantParts();
    const messy = testFlow({
      ...parts,
      keywords: {},
      data: [
        { key: 'email', label: { 'pt-BR': 'E-mail' }, category: 'user.health', purposes: [], legalBasis: 'contract' },
      ],
      edges: [
        ...edges('start > menu, menu:help > ask-email, menu:agent > thanks, ask-email > thanks'),
        { id: 'x', from: 'thanks', to: 'ghost' },
      ],
    });
    for (const language of uiLanguages)
      for (const diagnostic of checkFlow(messy, { language }))
        expect(diagnostic.message).not.toMatch(/(?<!\{)\{[a-z]+\}(?!\})/i);
  });

  it('summarizes errors and warnings', () => {
    expect(
      summarize([
        { rule: 'no-start', severity: 'error', message: '' },
        { rule: 'unreachable-node', severity: 'warning', message: '' },
        { rule: 'missing-retention', severity: 'error', message: '' },
      ]),
    ).toEqual({ errors: 2, warnings: 1 });
  });
});
