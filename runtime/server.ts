// The entry point of the exported bot: esbuild bundles this file (and everything it imports,
// flows/ included) into the bundle's single server.js; better-sqlite3 stays an npm dependency.
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { main } from './main.ts';
import { operatorLanguage } from './messages.ts';

const script = process.argv[1];
const baseDir = script ? dirname(realpathSync(script)) : process.cwd();

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  baseDir,
  language: operatorLanguage(process.env),
}).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
