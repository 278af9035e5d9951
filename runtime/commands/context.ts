import type { Readable, Writable } from 'node:stream';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import { loadBundle } from '../bundle.ts';
import { readSettings, storeConfig, type Settings, type StoreConfig } from '../config/config.ts';
import type { PersonKeys } from '../crypto/person-keys.ts';
import { runtimeText } from '../messages.ts';
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
): Promise<Opened | number> {
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
  const opened = await openStore(checked.config, io.language);
  if (!opened.ok) {
    line(io.stderr, opened.problem);
    return 2;
  }
  const offset = checked.config.clockOffsetMs;
  return {
    settings,
    config: checked.config,
    flow: bundle.flow,
    store: opened.store,
    keys: opened.keys,
    clock: () => Date.now() + offset,
  };
}

export function line(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
