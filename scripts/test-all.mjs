// `npm test`: every check the project has, in order, stopping at the first failure.
// Lint (layering, then formatting), type checks per layer, the generated JSON Schema and docs/ reference pages being current,
// then every Vitest test (unit, integration and end-to-end in Chromium).
import { spawnSync } from 'node:child_process';
import { startCluster, stopCluster } from './postgres-cluster.mjs';

const steps = [
  ['lint', ['node_modules/eslint/bin/eslint.js', '.']],
  // Formatting is part of lint: an unformatted file fails here (`npm run format` fixes it).
  ['lint: formatting', ['node_modules/prettier/bin/prettier.cjs', '--check', '.']],
  ['typecheck', ['scripts/typecheck.mjs']],
  ['json schema is current', ['node_modules/tsx/dist/cli.mjs', 'scripts/write-json-schema.ts', '--check']],
  ['generated docs are current', ['node_modules/tsx/dist/cli.mjs', 'scripts/write-docs.ts', '--check']],
  ['tests', ['node_modules/vitest/vitest.mjs', 'run']],
];

// One throwaway PostgreSQL cluster for every test that needs one (unless AMANA_TEST_DATABASE_URL
// names a server already, as .ci/run does). Without PostgreSQL here those tests say so and skip.
let cluster;
if (!process.env.AMANA_TEST_DATABASE_URL) {
  try {
    cluster = await startCluster();
    process.env.AMANA_TEST_DATABASE_URL = cluster.url;
    console.log(`PostgreSQL for the tests: ${cluster.url}`);
  } catch (error) {
    console.warn(`⚠ no PostgreSQL for the tests: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const stop = () => {
  if (cluster) stopCluster(cluster.dir);
  cluster = undefined;
};
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

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
