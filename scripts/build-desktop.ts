// Builds the desktop app into out/: the main process and the preload with esbuild, the interface
// with vite. `npm start` runs it before launching Electron; `npm run dist` before packaging.
import { build as esbuild } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as vite } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles electron/main.ts and electron/preload.ts into `outDir` (default out/electron). */
export async function bundleShell(outDir = join(root, 'out', 'electron')): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    charset: 'utf8' as const,
    legalComments: 'inline' as const,
    logLevel: 'warning' as const,
  };
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(outDir, 'main.cjs'),
      // Electron provides `electron`; better-sqlite3 is a native addon loaded from node_modules.
      external: ['electron', 'better-sqlite3'],
    }),
    esbuild({
      ...common,
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile: join(outDir, 'preload.cjs'),
      // A sandboxed preload may require `electron` and nothing else: everything else is bundled in.
      external: ['electron'],
    }),
  ]);
}

/** Builds the interface into out/renderer. */
export async function buildRenderer(): Promise<void> {
  await vite({ configFile: join(root, 'vite.renderer.config.ts'), root: join(root, 'renderer'), logLevel: 'warn' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await Promise.all([bundleShell(), buildRenderer()]);
}
