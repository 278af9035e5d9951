import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../index.ts';
import { ruleIds } from '../diagnostic.ts';
import { parseFlow } from '../../model/parse.ts';
import { toJsonReport } from './json.ts';
import { toSarif } from './sarif.ts';
import { locateFlow } from './source-locations.ts';
import { formatText } from './text.ts';
import { compliantParts, edges, node, testFlow } from '../../../test/check/flow-builder.ts';

const demoFile = new URL('../../examples/noncompliant-demo.flow.json', import.meta.url);
const source = readFileSync(demoFile, 'utf8');
const parsed = parseFlow(source);
if (!parsed.ok) throw new Error('the demo flow must parse');
const flow = parsed.flow;

/**
 * The SARIF 2.1.0 JSON Schema as published on SchemaStore (sarif-2.1.0-rtm.5.json), vendored from
 * the npm package @microsoft/jest-sarif 1.0.0-beta.0 (MIT) into test/check/fixtures. JSON Schema
 * draft-04, hence ajv-draft-04; one of its patterns is not valid with the `u` flag.
 */
function sarifValidator() {
  const schema: unknown = JSON.parse(
    readFileSync(new URL('../../../test/check/fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  );
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema as object);
}

describe('text reporter', () => {
  it('prints file:node: severity rule message, then the witness path', () => {
    const lines = formatText('demo.flow.json', checkFlow(flow));
    expect(lines).toContain(
      'demo.flow.json:choose-plan: error wa-label-too-long The button “Premium family protection plan” of the step “Which plan are you interested in?” is 30 characters long in en; WhatsApp allows 20. Shorten it.',
    );
    const at = lines.findIndex((line) => line.startsWith('demo.flow.json:ask-email: error disclosure-first'));
    expect(lines[at + 1]).toBe('  path: start → ask-email');
    expect(lines).toContainEqual(expect.stringMatching(/^demo\.flow\.json: error no-human-path /));
  });
});

describe('JSON reporter', () => {
  it('gives { file, diagnostics, summary }', () => {
    const diagnostics = checkFlow(flow);
    const report = toJsonReport('demo.flow.json', diagnostics);
    expect(report).toEqual({ file: 'demo.flow.json', diagnostics, summary: { errors: 11, warnings: 2 } });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('SARIF reporter', () => {
  const validate = sarifValidator();

  it('writes a log that validates against the SARIF 2.1.0 schema, in every language', () => {
    for (const language of ['en', 'pt-BR', 'ar'] as const) {
      const log = toSarif(
        [
          {
            uri: 'flows/examples/noncompliant-demo.flow.json',
            flow,
            source,
            diagnostics: checkFlow(flow, { language }),
          },
          {
            uri: 'broken.flow.json',
            diagnostics: [],
            problems: [{ path: '$.nodes[0].type', message: 'unknown type' }],
          },
        ],
        { language, version: '0.1.0' },
      );
      const valid = validate(log);
      expect(validate.errors ?? [], language).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('the schema check can fail: a result without a message is refused', () => {
    const log = toSarif([{ uri: 'a.flow.json', flow, source, diagnostics: checkFlow(flow) }], {
      language: 'en',
      version: '0.1.0',
    });
    const broken = JSON.parse(JSON.stringify(log));
    delete broken.runs[0].results[0].message;
    expect(validate(broken)).toBe(false);
  });

  it('describes every rule in tool.driver.rules and points each result at its line, with the path as a code flow', () => {
    const log = toSarif([{ uri: 'demo.flow.json', flow, source, diagnostics: checkFlow(flow) }], {
      language: 'pt-BR',
      version: '0.1.0',
    });
    const run = log.runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(ruleIds.length);
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'undeclared-data',
      defaultConfiguration: { level: 'error' },
      shortDescription: { text: 'Um passo guarda um dado que não foi declarado' },
    });
    const tags = (id: string) => run.tool.driver.rules.find((rule) => rule.id === id)?.properties?.tags;
    expect(['insecure-transfer', 'dangling-edge', 'wa-text-too-long', 'missing-translation'].map(tags)).toEqual([
      ['privacy'],
      ['graph'],
      ['whatsapp'],
      ['i18n'],
    ]);
    const disclosure = run.results.find((result) => result.ruleId === 'disclosure-first')!;
    const lines = source.split('\n');
    const region = disclosure.locations[0]!.physicalLocation.region!;
    expect(lines[region.startLine - 1]!.slice(region.startColumn - 1)).toBe('{');
    expect(lines[region.startLine]).toContain('"id": "ask-email"');
    expect(
      disclosure.codeFlows?.[0]?.threadFlows[0]?.locations.map((step) => step.location.logicalLocations?.[0]?.name),
    ).toEqual(['start', 'ask-email']);
    expect(run.tool.driver.rules[disclosure.ruleIndex]?.id).toBe('disclosure-first');
    const retention = run.results.find((result) => result.ruleId === 'missing-retention')!;
    expect(retention.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName).toBe('data/health_condition');
  });
});

describe('SARIF code flows through a copy', () => {
  const validate = sarifValidator();

  it('mark the step where personal data was copied (kind taint, with what was copied), and still validate', () => {
    const parts = compliantParts();
    const copied = testFlow({
      ...parts,
      variables: [{ key: 'topic' }, { key: 'ref' }],
      nodes: [
        ...parts.nodes,
        node.set('copy-ref', 'ref', '{{email}}'),
        node.http('send-ref', { url: 'http://api.crm.example/v1/leads', send: ['ref'] }),
      ],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:agent > agent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye, ask-email > thanks',
        'thanks > copy-ref, copy-ref > send-ref, send-ref:ok > human, human > erase, erase > bye, agent > bye',
      ),
    });
    for (const language of ['en', 'pt-BR', 'ar'] as const) {
      const log = toSarif([{ uri: 'copy.flow.json', flow: copied, diagnostics: checkFlow(copied, { language }) }], {
        language,
        version: '0.1.0',
      });
      expect(validate(log)).toBe(true);
      const insecure = log.runs[0]!.results.find((result) => result.ruleId === 'insecure-transfer')!;
      const steps = insecure.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
      expect(steps.map((step) => step.location.logicalLocations?.[0]?.name).slice(-2)).toEqual([
        'copy-ref',
        'send-ref',
      ]);
      const taint = steps.filter((step) => step.kinds?.includes('taint'));
      expect(taint.map((step) => step.location.logicalLocations?.[0]?.name)).toEqual(['copy-ref']);
      expect(taint[0]?.location.message?.text).toContain('{{ref}}');
      expect(taint[0]?.location.message?.text).toContain('{{email}}');
    }
  });
});

describe('source locations', () => {
  it('finds each node, edge and data field, and ignores arrays of the same names deeper down', () => {
    const text =
      '{\n  "data": [ {"key": "a"} ],\n  "nodes": [\n    { "id": "n1", "mock": { "body": { "nodes": [1, 2] } } },\n    {"id": "n2"}\n  ],\n  "edges": []\n}';
    expect(locateFlow(text)).toEqual({
      data: [{ line: 2, column: 13 }],
      nodes: [
        { line: 4, column: 5 },
        { line: 5, column: 5 },
      ],
      edges: [],
    });
  });
});
