import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amana, root } from '../helpers/amana.ts';

describe('amana check: invisible characters do not hide what a question asks for', () => {
  it('still reads “CPF” with a zero-width space, a soft hyphen or a bidi mark inside it', async () => {
    const flow = JSON.parse(readFileSync(join(root, 'flows/examples/lead-capture.flow.json'), 'utf8'));
    const ask = flow.nodes.find((node: { id: string }) => node.id === 'ask-name');
    const dir = mkdtempSync(join(tmpdir(), 'amana-cues-'));
    const files = ['C\u200BPF', 'C\u00ADPF', '\u200FCPF\u200E', 'C\u2063P\u2060F'].map((word, at) => {
      ask.text = { 'pt-BR': `Qual é o seu ${word}?\u200F`, en: `What is your ${word}?` };
      const file = join(dir, `cpf-${at}.flow.json`);
      writeFileSync(file, JSON.stringify(flow));
      return file;
    });
    const result = await amana('check', '--format', 'json', ...files);
    const reports: { diagnostics: { rule: string; nodeId?: string; message: string }[] }[] = JSON.parse(result.stdout);
    expect(reports).toHaveLength(files.length);
    for (const report of reports) {
      expect(report.diagnostics).toContainEqual(
        expect.objectContaining({ rule: 'mislabeled-data', nodeId: 'ask-name', severity: 'warning' }),
      );
    }
  });
});
