import { Buffer } from 'node:buffer';
import { summarize } from '../../flows/check/index.ts';
import { buildBundle } from '../../flows/export/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { AmanaApi } from '../../shared/api.ts';
import { isEmptyOrBundle, writeBundleFiles } from '../bundle/bundle-folder.ts';
import { zipBundle } from '../bundle/bundle-zip.ts';
import { bundleText } from '../bundle/messages.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';
import { languageOf, type StudioContext } from './context.ts';
import { documentOf } from './documents.ts';

type ExportMethods = Pick<AmanaApi, 'exportBundle' | 'downloadBundle'>;

/**
 * The Export dialog's two ways out (DESIGN.md §5, §6): a folder chosen in the system's dialog on
 * the desktop, a .zip download in the browser edition. The page names a flow and a saved version,
 * never a path. Each export is recorded in the workspace's audit log.
 */
export function exportMethods(context: StudioContext): ExportMethods {
  const { flows, audit } = context.workspace;

  /** The bundle of one saved version, built now; null when the checker finds errors. */
  async function bundleOf(flowId: string, version: number, language: UiLanguage) {
    const stored = flows.version(flowId, version);
    if (!stored) throw new StudioError('not-found', studioText(language, 'version-not-found', { flowId, version }));
    const { flow } = documentOf(stored, language);
    if (!context.runtime) throw new StudioError('unsupported', bundleText(language, 'runtime-missing'));
    let serverJs: string;
    try {
      serverJs = await context.runtime.serverJs();
    } catch {
      throw new StudioError('unsupported', bundleText(language, 'runtime-missing'));
    }
    const exportedAt = new Date();
    const result = buildBundle(flow, {
      serverJs,
      appVersion: context.host.appVersion,
      exportedAt: exportedAt.toISOString(),
      language,
      ...(await context.runtime.dependencies()),
    });
    if (!result.ok) return { ok: false as const, errors: summarize(result.diagnostics).errors };
    return { ok: true as const, exportedAt, files: result.files, manifest: result.manifest };
  }

  function record(
    flowId: string,
    version: number,
    destination: 'folder' | 'download',
    folder: string,
    manifest: { flow: { sha256: string }; checker: { errors: number; warnings: number } },
  ) {
    const { errors, warnings } = manifest.checker;
    return audit.recordExport({
      flowId,
      version,
      destination,
      folder,
      flowHash: manifest.flow.sha256,
      checker: { errors, warnings },
    });
  }

  return {
    async exportBundle(flowId, version) {
      const language = languageOf(context);
      if (!context.picker) throw new StudioError('unsupported', studioText(language, 'dialogs-unsupported'));
      // Checked before the dialog, so a flow with errors never asks for a folder.
      const bundle = await bundleOf(flowId, version, language);
      if (!bundle.ok) return { status: 'check-errors', errors: bundle.errors };
      const folder = await context.picker.chooseFolder(language);
      if (folder === null) return { status: 'canceled' };
      if (!(await isEmptyOrBundle(folder))) return { status: 'folder-not-empty', folder };
      try {
        await writeBundleFiles(folder, bundle.files);
      } catch (error) {
        const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
        throw new StudioError('refused', bundleText(language, 'bundle-not-written', { folder, reason }));
      }
      const entry = record(flowId, version, 'folder', folder, bundle.manifest);
      return { status: 'written', folder, files: Object.keys(bundle.files), record: entry };
    },
    async downloadBundle(flowId, version) {
      const language = languageOf(context);
      const bundle = await bundleOf(flowId, version, language);
      if (!bundle.ok) return { status: 'check-errors', errors: bundle.errors };
      const name = botFolderName(flowId);
      const fileName = `${name}.zip`;
      const zip = zipBundle(name, bundle.files, bundle.exportedAt);
      const entry = record(flowId, version, 'download', fileName, bundle.manifest);
      return {
        status: 'ready',
        fileName,
        zipBase64: Buffer.from(zip).toString('base64'),
        files: Object.keys(bundle.files),
        record: entry,
      };
    },
  };
}

/** The folder a downloaded bundle unzips into: `amana-bot-<flow id>`, safe on every system. */
function botFolderName(flowId: string): string {
  return `amana-bot-${flowId.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`.slice(0, 100);
}
