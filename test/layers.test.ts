// The dependency direction of DESIGN.md §1 is enforced twice: by lint rules keyed on folders
// and by one tsconfig per layer. These tests prove both guards bite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps the layers apart', () => {
  it.each([
    ["import { readFile } from 'node:fs';", 'a Node built-in'],
    ["import path from 'path';", 'a Node built-in without the node: prefix'],
    ["import { useState } from 'react';", 'React'],
    ["import { app } from 'electron';", 'Electron'],
    ["import Database from 'better-sqlite3';", 'native storage'],
    ["import { x } from '../../renderer/App.tsx';", 'the renderer'],
    ["import { x } from '../../runtime/server.ts';", 'the runtime'],
  ])('refuses %s inside flows/ (%s)', async (source) => {
    expect(await importErrors('flows/model/probe.ts', `${source}\nexport const y = 1;\n`)).not.toEqual([]);
  });

  it('lets flows/ import itself and zod', async () => {
    const source =
      "import { z } from 'zod';\nimport { parseFlow } from './parse.ts';\nexport const y = [z, parseFlow];\n";
    expect(await importErrors('flows/model/probe.ts', source)).toEqual([]);
  });

  it.each([
    ['renderer/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';"],
    ['cli/probe.ts', "import { x } from '../renderer/store.ts';"],
    ['cli/probe.ts', "import { x } from '../electron/main.ts';"],
    ['runtime/probe.ts', "import { x } from '../electron/main.ts';"],
    ['shared/probe.ts', "import { x } from '../renderer/store.ts';"],
    ['electron/probe.ts', "import { x } from '../renderer/store.ts';"],
  ])('refuses in %s: %s', async (file, source) => {
    expect(await importErrors(file, `${source}\nexport const y = x;\n`)).not.toEqual([]);
  });

  it('lets the CLI use Node and flows/', async () => {
    const source =
      "import { readFile } from 'node:fs/promises';\nimport { parseFlow } from '../flows/index.ts';\nexport const y = [readFile, parseFlow];\n";
    expect(await importErrors('cli/probe.ts', source)).toEqual([]);
  });
});

describe('the flows/ tsconfig compiles without Node or DOM types', () => {
  function typeCheck(source: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'amana-layer-'));
    writeFileSync(join(dir, 'probe.ts'), source);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'flows/tsconfig.json'), include: [join(dir, 'probe.ts')] }),
    );
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  }

  it('rejects Node globals and DOM globals, accepts plain ES2022', () => {
    expect(typeCheck('export const cwd = process.cwd();\n')).toMatch(/Cannot find name 'process'/);
    expect(typeCheck('export const title = document.title;\n')).toMatch(/Cannot find name 'document'/);
    expect(typeCheck('export const ok: string[] = [1, 2].map(String).toSorted();\n')).toMatch(/toSorted/);
    expect(typeCheck('export const ok = Object.entries({ a: 1 }).flat();\n')).toBe('');
  });
});
