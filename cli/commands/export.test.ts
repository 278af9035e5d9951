import { amana } from '../../test/helpers/amana.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { twoLanguageBundleFiles } from '../../test/fixtures/bundle-files.ts';

const root = new URL('../../', import.meta.url).pathname;
const examples = join(root, 'flows/examples');

const scratchDirs: string[] = [];

function scratch(): string {
  mkdirSync(join(root, '.amana-tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.amana-tmp', 'export-cli-'));
  scratchDirs.push(dir);
  return dir;
}

describe('amana export', () => {
  afterAll(() => {
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a flow with check errors: exit 1, the report printed, nothing written', async () => {
    const out = join(scratch(), 'bot');
    const result = await amana('export', join(examples, 'noncompliant-demo.flow.json'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/noncompliant-demo\.flow\.json:choose-plan: error undeclared-data /);
    expect(result.stdout).toMatch(/: error missing-retention /);
    expect(result.stderr).toMatch(/^Not exported: .*noncompliant-demo\.flow\.json has \d+ error\(s\)\./m);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the bundle, and a re-export into it keeps the operator’s .env and database', async () => {
    const out = join(scratch(), 'bot');
    const first = await amana('export', join(examples, 'lead-capture.flow.json'), '--out', out);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Exported “Casa Aurora — pedido de orçamento” to .*: 9 files/m);
    expect(readdirSync(out).sort()).toEqual(twoLanguageBundleFiles);
    expect(readFileSync(join(out, 'server.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    writeFileSync(join(out, '.env'), 'PORT=8080\n');
    writeFileSync(join(out, 'amana.db'), 'not really a database');
    const again = await amana('export', join(examples, 'lead-capture.flow.json'), '--out', out, '--lang', 'pt-BR');
    expect(again.code).toBe(0);
    expect(readFileSync(join(out, '.env'), 'utf8')).toBe('PORT=8080\n');
    expect(readFileSync(join(out, 'amana.db'), 'utf8')).toBe('not really a database');
    expect(readFileSync(join(out, 'records-of-processing.md'), 'utf8')).toMatch(
      /^# Registro das operações de tratamento/,
    );
  });

  it('will not write into a folder of other files unless told to', async () => {
    const out = scratch();
    writeFileSync(join(out, 'README.md'), 'my own notes');
    const refused = await amana('export', join(examples, 'order-status.flow.json'), '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not an Amana bot folder');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('my own notes');
    expect((await amana('export', join(examples, 'order-status.flow.json'), '--out', out, '--force')).code).toBe(0);
  });

  it('explains its usage mistakes with exit code 2', async () => {
    expect((await amana('export', join(examples, 'order-status.flow.json'))).stderr).toContain(
      'Say where to write the bot',
    );
    expect((await amana('export', '--out', 'x')).code).toBe(2);
    expect((await amana('export', 'a.json', 'b.json', '--out', 'x')).stderr).toContain('Export one flow at a time.');
    expect((await amana('export', join(examples, 'order-status.flow.json'), '--out', 'x', '--zip')).stderr).toContain(
      'Unknown option "--zip"',
    );
    const broken = join(scratch(), 'broken.flow.json');
    writeFileSync(broken, '{"format": "amana.flow", "version": 1}');
    const invalid = await amana('export', broken, '--out', join(scratch(), 'bot'));
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toContain(`${broken}: $`);
    expect((await amana('export', '--help')).stdout).toContain('Usage: amana export <flow.json> --out <folder>');
  });
});
