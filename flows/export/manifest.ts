import type { CheckSummary } from '../check/diagnostic.ts';

/** The bundle format this builder writes (manifest.json `format` / `formatVersion`). */
export const bundleFormat = 'amana.bundle';
export const bundleFormatVersion = 1;

/**
 * `manifest.json`: what was exported, from what, when, and what the checker said. The exported
 * bot refuses to start when flow.json no longer matches `flow.sha256`, so a flow edited by hand
 * after the export cannot skip the checker.
 */
export interface BundleManifest {
  format: typeof bundleFormat;
  formatVersion: typeof bundleFormatVersion;
  flow: { id: string; name: string; version: number; languages: string[]; file: 'flow.json'; sha256: string };
  app: { name: 'amana'; version: string };
  /** ISO 8601, UTC. */
  exportedAt: string;
  checker: CheckSummary & { warningsByRule: Record<string, number> };
  runtime: { file: 'server.js'; node: string; sha256: string };
  /** SHA-256 of every other file of the bundle, by name. */
  files: Record<string, string>;
}

/** The flow hash a manifest records, if the value is a manifest at all (the runtime reads it back). */
export function manifestFlowHash(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('format' in value) || value.format !== bundleFormat)
    return undefined;
  if (!('flow' in value) || typeof value.flow !== 'object' || value.flow === null) return undefined;
  const hash = 'sha256' in value.flow ? value.flow.sha256 : undefined;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}
