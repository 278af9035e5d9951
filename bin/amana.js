#!/usr/bin/env node
// The `amana` command: starts the prebuilt CLI, out/cli/amana.mjs (built by `npm install`'s prepare
// script), so no TypeScript is compiled at start. In a development checkout (the sources are here) it
// is first rebuilt if its sources changed, and so is the bot's server.js before `amana export` copies it.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../cli/run.ts', import.meta.url))) {
  const { ensureFresh, prebuilt } = await import('../scripts/prebuilt.mjs');
  await ensureFresh(prebuilt.cli);
  // Checking the runtime's ~430 sources costs more than a command that does not export should wait.
  if (process.argv.slice(2).includes('export')) await ensureFresh(prebuilt.runtime);
}
await import('../out/cli/amana.mjs');
