// Layering is enforced here and again by one tsconfig per layer (DESIGN.md §1):
// renderer -> shared, flows; electron -> shared, flows; cli -> flows, services/bundle; runtime -> flows.
// Nothing imports renderer/ or electron/, and flows/ imports nothing outside itself.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];
const uiOrShell = ['react', 'react-dom', 'react/*', 'react-dom/*', 'electron', '@xyflow/*', 'zustand', 'zustand/*'];
const nativeStorage = ['better-sqlite3'];

/**
 * Outside flows/, the core is reached through the index file of an area (flows/index.ts,
 * flows/engine/index.ts, flows/check/index.ts …), never through a file inside it, so the areas
 * can be reorganised without touching their users.
 */
const flowsInternals = {
  regex: String.raw`(^|/)flows/(?!index\.ts$)(?![\w-]+/index\.ts$).+`,
  message: 'Outside flows/, import the core through an area index file (flows/index.ts, flows/engine/index.ts, …).',
};

/** Builds a no-restricted-imports rule from forbidden package names and folder names. */
function layer(message, { packages = [], folders = [], groups = [], outsideFlows = true }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.filter((name) => !name.includes('*')).map((name) => ({ name, message })),
        patterns: [
          ...packages.filter((name) => name.includes('*')).map((group) => ({ group: [group], message })),
          ...folders.map((folder) => ({ group: [`**/${folder}/**`, `**/${folder}`], message })),
          ...groups.map((group) => ({ group, message })),
          ...(outsideFlows ? [flowsInternals] : []),
        ],
      },
    ],
  };
}

/** The layers of flows/ itself: what every file of the core refuses, and what each area adds. */
const flowsMessage =
  'flows/ is the pure domain core: no Node built-ins, DOM, React, Electron or storage, and nothing of the project outside flows/.';
const flowsLayer = {
  packages: [...nodeBuiltins, ...uiOrShell, ...nativeStorage],
  folders: ['renderer', 'electron', 'cli', 'runtime', 'shared', 'services', 'web', 'bench', 'test'],
  outsideFlows: false,
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'release/**',
      'coverage/**',
      'flows/model/flow.schema.json',
      '.amana-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Every other file outside flows/ (tests beside the code, configuration) still goes through the index files.
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    ignores: ['flows/**'],
    rules: layer('', {}),
  },
  {
    files: ['flows/**/*.ts'],
    ignores: ['flows/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: layer(flowsMessage, flowsLayer),
  },
  {
    // The node kinds are the bottom of the core: the engine runs them and the checker reads their
    // facts, so they import neither (flows/nodes/behaviour.ts is the contract the engine implements).
    files: ['flows/nodes/**/*.ts'],
    ignores: ['flows/**/*.test.ts'],
    rules: layer(
      'flows/nodes/ declares the node kinds; the engine and the checker build on it, so it imports neither flows/engine/ nor flows/check/.',
      { ...flowsLayer, folders: [...flowsLayer.folders, 'engine', 'check', 'export'] },
    ),
  },
  {
    // Its tests too: they run in Node, but what they import is what the renderer may import.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(
      'renderer/ runs in the browser sandbox: it reaches the machine only through the typed API in shared/ (window.amana).',
      {
        packages: [...nodeBuiltins, 'electron', ...nativeStorage],
        folders: ['electron', 'services', 'web', 'cli', 'runtime', 'bench'],
      },
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer('shared/ is the typed contract between electron/ and renderer/: types and pure helpers only.', {
      packages: [...nodeBuiltins, ...uiOrShell, ...nativeStorage],
      folders: ['renderer', 'electron', 'services', 'web', 'cli', 'runtime', 'bench'],
    }),
  },
  {
    // web/ is started from a checkout (`npm run web`) and may rebuild the prebuilt runtime through scripts/;
    // services/ also runs inside the packaged desktop app, where scripts/ (and esbuild) do not exist.
    files: ['services/**/*.ts'],
    rules: layer(
      'services/ is the studio on the Node side: flows/ and shared/, never renderer/, electron/, UI packages or the build scripts.',
      { packages: uiOrShell, folders: ['renderer', 'electron', 'cli', 'runtime', 'bench', 'scripts'] },
    ),
  },
  {
    files: ['web/**/*.ts'],
    rules: layer(
      'web/ is the studio on the Node side: flows/ and shared/, never renderer/, electron/ or UI packages.',
      {
        packages: uiOrShell,
        folders: ['renderer', 'electron', 'cli', 'runtime', 'bench'],
      },
    ),
  },
  {
    // The CLI shares the bot folder's rules and the prebuilt runtime with the studio's export through
    // services/bundle/ (docs/architecture.md); the rest of services/ is the studio's, and scripts/ is
    // build tooling that an installed copy does not have.
    files: ['cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer('cli/ depends on flows/ and, for writing a bot, services/bundle/ only.', {
      packages: [...uiOrShell, ...nativeStorage, 'esbuild', 'tsx', 'tsx/*'],
      folders: ['renderer', 'electron', 'shared', 'runtime', 'web', 'scripts'],
      // Gitignore syntax: everything in services/ but the bundle/ folder.
      groups: [['**/services/*', '!**/services/bundle']],
    }),
  },
  {
    files: ['runtime/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer('runtime/ depends on flows/ only: it is bundled alone into the bot’s server.js.', {
      packages: [...uiOrShell, 'esbuild', 'tsx', 'tsx/*'],
      folders: ['renderer', 'electron', 'shared', 'services', 'cli', 'web', 'scripts'],
    }),
  },
  {
    // postgres.js 3.4.9's sql.begin can send BEGIN on a connection it did not reserve (see transaction() there).
    files: ['runtime/store/postgres/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='begin']",
          message: 'Open transactions with transaction() from ./connect.ts, not the driver’s sql.begin.',
        },
      ],
    },
  },
  {
    // The agent desk's page runs in the browser (bundled into server.js as text): no Node, no storage.
    files: ['runtime/desk/page/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer('runtime/desk/page/ runs in the browser: it reaches the bot only through the desk API (/desk/api/).', {
      packages: [...nodeBuiltins, ...uiOrShell, ...nativeStorage],
      folders: ['renderer', 'electron', 'shared', 'services', 'web', 'cli', 'bench', 'store', 'crypto', 'commands'],
    }),
  },
  {
    files: ['electron/**/*.ts'],
    rules: layer('electron/ may use shared/ and flows/, never renderer/ or the build scripts.', {
      folders: ['renderer', 'cli', 'runtime', 'scripts'],
    }),
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    rules: layer('Nothing imports renderer/ (tests drive it through a browser).', { folders: ['renderer'] }),
  },
);
