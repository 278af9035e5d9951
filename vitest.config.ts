import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**', 'out/**', 'release/**', '.amana-tmp/**'],
    globalSetup: ['test/setup/prebuilt.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
