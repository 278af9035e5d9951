import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../flows/check/index.ts';
import { uiLanguages } from '../../flows/i18n/index.ts';
import { parseFlow, type Flow } from '../../flows/index.ts';

const folder = new URL('../../flows/examples/', import.meta.url).pathname;
const files = readdirSync(folder).filter((name) => name.endsWith('.flow.json'));

function load(name: string): Flow {
  const parsed = parseFlow(readFileSync(join(folder, name), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.flow;
}

describe('the example flows (the template gallery)', () => {
  it('are there', () => {
    expect(files).toContain('noncompliant-demo.flow.json');
    expect(files.length).toBeGreaterThan(2);
  });

  for (const name of files.filter((file) => file !== 'noncompliant-demo.flow.json')) {
    it(`${name} checks clean, with no error and no warning, in every interface language`, () => {
      const flow = load(name);
      for (const language of uiLanguages) expect(checkFlow(flow, { language })).toEqual([]);
    });
  }

  it('noncompliant-demo gets exactly the findings flows/examples/README.md lists, with their witness paths', () => {
    const found = checkFlow(load('noncompliant-demo.flow.json')).map(({ rule, severity, nodeId, dataKey, path }) => ({
      rule,
      severity,
      ...(nodeId === undefined ? {} : { nodeId }),
      ...(dataKey === undefined ? {} : { dataKey }),
      ...(path === undefined ? {} : { path }),
    }));
    const toSendLead = ['start', 'ask-email', 'hello', 'choose-plan', 'ask-health', 'send-lead'];
    expect(found).toEqual([
      { rule: 'undeclared-data', severity: 'error', nodeId: 'choose-plan', dataKey: 'plan' },
      { rule: 'undeclared-sharing', severity: 'error', nodeId: 'send-lead' },
      { rule: 'missing-retention', severity: 'error', dataKey: 'health_condition' },
      { rule: 'sensitive-without-consent', severity: 'error', dataKey: 'health_condition' },
      {
        rule: 'consent-before-collection',
        severity: 'error',
        nodeId: 'ask-email',
        dataKey: 'email',
        path: ['start', 'ask-email'],
      },
      { rule: 'consent-before-collection', severity: 'error', nodeId: 'send-lead', dataKey: 'email', path: toSendLead },
      { rule: 'disclosure-first', severity: 'error', nodeId: 'ask-email', path: ['start', 'ask-email'] },
      { rule: 'no-human-path', severity: 'error' },
      { rule: 'no-erasure-path', severity: 'error' },
      { rule: 'no-erasure-route', severity: 'warning', nodeId: 'send-lead', path: toSendLead },
      {
        rule: 'sensitive-echo',
        severity: 'warning',
        nodeId: 'noted',
        dataKey: 'health_condition',
        path: [...toSendLead, 'noted'],
      },
      { rule: 'insecure-transfer', severity: 'error', nodeId: 'send-lead', path: toSendLead },
      { rule: 'wa-label-too-long', severity: 'error', nodeId: 'choose-plan' },
    ]);
  });

  it('noncompliant-demo’s messages name the steps and say how to fix them, in all three languages', () => {
    const flow = load('noncompliant-demo.flow.json');
    const first = (language: 'en' | 'pt-BR' | 'ar') =>
      checkFlow(flow, { language }).find((d) => d.rule === 'disclosure-first')?.message;
    expect(first('en')).toBe(
      "The step “Hi! What's your email? We'll send…” asks the customer something before the bot has said it is an automated assistant, " +
        "on the path Start → “Hi! What's your email? We'll send…”. Add a Bot disclosure step before it.",
    );
    expect(first('pt-BR')).toContain('no caminho Início → “Hi! What');
    expect(first('ar')).toContain('في المسار البداية ← «Hi! What');
  });
});
