/**
 * Benchmark of the `amana` command's start-up against DESIGN.md §7 (`amana check` on a small flow
 * in under 300 ms: a bundled CLI, not TypeScript compiled at each start), on the machine it runs on.
 *
 *   npm run bench:cli              # the table
 *   npm run bench:cli -- --json    # the same figures as JSON
 *
 * Each figure is the wall time of one process, spawn to exit, as a user starts it. In every round each
 * way of starting runs once, in turn, so load from other processes on a shared machine slows them
 * alike; medians over the rounds are reported:
 * - `node -e 0`: Node's own start, the floor;
 * - `node out/cli/amana.mjs`: the prebuilt CLI, as an installed copy runs it (bin/amana.js only imports it);
 * - `node bin/amana.js`: the command in this checkout, which first checks the CLI's ~200 sources
 *   against the build (the figure a developer sees);
 * - `node --import tsx cli/run.ts`: the same CLI compiled by tsx at every start, as `amana` ran before.
 * Commands: `--version`, `check flows/examples/lead-capture.flow.json` (20 steps, no problems), and for the
 * prebuilt CLI `export` of the same flow into a temporary folder (copying the prebuilt server.js; target < 2 s).
 * Fixed inputs: 15 rounds after one warm-up round. Exits 1 when the prebuilt `amana check` misses 300 ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFresh, prebuilt } from '../scripts/prebuilt.mjs';

const json = process.argv.includes('--json');
const root = join(import.meta.dirname, '..');
const rounds = 15;
const flow = 'flows/examples/lead-capture.flow.json';

const starts = {
  node: ['-e', '0'],
  prebuilt: [join(root, 'out/cli/amana.mjs')],
  checkout: [join(root, 'bin/amana.js')],
  tsx: ['--import', 'tsx', join(root, 'cli/run.ts')],
} as const;
type Start = keyof typeof starts;
const exportDir = mkdtempSync(join(tmpdir(), 'amana-bench-cli-'));
const commands = {
  version: ['--version'],
  check: ['check', flow],
  export: ['export', flow, '--out', join(exportDir, 'bot'), '--force'],
} as const;
type CommandName = keyof typeof commands;

/** Milliseconds from spawning the process to its exit; a failed run stops the benchmark. */
function timeOnce(start: Start, command: CommandName): number {
  const args = start === 'node' ? [...starts.node] : [...starts[start], ...commands[command]];
  const began = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  const elapsed = performance.now() - began;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

await Promise.all([ensureFresh(prebuilt.cli), ensureFresh(prebuilt.runtime)]);
const cases: { start: Start; command: CommandName }[] = [
  { start: 'node', command: 'version' },
  ...(['prebuilt', 'checkout', 'tsx'] as const).flatMap((start) =>
    (['version', 'check'] as const).map((command) => ({ start, command })),
  ),
  { start: 'prebuilt', command: 'export' },
];
const samples = new Map(cases.map((item) => [`${item.start} ${item.command}`, [] as number[]]));
for (let round = -1; round < rounds; round += 1) {
  // Rotate the order each round, so no way of starting always runs first (or right after another).
  const offset = Math.max(round, 0) % cases.length;
  for (const item of [...cases.slice(offset), ...cases.slice(0, offset)]) {
    const elapsed = timeOnce(item.start, item.command);
    if (round >= 0) samples.get(`${item.start} ${item.command}`)?.push(elapsed);
  }
}

const labels: Record<Start, string> = {
  node: 'node -e 0',
  prebuilt: 'node out/cli/amana.mjs',
  checkout: 'node bin/amana.js (checkout)',
  tsx: 'node --import tsx cli/run.ts',
};
const figures = cases.map(({ start, command }) => {
  const values = samples.get(`${start} ${command}`) ?? [];
  return {
    start: labels[start],
    command: start === 'node' ? '' : commands[command].map((arg) => arg.replace(exportDir, '<tmp>')).join(' '),
    medianMs: Math.round(median(values)),
    // What the command adds to Node's own start in the same rounds (its median minus node -e 0's).
    overNodeMs: Math.round(median(values) - median(samples.get('node version') ?? [])),
    minMs: Math.round(Math.min(...values)),
    maxMs: Math.round(Math.max(...values)),
  };
});
rmSync(exportDir, { recursive: true, force: true });
const prebuiltCheck = Math.round(median(samples.get('prebuilt check') ?? []));
const met = prebuiltCheck < 300;
if (json)
  console.log(
    JSON.stringify({ rounds, figures, target: { prebuiltCheckMs: prebuiltCheck, underMs: 300, met } }, null, 2),
  );
else {
  console.log(`amana start-up, median of ${rounds} rounds (min–max), spawn to exit, and above node -e 0:`);
  for (const figure of figures)
    console.log(
      `  ${`${figure.start} ${figure.command}`.padEnd(82)} ${String(figure.medianMs).padStart(5)} ms  (${figure.minMs}–${figure.maxMs}), node + ${figure.overNodeMs} ms`,
    );
  console.log(`target: amana check on a small flow < 300 ms — ${met ? 'met' : 'MISSED'} (${prebuiltCheck} ms)`);
}
process.exitCode = met ? 0 : 1;
