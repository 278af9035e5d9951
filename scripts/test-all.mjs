// `npm test`: every check the project has, in order, stopping at the first failure.
// Lint (layering), type checks per layer, the generated JSON Schema being current,
// then every Vitest test (unit, integration and end-to-end in Chromium).
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', ['node_modules/eslint/bin/eslint.js', '.']],
  ['typecheck', ['scripts/typecheck.mjs']],
  ['json schema is current', ['node_modules/tsx/dist/cli.mjs', 'scripts/write-json-schema.ts', '--check']],
  ['tests', ['node_modules/vitest/vitest.mjs', 'run']],
];

for (const [name, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds}s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}
