// The studio's Node-side layers (DESIGN.md §1): services/ and web/ host the same services without
// Electron or the interface; electron/ may host them; the renderer reaches none of them directly.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const y = x;\n`, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps the studio’s layers apart', () => {
  it.each([
    ['services/probe.ts', "import { app as x } from 'electron';"],
    ['services/probe.ts', "import { x } from '../renderer/app/App.tsx';"],
    ['services/probe.ts', "import { x } from '../electron/main.ts';"],
    ['services/probe.ts', "import { useState as x } from 'react';"],
    ['web/probe.ts', "import { x } from '../electron/ipc-handlers.ts';"],
    ['web/probe.ts', "import { x } from '../renderer/bridge/amana.ts';"],
    ['renderer/probe.ts', "import { x } from '../services/studio/create-studio.ts';"],
    ['renderer/probe.ts', "import x from 'better-sqlite3';"],
  ])('refuses in %s: %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['services/probe.ts', "import { parseFlow as x } from '../flows/index.ts';"],
    ['services/probe.ts', "import x from 'better-sqlite3';"],
    ['web/probe.ts', "import { dispatch as x } from '../services/studio/dispatch.ts';"],
    ['electron/probe.ts', "import { createStudio as x } from '../services/studio/create-studio.ts';"],
    ['renderer/probe.ts', "import { apiMethods as x } from '../shared/api-methods.ts';"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
