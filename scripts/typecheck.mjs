// Type-checks every layer with its own tsconfig (DESIGN.md §1): flows/ without DOM or Node
// types, renderer/ with DOM only, the Node layers with Node types, tests with both.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const projects = [
  'flows/tsconfig.json',
  'shared/tsconfig.json',
  'renderer/tsconfig.json',
  'electron/tsconfig.json',
  'services/tsconfig.json',
  'web/tsconfig.json',
  'cli/tsconfig.json',
  'runtime/tsconfig.json',
  'runtime/desk/page/tsconfig.json',
  'bench/tsconfig.json',
  'tsconfig.tests.json',
].filter((project) => existsSync(project));

let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`typecheck failed: ${project}`);
  } else {
    console.log(`typecheck ok: ${project}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
