import { amana } from '../../test/helpers/amana.ts';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** A copy of one example flow and its transcript in a temporary folder. */
function copyExample(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'amana-test-'));
  for (const suffix of ['.flow.json', '.transcript.json']) {
    cpSync(join(root, 'flows/examples', `${name}${suffix}`), join(folder, `${name}${suffix}`));
  }
  return folder;
}

describe('amana test', () => {
  it('passes on every example flow, with full coverage shown per flow', async () => {
    const result = await amana('test', 'flows/examples');
    expect(result.code).toBe(0);
    const flows = [
      'clinic-appointment',
      'lead-capture',
      'noncompliant-demo',
      'order-status',
      'pizza-delivery',
      'support-cpf',
    ];
    for (const flow of flows) {
      expect(result.stdout).toContain(`flows/examples/${flow}.flow.json (${flow}.transcript.json)`);
    }
    const coverage = result.stdout.match(/coverage: nodes (\d+)\/(\d+) \(\d+%\), edges (\d+)\/(\d+) \(\d+%\)/g) ?? [];
    expect(coverage).toHaveLength(flows.length);
    for (const line of coverage) {
      const [, nodes, nodesTotal, edges, edgesTotal] = /nodes (\d+)\/(\d+).*edges (\d+)\/(\d+)/.exec(line) ?? [];
      expect(nodes).toBe(nodesTotal);
      expect(edges).toBe(edgesTotal);
    }
    expect(result.stdout).not.toContain('✗');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('prints the failing expectation, the uncovered nodes and exits 1', async () => {
    const folder = copyExample('support-cpf');
    const file = join(folder, 'support-cpf.transcript.json');
    const transcript = JSON.parse(readFileSync(file, 'utf8'));
    transcript.tests = transcript.tests.slice(0, 1);
    transcript.tests[0].turns[1].expect.collected.assunto = 'fatura';
    writeFileSync(file, JSON.stringify(transcript));
    const result = await amana('test', folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  ✗ internet problem: CPF and description go to technical support');
    expect(result.stdout).toContain('      turn 2 (user: “1”): expected assunto to be "fatura"; it is "internet"');
    expect(result.stdout).toMatch(/coverage: nodes 9\/13 \(69%\), edges 8\/19 \(42%\)/);
    expect(result.stdout).toContain(
      'nodes not reached: transferir-sem-cpf, transferir-financeiro, transferir-atendimento, apagar-dados',
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('runs a transcript named directly, and explains a broken transcript file in the chosen language', async () => {
    const folder = copyExample('order-status');
    const direct = await amana('test', join(folder, 'order-status.transcript.json'));
    expect(direct.code).toBe(0);
    writeFileSync(join(folder, 'order-status.transcript.json'), '{"tests": [{"name": "x", "turns": [{"user": 1}]}]}');
    const broken = await amana('test', folder, '--lang', 'pt-BR');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('não foi possível ler a transcrição');
    expect(broken.stdout).toContain('$.tests[0].turns[0].user: "user" deveria ser um texto.');
    expect(broken.stdout.trimEnd().split('\n').at(-1)).toBe('0 passaram, 1 falharam');
  });

  it('finds a flow file whose name is in capitals, and its tests where the studio keeps them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'amana-test-'));
    cpSync(join(root, 'flows/examples/order-status.flow.json'), join(folder, 'Pedidos.FLOW.JSON'));
    cpSync(join(root, 'flows/examples/order-status.transcript.json'), join(folder, 'Pedidos.transcript.json'));
    for (const target of [folder, join(folder, 'Pedidos.FLOW.JSON')]) {
      const result = await amana('test', target);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain('Pedidos.FLOW.JSON (Pedidos.transcript.json)');
      expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/);
    }
  });

  it('fails when there is nothing to test, and refuses wrong usage', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'amana-test-'));
    cpSync(join(root, 'flows/examples/order-status.flow.json'), join(folder, 'order-status.flow.json'));
    const none = await amana('test', folder);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('no transcript tests (order-status.transcript.json not found)');
    expect((await amana('test')).code).toBe(2);
    expect((await amana('test', '/no/such/folder')).code).toBe(2);
    expect((await amana('test', '--frobnicate', folder)).code).toBe(2);
  });
});
