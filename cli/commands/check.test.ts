import { amana } from '../../test/helpers/amana.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const demo = 'flows/examples/noncompliant-demo.flow.json';
const clean = 'flows/examples/lead-capture.flow.json';

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'amana-check-')), name);
  writeFileSync(file, content);
  return file;
}

describe('amana check', () => {
  it('exits 0 for a compliant flow and says so on stderr', async () => {
    const result = await amana('check', clean);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toContain('No problems found in 1 file(s).');
  });

  it('exits 1 with errors, one line per finding and the witness path', async () => {
    const result = await amana('check', demo, clean);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${demo}:ask-email: error disclosure-first The step “Hi! What's your email?`);
    expect(result.stdout).toContain('  path: start → ask-email\n');
    expect(result.stdout).toContain(`${demo}:noted: warning sensitive-echo`);
    expect(result.stdout).toContain(`${demo}:send-lead: warning no-erasure-route`);
    expect(result.stderr).toContain('11 error(s), 2 warning(s) in 2 file(s).');
  });

  it('exits 0 when there are only warnings', async () => {
    const flow = JSON.parse(readFileSync(join(root, clean), 'utf8'));
    flow.nodes.push({ id: 'orphan', type: 'message', position: { x: 0, y: 0 }, text: { 'pt-BR': 'Oi', en: 'Hi' } });
    flow.edges.push({ id: 'e-orphan', from: 'orphan', to: 'bye' });
    const result = await amana('check', tempFile('warn.flow.json', JSON.stringify(flow)));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(':orphan: warning unreachable-node');
  });

  it('exits 2 for a file that is not a valid flow, printing its problems like validate', async () => {
    const file = tempFile(
      'bad.flow.json',
      readFileSync(join(root, clean), 'utf8').replace('"type": "disclosure"', '"type": "disclaimer"'),
    );
    const result = await amana('check', file, demo);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${file}: $.nodes[1].type: `);
    const missing = await amana('check', '/no/such/file.flow.json');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('ENOENT');
  });

  it('--format json gives { file, diagnostics, summary }, an array for several files', async () => {
    const one = await amana('check', '--format', 'json', demo);
    expect(one.code).toBe(1);
    const report = JSON.parse(one.stdout);
    expect(report).toMatchObject({ file: demo, summary: { errors: 11, warnings: 2 } });
    expect(report.diagnostics[0]).toMatchObject({
      rule: 'undeclared-data',
      severity: 'error',
      nodeId: 'choose-plan',
      dataKey: 'plan',
    });
    const several = JSON.parse((await amana('check', '--format=json', demo, clean)).stdout);
    expect(several.map((entry: { file: string }) => entry.file)).toEqual([demo, clean]);
  });

  it('--format json keeps stdout JSON for an invalid file and lists its parse errors', async () => {
    const file = tempFile('bad.flow.json', '{ "format": "amana.flow", "version": 1 }');
    const result = await amana('check', '--format', 'json', file);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.parseErrors.length).toBeGreaterThan(0);
    expect(result.stderr).toContain(`${file}: $.`);
  });

  it('--format sarif gives a SARIF 2.1.0 log with relative artifact URIs', async () => {
    const result = await amana('check', '--format', 'sarif', demo);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].artifacts[0].location.uri).toBe(demo);
    expect(log.runs[0].results).toHaveLength(13);
  });

  it('speaks Portuguese and Arabic with --lang', async () => {
    const portuguese = await amana('check', '--lang', 'pt-BR', demo);
    expect(portuguese.stdout).toContain('no caminho Início → ');
    expect(portuguese.stderr).toContain('11 erro(s), 2 aviso(s) em 1 arquivo(s).');
    const arabic = await amana('check', demo, '--lang=ar');
    expect(arabic.stdout).toContain('قبل أن يُفصح المساعد أنه آلي');
    const sarif = JSON.parse((await amana('check', '--lang', 'ar', '--format', 'sarif', demo)).stdout);
    expect(sarif.runs[0].tool.driver.language).toBe('ar');
  });

  it('refuses unknown options and formats, and asks for files', async () => {
    expect((await amana('check', '--strict', demo)).code).toBe(2);
    const format = await amana('check', '--format', 'xml', demo);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be text, json or sarif');
    expect((await amana('check')).code).toBe(2);
    expect((await amana('--help')).stdout).toMatch(/check\s+Prove a flow respects/);
  });
});
