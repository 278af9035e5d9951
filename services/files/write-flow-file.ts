import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';
import { reasonOf } from './read-flow-file.ts';

/**
 * Writes a flow file all at once: the text goes to a temporary file beside the target, is
 * flushed to disk, then renamed over it. A crash or a full disk leaves the old file as it was.
 */
export async function writeFlowFile(path: string, text: string, language: UiLanguage): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new StudioError('refused', studioText(language, 'file-not-written', { file: path, reason: reasonOf(error) }));
  }
}
