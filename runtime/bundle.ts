import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFlowHash } from '../flows/export/index.ts';
import type { UiLanguage } from '../flows/i18n/index.ts';
import { parseFlow, type Flow } from '../flows/index.ts';
import { runtimeText } from './messages.ts';

/** `flowHash`: the SHA-256 of flow.json (hex), checked equal to manifest.json's. */
export type LoadedBundle = { ok: true; flow: Flow; flowHash: string } | { ok: false; problems: string[] };

/**
 * Reads flow.json beside server.js and checks it against manifest.json: the flow must parse and
 * be byte for byte the one Amana checked and exported.
 */
export function loadBundle(baseDir: string, language: UiLanguage): LoadedBundle {
  const read = (name: string): string | undefined => {
    try {
      return readFileSync(join(baseDir, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const flowText = read('flow.json');
  const manifestText = read('manifest.json');
  if (flowText === undefined)
    return { ok: false, problems: [runtimeText(language, 'flow-missing', { file: join(baseDir, 'flow.json') })] };
  if (manifestText === undefined) {
    return { ok: false, problems: [runtimeText(language, 'flow-missing', { file: join(baseDir, 'manifest.json') })] };
  }
  let expected: string | undefined;
  try {
    expected = manifestFlowHash(JSON.parse(manifestText));
  } catch {
    expected = undefined;
  }
  const actual = createHash('sha256').update(flowText, 'utf8').digest('hex');
  if (expected !== actual) return { ok: false, problems: [runtimeText(language, 'flow-changed')] };
  const parsed = parseFlow(flowText, { language });
  if (!parsed.ok) {
    return {
      ok: false,
      problems: [
        runtimeText(language, 'flow-invalid'),
        ...parsed.errors.map((error) => `  ${error.path}: ${error.message}`),
      ],
    };
  }
  return { ok: true, flow: parsed.flow, flowHash: actual };
}
