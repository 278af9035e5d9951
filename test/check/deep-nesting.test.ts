import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amana, root } from '../helpers/amana.ts';

describe('a flow nested past a sane depth', () => {
  it('is refused by amana check and amana export with a clear error at its path, not a crash', async () => {
    const flow = JSON.parse(readFileSync(join(root, 'flows/examples/lead-capture.flow.json'), 'utf8'));
    const at = flow.nodes.findIndex((node: { id: string }) => node.id === 'send-lead');
    flow.nodes[at].mock = { status: 201, body: 'DEEP' };
    const levels = 100_000;
    const text = JSON.stringify(flow).replace('"DEEP"', `${'['.repeat(levels)}${']'.repeat(levels)}`);
    const dir = mkdtempSync(join(tmpdir(), 'amana-deep-'));
    const file = join(dir, 'deep.flow.json');
    writeFileSync(file, text);

    const checked = await amana('check', file);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toContain(`${file}: $.nodes[${at}].mock.body`);
    expect(checked.stdout).toContain('nested more than 100 levels deep');

    const exported = await amana('export', file, '--out', join(dir, 'bot'));
    expect(exported.code).toBe(2);
    expect(exported.stdout + exported.stderr).toContain('nested more than 100 levels deep');
    expect(exported.stderr).not.toMatch(/RangeError|Maximum call stack/);
  });
});
