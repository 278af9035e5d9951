import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseFlow, serializeFlow } from '../../flows/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type {
  AmanaApi,
  FlowFileContent,
  ImportOutcome,
  TestsBesideExport,
  TestsBesideImport,
} from '../../shared/api.ts';
import type { FilePicker } from '../files/file-picker.ts';
import { readFlowFile, reasonOf } from '../files/read-flow-file.ts';
import { testsFileBeside } from '../files/tests-beside.ts';
import { writeFlowFile } from '../files/write-flow-file.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';
import { languageOf, type StudioContext } from './context.ts';
import { documentOf } from './documents.ts';
import { saveTranscript, transcriptDocumentOf } from './transcript-methods.ts';

type FileMethods = Pick<AmanaApi, 'importFlow' | 'openFlowFile' | 'openRecentFile' | 'exportFlowFile' | 'getFlowFile'>;

/** `.flow.json` files in and out of the workspace, with their `.transcript.json` tests beside them on disk. */
export function fileMethods(context: StudioContext): FileMethods {
  const { flows, settings, transcripts } = context.workspace;

  /** Imports a file's text: a new flow, or a new version of the flow with the same id. Invalid files write nothing. */
  function importText(file: FlowFileContent, language: UiLanguage): ImportOutcome {
    const parsed = parseFlow(file.text, { language });
    if (!parsed.ok) return { status: 'invalid', fileName: file.fileName, errors: parsed.errors };
    const saved = flows.save(parsed.flow, 'import');
    return {
      status: 'imported',
      fileName: file.fileName,
      document: documentOf(saved.stored, language),
      created: saved.created,
      changed: saved.changed,
      testsBeside: null,
    };
  }

  async function importPath(path: string, language: UiLanguage): Promise<ImportOutcome> {
    const outcome = importText(await readFlowFile(path, language), language);
    if (outcome.status !== 'imported') return outcome;
    remember(path);
    return { ...outcome, testsBeside: await importTestsBeside(path, outcome.document.flow.id, language) };
  }

  /**
   * Imports `X.transcript.json` beside `X.flow.json` as the flow's tests, when it exists. The flow
   * is already saved: a tests file that is invalid or unreadable is reported and changes nothing.
   */
  async function importTestsBeside(
    flowPath: string,
    flowId: string,
    language: UiLanguage,
  ): Promise<TestsBesideImport | null> {
    const path = testsFileBeside(flowPath);
    const fileName = basename(path);
    let file: FlowFileContent;
    try {
      await stat(path);
      file = await readFlowFile(path, language, 'tests-file-too-large');
    } catch (error) {
      if (reasonOf(error) === 'ENOENT') return null;
      if (error instanceof StudioError) return { status: 'unreadable', fileName, message: error.message };
      throw error;
    }
    const saved = saveTranscript(context, flowId, file.text);
    return saved.status === 'saved'
      ? { status: 'imported', fileName, tests: saved.document.transcript.tests.length }
      : { status: 'invalid', fileName, problems: saved.problems };
  }

  /** Writes the flow's newest tests beside its file, when it has some; the flow file is written already. */
  async function exportTestsBeside(
    flowPath: string,
    flowId: string,
    language: UiLanguage,
  ): Promise<TestsBesideExport | null> {
    const stored = transcripts.get(flowId);
    if (!stored) return null;
    const path = testsFileBeside(flowPath);
    try {
      await writeFlowFile(path, stored.content, language);
    } catch (error) {
      if (error instanceof StudioError) return { status: 'not-written', path, message: error.message };
      throw error;
    }
    return { status: 'written', path, tests: transcriptDocumentOf(stored).transcript.tests.length };
  }

  function remember(path: string): void {
    settings.rememberFile({ path, name: basename(path), openedAt: new Date().toISOString() });
    context.onSettingsChanged?.(settings.get());
  }

  function picker(language: UiLanguage): FilePicker {
    if (!context.picker) throw new StudioError('unsupported', studioText(language, 'dialogs-unsupported'));
    return context.picker;
  }

  function fileOf(flowId: string, language: UiLanguage): FlowFileContent {
    const stored = flows.head(flowId);
    if (!stored) throw new StudioError('not-found', studioText(language, 'flow-not-found', { flowId }));
    const { flow } = documentOf(stored, language);
    return { fileName: `${flow.id}.flow.json`, text: serializeFlow(flow) };
  }

  return {
    async importFlow(file) {
      return importText(file, languageOf(context));
    },
    async openFlowFile() {
      const language = languageOf(context);
      const path = await picker(language).chooseFlowToOpen(language);
      return path === null ? { status: 'canceled' } : importPath(path, language);
    },
    async openRecentFile(path) {
      const language = languageOf(context);
      // Only paths the host itself put in the list: the renderer cannot name an arbitrary file.
      if (!settings.get().recentFiles.some((recent) => recent.path === path)) {
        throw new StudioError('refused', studioText(language, 'not-a-recent-file'));
      }
      try {
        return await importPath(path, language);
      } catch (error) {
        if (error instanceof StudioError && error.code === 'not-found') {
          settings.forgetFile(path);
          context.onSettingsChanged?.(settings.get());
        }
        throw error;
      }
    },
    async exportFlowFile(flowId) {
      const language = languageOf(context);
      const file = fileOf(flowId, language);
      const path = await picker(language).chooseFlowDestination(file.fileName, language);
      if (path === null) return { status: 'canceled' };
      await writeFlowFile(path, file.text, language);
      remember(path);
      return { status: 'written', path, testsBeside: await exportTestsBeside(path, flowId, language) };
    },
    async getFlowFile(flowId) {
      return fileOf(flowId, languageOf(context));
    },
  };
}
