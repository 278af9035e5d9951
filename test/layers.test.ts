// The dependency direction of DESIGN.md §1 is enforced twice: by lint rules keyed on folders
// and by one tsconfig per layer. These tests prove both guards bite.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it.each([
    ["import { useStore } from 'zustand';", 'zustand'],
    ["import { ReactFlow } from '@xyflow/react';", 'React Flow'],
    ["import { x } from '../../renderer/stores/document-store.ts';", 'the renderer'],
  ])('refuses %s inside flows/edit/ (%s): editing is pure like the rest of the core', async (source) => {
    expect(await importErrors('flows/edit/probe.ts', `${source}\nexport const y = 1;\n`)).not.toEqual([]);
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
    ['cli/probe.ts', "import { x } from '../services/workspace/open-workspace.ts';"],
    ['cli/commands/probe.ts', "import { x } from '../../services/studio/create-studio.ts';"],
    ['cli/probe.ts', "import { x } from '../services/messages.ts';"],
    ['cli/probe.ts', "import { x } from '../scripts/prebuilt.mjs';"],
    ['cli/probe.ts', "import { build as x } from 'esbuild';"],
    ['runtime/probe.ts', "import { x } from '../services/bundle/bundle-folder.ts';"],
    ['runtime/probe.ts', "import { x } from '../scripts/prebuilt.mjs';"],
    ['services/bundle/probe.ts', "import { x } from '../../scripts/prebuilt.mjs';"],
    ['electron/probe.ts', "import { x } from '../scripts/prebuilt.mjs';"],
    ['shared/probe.ts', "import { x } from '../renderer/store.ts';"],
    ['electron/probe.ts', "import { x } from '../renderer/store.ts';"],
  ])('refuses in %s: %s', async (file, source) => {
    expect(await importErrors(file, `${source}\nexport const y = x;\n`)).not.toEqual([]);
  });

  it('lets the CLI write a bot with services/bundle/, which the studio’s export uses too', async () => {
    const source =
      "import { writeBundleFiles } from '../../services/bundle/bundle-folder.ts';\nimport { runtimeSourceAt } from '../../services/bundle/runtime-source.ts';\nexport const y = [writeBundleFiles, runtimeSourceAt];\n";
    expect(await importErrors('cli/commands/probe.ts', source)).toEqual([]);
  });

  it('lets the CLI use Node and flows/', async () => {
    const source =
      "import { readFile } from 'node:fs/promises';\nimport { parseFlow } from '../flows/index.ts';\nexport const y = [readFile, parseFlow];\n";
    expect(await importErrors('cli/probe.ts', source)).toEqual([]);
  });
});

describe('lint keeps the areas of flows/ apart', () => {
  it.each([
    ["import { start } from '../../engine/index.ts';", 'the engine'],
    ["import { start } from '../../engine/run.ts';", 'a file of the engine'],
    ["import type { Conversation } from '../../engine/conversation.ts';", 'a type of the engine'],
    ["import { checkFlow } from '../../check/index.ts';", 'the checker'],
    ["import { buildBundle } from '../../export/index.ts';", 'the bundle builder'],
  ])('refuses in a node kind: %s (%s)', async (source) => {
    expect(await importErrors('flows/nodes/question/probe.ts', `${source}\nexport const y = 1;\n`)).not.toEqual([]);
  });

  it('lets a node kind import the behaviour contract, the model and its own files', async () => {
    const source = [
      "import { leave, type Behaviour } from '../behaviour.ts';",
      "import { textKeys } from '../../model/common.ts';",
      "import type { QuestionNode } from './schema.ts';",
      'export const y = [leave, textKeys] as unknown as Behaviour<QuestionNode>;',
    ].join('\n');
    expect(await importErrors('flows/nodes/question/probe.ts', `${source}\n`)).toEqual([]);
  });

  it('lets the engine import the node kinds', async () => {
    const source = "import { behaviourOf } from '../nodes/registry.ts';\nexport const y = behaviourOf;\n";
    expect(await importErrors('flows/engine/probe.ts', source)).toEqual([]);
  });

  it.each([
    ['cli/probe.ts', "import { parseFlow } from '../flows/model/parse.ts';"],
    ['runtime/conversation/probe.ts', "import type { EngineEvent } from '../../flows/nodes/events.ts';"],
    ['renderer/canvas/probe.ts', "import { localText } from '../../flows/i18n/lang-text.ts';"],
    ['services/probe.ts', "import { toSarif } from '../flows/check/reporters/sarif.ts';"],
    ['test/engine/probe.ts', "import { Conversation } from '../../flows/engine/conversation.ts';"],
    ['runtime/store/probe.test.ts', "import { runtimeRetention } from '../../flows/export/facts.ts';"],
  ])('refuses a file inside flows/ from %s: %s', async (file, source) => {
    expect(await importErrors(file, `${source}\nexport const y = 1;\n`)).not.toEqual([]);
  });

  it.each([
    ['cli/probe.ts', "import { parseFlow } from '../flows/index.ts';"],
    ['runtime/conversation/probe.ts', "import { start } from '../../flows/engine/index.ts';"],
    ['renderer/canvas/probe.ts', "import { localText } from '../../flows/i18n/index.ts';"],
    ['services/probe.ts', "import { toSarif } from '../flows/check/index.ts';"],
  ])('lets %s import an area index: %s', async (file, source) => {
    expect(await importErrors(file, `${source}\nexport const y = 1;\n`)).toEqual([]);
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

describe('the import graph of flows/ has no cycle, type imports counted', () => {
  function cruise(folder: string): { status: number; output: string } {
    try {
      const output = execFileSync(
        process.execPath,
        [
          join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
          folder,
          '--config',
          join(root, '.dependency-cruiser.cjs'),
        ],
        { cwd: root, encoding: 'utf8' },
      );
      return { status: 0, output };
    } catch (error) {
      const failure = error as { status?: number; stdout?: string };
      return { status: failure.status ?? 1, output: String(failure.stdout ?? error) };
    }
  }

  it('finds a loop made only of type imports', () => {
    mkdirSync(join(root, '.amana-tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, '.amana-tmp', 'cycle-'));
    try {
      writeFileSync(
        join(dir, 'kind.ts'),
        "import type { Engine } from './engine.ts';\nexport type Kind = { run(engine: Engine): void };\n",
      );
      writeFileSync(
        join(dir, 'engine.ts'),
        "import type { Kind } from './kind.ts';\nexport type Engine = { kinds: Kind[] };\n",
      );
      const result = cruise(dir.slice(root.length));
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/no-cycle/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds none in flows/', () => {
    const result = cruise('flows');
    expect(result.output).toMatch(/no dependency violations/);
    expect(result.status).toBe(0);
  });
});
