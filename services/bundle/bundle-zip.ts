import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * A bundle as a .zip download: every file inside one folder named after the bot, so unzipping
 * it makes that folder. fflate builds it in memory; a bundle is well under a few megabytes.
 */
export function zipBundle(folder: string, files: Record<string, string>, modified: Date): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) entries[`${folder}/${name}`] = strToU8(content);
  return zipSync(entries, { level: 6, mtime: modified });
}
