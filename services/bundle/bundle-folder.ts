import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestFlowHash } from '../../flows/export/index.ts';

// Writing a bundle into a folder, the same way for `amana export` and the studio's Export dialog.

/**
 * An export never writes over someone's unrelated files: the folder is new, empty or an earlier
 * bundle (it has a readable Amana manifest). Files a bundle does not hold — `.env`, the
 * database — are left as they are.
 */
export async function isEmptyOrBundle(dir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return true;
  }
  if (entries.length === 0) return true;
  try {
    return manifestFlowHash(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))) !== undefined;
  } catch {
    return false;
  }
}

/** Writes every file of a bundle into `dir` (created if needed), each whole or not at all. */
export async function writeBundleFiles(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeAtomically(join(dir, name), content);
}

/** Each file appears whole or not at all (a crash mid-export leaves the previous version). */
async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode: 0o644 });
  await rename(temporary, file);
}

/** The range of a runtime dependency the runtime was built against, from Amana's own package.json. */
export async function dependencyRange(packageJsonFile: string, name: string, fallback: string): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile(packageJsonFile, 'utf8'));
  const dependencies =
    typeof manifest === 'object' && manifest !== null && 'dependencies' in manifest ? manifest.dependencies : undefined;
  const range =
    typeof dependencies === 'object' && dependencies !== null
      ? Object.entries(dependencies).find(([key]) => key === name)?.[1]
      : undefined;
  return typeof range === 'string' ? range : fallback;
}
