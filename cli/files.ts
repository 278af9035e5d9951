import { readFile } from 'node:fs/promises';
import { parseFlow, type ParseResult } from '../flows/index.ts';
import type { UiLanguage } from '../flows/i18n/index.ts';

export type LoadedFlow = { file: string } & (ParseResult | { ok: false; unreadable: string });

/** Reads and parses one flow file; an unreadable file is reported, never thrown. */
export async function loadFlowFile(file: string, language: UiLanguage): Promise<LoadedFlow> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { file, ok: false, unreadable: reason };
  }
  return { file, ...parseFlow(source, { language }) };
}
