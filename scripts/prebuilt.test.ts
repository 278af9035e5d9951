// The prebuilt programs are current exactly while no file they were built from changed or vanished:
// a development checkout never runs a stale `amana` or exports a stale server.js.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPrebuilt, ensureFresh, isFresh, prebuilt, type PrebuiltTarget } from './prebuilt.mjs';

let dir: string;
let target: PrebuiltTarget;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amana-prebuilt-'));
  writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'Olá';\n");
  writeFileSync(join(dir, 'entry.ts'), "import { greeting } from './greeting.ts';\nconsole.log(greeting);\n");
  target = {
    entry: join(dir, 'entry.ts'),
    outfile: join(dir, 'out', 'program.mjs'),
    stamp: join(dir, 'out', 'stamp.json'),
    options: { ...prebuilt.cli.options },
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = () => execFileSync(process.execPath, [target.outfile], { encoding: 'utf8' }).trim();
/** Marks a source as edited after the build, whatever the file system's clock granularity. */
const editLater = (file: string) => utimesSync(file, new Date(), new Date(Date.now() + 60_000));

describe('prebuilt programs', () => {
  it('is not current before its first build, and is after it', async () => {
    expect(isFresh(target)).toBe(false);
    await buildPrebuilt(target);
    expect(isFresh(target)).toBe(true);
    expect(run()).toBe('Olá');
  });

  it('is stale once a source it imports changes, and ensureFresh rebuilds it from the new source', async () => {
    await buildPrebuilt(target);
    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'مرحبا';\n");
    editLater(join(dir, 'greeting.ts'));
    expect(isFresh(target)).toBe(false);
    expect(await ensureFresh(target)).toBe(true);
    expect(run()).toBe('مرحبا');
  });

  it('leaves a current program alone', async () => {
    await buildPrebuilt(target);
    expect(await ensureFresh(target)).toBe(false);
  });

  it('is stale when a source it was built from is gone, or its record of them is', async () => {
    await buildPrebuilt(target);
    rmSync(join(dir, 'greeting.ts'));
    expect(isFresh(target)).toBe(false);
    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'Hello';\n");
    await buildPrebuilt(target);
    rmSync(target.stamp);
    expect(isFresh(target)).toBe(false);
  });
});
