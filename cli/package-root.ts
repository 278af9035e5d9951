import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of Amana's own package.json. The CLI runs from its sources (cli/) or from its bundle
 * (out/cli/), so the folder is found by walking up to the package named `amana`, not by a fixed `../`.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && packageName(manifest) === 'amana') return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json of amana above ${from}`);
  }
}

function packageName(manifestFile: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(manifestFile, 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'name' in manifest ? String(manifest.name) : undefined;
  } catch {
    return undefined;
  }
}
