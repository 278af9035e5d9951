import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import { loadBundle } from '../bundle.ts';
import { readSettings, storeConfig, type Settings, type StoreConfig } from '../config/config.ts';
import type { PersonKeys } from '../crypto/person-keys.ts';
import { runtimeText, type RuntimeMessageKey } from '../messages.ts';
import { openStore } from '../store/open.ts';
import type { Storage } from '../store/storage.ts';

/** What a command of `node server.js` may touch; tests pass their own. */
export interface RuntimeIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  /** The bundle's folder (where server.js, flow.json and .env are). */
  baseDir: string;
  language: UiLanguage;
}

export interface Opened {
  settings: Settings;
  config: StoreConfig;
  flow: Flow;
  /** The SHA-256 of flow.json, checked against manifest.json (../bundle.ts). */
  flowHash: string;
  store: Storage;
  keys: PersonKeys;
  clock: () => number;
}

/**
 * What every command needs: settings checked (all problems at once, exit code 2), the flow
 * checked against its manifest, the store opened with the right key.
 */
export async function openBundle(
  io: RuntimeIo,
  extraChecks: (settings: Settings, flow: Flow | undefined) => string[] = () => [],
  storeOptions: Parameters<typeof openStore>[2] = {},
): Promise<Opened | number> {
  const checked = checkBundle(io, extraChecks);
  if (typeof checked === 'number') return checked;
  const opened = await openStore(checked.config, io.language, storeOptions);
  if (!opened.ok) {
    line(io.stderr, opened.problem);
    return 2;
  }
  const offset = checked.config.clockOffsetMs;
  return { ...checked, store: opened.store, keys: opened.keys, clock: () => Date.now() + offset };
}

/** {@link openBundle} without opening the store (`restore` replaces it). */
export function checkBundle(
  io: RuntimeIo,
  extraChecks: (settings: Settings, flow: Flow | undefined) => string[] = () => [],
): Pick<Opened, 'settings' | 'config' | 'flow' | 'flowHash'> | number {
  const settings = readSettings(io.env, io.baseDir, io.language);
  const checked = storeConfig(settings, io.language);
  const bundle = loadBundle(io.baseDir, io.language);
  const problems = [
    ...(checked.ok ? [] : checked.problems),
    ...extraChecks(settings, bundle.ok ? bundle.flow : undefined),
    ...(bundle.ok ? [] : bundle.problems),
  ];
  for (const warning of checked.warnings) line(io.stderr, warning);
  if (problems.length > 0 || !checked.ok || !bundle.ok) {
    line(io.stderr, runtimeText(io.language, 'config-problems'));
    for (const problem of [...new Set(problems)]) line(io.stderr, `  - ${problem}`);
    return 2;
  }
  return { settings, config: checked.config, flow: bundle.flow, flowHash: bundle.flowHash };
}

export function line(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** The command's options (node:util parseArgs, strict): unknown ones are an error that names them. */
export function parseOptions<T extends OptionSpec>(
  io: RuntimeIo,
  command: string,
  args: string[],
  spec: T,
): { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean } | undefined {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values as {
      [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean;
    };
  } catch (error) {
    complain(io, 'bad-options', { command, reason: reason(error) });
    return undefined;
  }
}

export function complain(io: RuntimeIo, key: RuntimeMessageKey, params?: Record<string, string | number>): number {
  line(io.stderr, runtimeText(io.language, key, params));
  return 2;
}

export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
