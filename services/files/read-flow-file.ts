import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { FlowFileContent } from '../../shared/api.ts';
import { maxFlowFileBytes } from '../../shared/limits.ts';
import { studioText, type StudioMessageKey } from '../messages.ts';
import { StudioError } from '../studio-error.ts';

/**
 * Reads a flow file's text for import. A file too large to be a flow is refused before it is
 * read; a UTF-8 byte order mark (left by some Windows editors) is dropped. The tests file beside a
 * flow is read the same way, refused with its own words when too large.
 */
export async function readFlowFile(
  path: string,
  language: UiLanguage,
  tooLarge: Extract<StudioMessageKey, 'file-too-large' | 'tests-file-too-large'> = 'file-too-large',
): Promise<FlowFileContent> {
  const fileName = basename(path);
  let handle;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) throw unreadable(path, 'EISDIR', language);
    const size = stats.size;
    if (size > maxFlowFileBytes) {
      throw new StudioError(
        'too-large',
        studioText(language, tooLarge, {
          file: fileName,
          size: (size / 1024 / 1024).toFixed(1),
          max: maxFlowFileBytes / 1024 / 1024,
        }),
      );
    }
    const text = await handle.readFile({ encoding: 'utf8' });
    return { fileName, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    throw error instanceof StudioError ? error : unreadable(path, reasonOf(error), language);
  } finally {
    await handle?.close();
  }
}

function unreadable(path: string, reason: string, language: UiLanguage): StudioError {
  return new StudioError('not-found', studioText(language, 'file-unreadable', { file: path, reason }));
}

/** A short reason for a file-system failure: the system's code when there is one. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
