import { amana } from '../../test/helpers/amana.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const design = readFileSync(join(root, 'flows/model/fixtures/design-example.flow.json'), 'utf8');

function tempFlow(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'amana-validate-')), name);
  writeFileSync(file, content);
  return file;
}

describe('amana validate', () => {
  it('exits 0 and prints no problem for a valid flow', async () => {
    const result = await amana('validate', tempFlow('ok.flow.json', design));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints one line per problem as file: path: message and exits 2', async () => {
    const flow = JSON.parse(design);
    flow.nodes[3].text['pt-BR'] = 5;
    flow.nodes[2].colour = 'red';
    const file = tempFlow('bad.flow.json', JSON.stringify(flow));
    const result = await amana('validate', file);
    expect(result.code).toBe(2);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${file}: $.nodes[2].colour: "colour" is not a field Amana knows here. Check the spelling, or remove it.`,
      `${file}: $.nodes[3].text.pt-BR: "pt-BR" should be a text, but it is a number.`,
    ]);
  });

  it('exits 2 when any of several files is invalid, and reports an unreadable file', async () => {
    const ok = tempFlow('ok.flow.json', design);
    const result = await amana('validate', ok, '/no/such/file.flow.json');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('/no/such/file.flow.json: ');
    expect(result.stdout).toContain('ENOENT');
  });

  it('speaks Portuguese and Arabic with --lang', async () => {
    const file = tempFlow('bad.flow.json', design.replace('"format": "amana.flow"', '"format": "other"'));
    expect((await amana('validate', '--lang', 'pt-BR', file)).stdout).toContain('não é um arquivo de fluxo do Amana');
    expect((await amana('validate', file, '--lang=ar')).stdout).toContain('ليس ملف مسار من أمانة');
  });

  it('answers --help, --version and unknown commands', async () => {
    const help = await amana('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate\s+Check that flow files/);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect((await amana('--version')).stdout.trim()).toBe(manifest.version);
    expect((await amana('frobnicate')).code).toBe(2);
    expect((await amana('validate')).code).toBe(2);
    expect((await amana('validate', '--lang', 'fr', 'x')).stderr).toContain('--lang must be en, pt-BR or ar');
  });
});
