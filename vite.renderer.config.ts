// Builds the studio's interface (renderer/) for both editions: the desktop shell serves it from
// app://amana/, the browser edition from http://127.0.0.1:<port>/, hence relative asset paths.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The live check's worker (renderer/problems/check.worker.ts) is a module file of its own beside
  // the page's scripts, loaded by a relative URL from the page's origin in both editions.
  worker: { format: 'es' },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: URLs: the page's Content-Security-Policy allows only the studio's own files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
