// The `amana` process: runs the command line with this process's streams. esbuild bundles this file
// into out/cli/amana.mjs (scripts/prebuilt.mjs), which bin/amana.js starts.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
