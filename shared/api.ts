// The one contract between the studio's interface and the machine it runs on (DESIGN.md §1).
// The desktop shell answers it over IPC (electron/), the browser edition over HTTP on loopback
// (web/); the renderer only ever calls `window.amana.*`, so its code is the same in both.
// Everything here crosses a process boundary: plain, cloneable data only.
import type { Transcript, TranscriptProblem } from '../flows/engine/index.ts';
import type { Flow, ParseError } from '../flows/index.ts';
import type { UiLanguage } from '../flows/i18n/index.ts';

/** Which host the studio runs in and what it can do. */
export interface HostInfo {
  edition: 'desktop' | 'browser';
  appVersion: string;
  /** The host can show the system's open and save dialogs; the browser edition uploads and downloads instead. */
  nativeFileDialogs: boolean;
  /** Where the workspace database lives, shown so the designer knows what to back up. */
  workspaceFile: string;
}

/** One flow in the workspace list: its newest saved version. */
export interface FlowSummary {
  id: string;
  name: string;
  languages: string[];
  nodeCount: number;
  version: number;
  savedAt: string;
  /** Autosaved changes newer than the saved version exist. */
  hasDraft: boolean;
}

/** A saved version of a flow, with the flow itself. */
export interface FlowDocument {
  flow: Flow;
  version: number;
  savedAt: string;
  /** SHA-256 of the flow file's text, as written by `serializeFlow`. */
  hash: string;
}

/** How a version came to be. A restore and a crash recovery are versions too, so history only grows. */
export type VersionOrigin = 'save' | 'import' | 'restore' | 'recovery';

export interface VersionSummary {
  version: number;
  savedAt: string;
  origin: VersionOrigin;
  /** For a restore: the version whose content it brought back. */
  restoredFrom: number | null;
  name: string;
  nodeCount: number;
  hash: string;
}

/**
 * Saving never loses the designer's work: an invalid flow comes back with the parser's
 * messages and nothing is written; content identical to the newest version adds no version.
 */
export type SaveOutcome =
  | { status: 'saved'; document: FlowDocument }
  | { status: 'unchanged'; document: FlowDocument }
  | { status: 'invalid'; errors: ParseError[] };

/**
 * The tests file found beside a flow file opened from disk (`X.transcript.json` beside `X.flow.json`).
 * A tests file that is invalid or unreadable never stops the flow's import: it is reported, and the
 * tests the workspace already kept stay as they were.
 */
export type TestsBesideImport =
  | { status: 'imported'; fileName: string; tests: number }
  | { status: 'invalid'; fileName: string; problems: TranscriptProblem[] }
  | { status: 'unreadable'; fileName: string; message: string };

export type ImportOutcome =
  | {
      status: 'imported';
      fileName: string;
      document: FlowDocument;
      created: boolean;
      changed: boolean;
      /** The tests file beside the flow file; null when there is none (and for uploads, which come alone). */
      testsBeside: TestsBesideImport | null;
    }
  | { status: 'invalid'; fileName: string; errors: ParseError[] }
  | { status: 'canceled' };

/** The flow's tests written beside its file; a failure is reported after the flow file itself was written. */
export type TestsBesideExport =
  { status: 'written'; path: string; tests: number } | { status: 'not-written'; path: string; message: string };

type FileExportOutcome =
  /** `testsBeside` is null when the flow has no tests. */
  { status: 'written'; path: string; testsBeside: TestsBesideExport | null } | { status: 'canceled' };

/** A flow file's name and text, for uploads (import) and downloads (export) in the browser. */
export interface FlowFileContent {
  fileName: string;
  text: string;
}

/** Autosaved, unsaved work on a flow, kept until it is saved, recovered or discarded. */
export interface DraftSummary {
  flowId: string;
  name: string;
  savedAt: string;
  /** The saved version the draft started from; null for a flow never saved. */
  baseVersion: number | null;
}

/** One bundle export, as the audit log keeps it (DESIGN.md §6). */
export interface ExportRecord {
  id: number;
  flowId: string;
  version: number | null;
  exportedAt: string;
  /** Written into a folder (desktop) or handed to the browser as a .zip download. */
  destination: 'folder' | 'download';
  /** The folder's path, or the downloaded file's name. */
  folder: string;
  flowHash: string;
  checker: { errors: number; warnings: number };
}

/** The Export dialog's answer on the desktop: the bundle is in a folder the designer chose. */
type BundleExportOutcome =
  | { status: 'written'; folder: string; files: string[]; record: ExportRecord }
  | { status: 'canceled' }
  /** The chosen folder holds other files and no earlier bundle: nothing was written. */
  | { status: 'folder-not-empty'; folder: string }
  /** The flow has check errors: nothing was written (the dialog shows them). */
  | { status: 'check-errors'; errors: number };

/** The Export dialog's answer in the browser edition: the bundle as a .zip file to download. */
type BundleDownloadOutcome =
  | { status: 'ready'; fileName: string; zipBase64: string; files: string[]; record: ExportRecord }
  | { status: 'check-errors'; errors: number };

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export interface Settings {
  language: UiLanguage;
  recentFiles: RecentFile[];
  /** Whether the canvas shows its overview map (the designer can hide it). */
  overviewMap: boolean;
}

/** What the designer may change; recent files are kept by the host as files are opened and written. */
interface SettingsChange {
  language?: UiLanguage;
  overviewMap?: boolean;
}

/** A flow's transcript tests as the workspace keeps them (the `.transcript.json` content), versioned with the flow. */
export interface TranscriptDocument {
  flowId: string;
  transcript: Transcript;
  /** Saves of the tests, numbered from 1. */
  revision: number;
  /** The flow's newest version when these tests were saved. */
  flowVersion: number;
  savedAt: string;
}

/** Saving tests never loses work: invalid tests come back with every problem and nothing is written. */
export type TranscriptSaveOutcome =
  { status: 'saved'; document: TranscriptDocument } | { status: 'invalid'; problems: TranscriptProblem[] };

/** Everything the renderer asks of the machine. Each method is one channel, `amana:<method>`. */
export interface AmanaApi {
  getHostInfo(): Promise<HostInfo>;

  listFlows(): Promise<FlowSummary[]>;
  /** The newest saved version. */
  getFlow(flowId: string): Promise<FlowDocument>;
  /** Saves a new version and clears the flow's autosaved draft. */
  saveFlow(flow: Flow): Promise<SaveOutcome>;
  /** Removes the flow and its history; the export audit log keeps its entries. */
  deleteFlow(flowId: string): Promise<void>;

  listVersions(flowId: string): Promise<VersionSummary[]>;
  getVersion(flowId: string, version: number): Promise<FlowDocument>;
  /** Makes an old version current again by saving its content as a new version. */
  restoreVersion(flowId: string, version: number): Promise<FlowDocument>;

  /** Autosave: keeps work in progress, valid or not, until it is saved or discarded. */
  saveDraft(flowId: string, document: unknown): Promise<void>;
  listDrafts(): Promise<DraftSummary[]>;
  getDraft(flowId: string): Promise<unknown>;
  /** Saves a draft left by a crash as a new version (origin `recovery`). */
  recoverDraft(flowId: string): Promise<SaveOutcome>;
  discardDraft(flowId: string): Promise<void>;

  /** Imports a flow file's text (an upload, or a file the renderer read). */
  importFlow(file: FlowFileContent): Promise<ImportOutcome>;
  /**
   * Shows the system's open dialog and imports the chosen file (desktop only), with the tests file
   * beside it (`X.transcript.json` beside `X.flow.json`) when there is one.
   */
  openFlowFile(): Promise<ImportOutcome>;
  /** Imports a file from the recent files list again; other paths are refused. */
  openRecentFile(path: string): Promise<ImportOutcome>;
  /**
   * Shows the system's save dialog and writes the newest version as a `.flow.json` file (desktop
   * only), and the flow's tests beside it as `.transcript.json` when it has some.
   */
  exportFlowFile(flowId: string): Promise<FileExportOutcome>;
  /** The newest version as a `.flow.json` file's name and text, for a download. */
  getFlowFile(flowId: string): Promise<FlowFileContent>;

  /** The audit log of bundle exports, newest first; all flows when `flowId` is null. */
  listExports(flowId: string | null): Promise<ExportRecord[]>;
  /**
   * Writes the bot bundle of a saved version (DESIGN.md §5) into a folder chosen in the system's
   * dialog, and records the export (desktop only).
   */
  exportBundle(flowId: string, version: number): Promise<BundleExportOutcome>;
  /** Builds the bot bundle of a saved version as a .zip download and records the export. */
  downloadBundle(flowId: string, version: number): Promise<BundleDownloadOutcome>;

  /**
   * The flow's transcript tests: the newest, or as they were while `flowVersion` was the flow's
   * newest version; null when the flow has none.
   */
  getTranscript(flowId: string, flowVersion: number | null): Promise<TranscriptDocument | null>;
  /** Saves the flow's tests (the whole `.transcript.json` content) as a new revision. */
  saveTranscript(flowId: string, transcript: unknown): Promise<TranscriptSaveOutcome>;
  /** Imports a `.transcript.json` file's text as the flow's tests. */
  importTranscript(flowId: string, file: FlowFileContent): Promise<TranscriptSaveOutcome>;
  /** The newest tests as a `<flow id>.transcript.json` file's name and text, for a download. */
  getTranscriptFile(flowId: string): Promise<FlowFileContent>;

  getSettings(): Promise<Settings>;
  setSettings(change: SettingsChange): Promise<Settings>;
}

/** What the desktop menu asks the interface to do; the browser edition has no menu and sends none. */
export type MenuCommand =
  | { name: 'import-flow' }
  | { name: 'export-flow' }
  | { name: 'show-history' }
  | { name: 'open-recent'; path: string }
  | { name: 'set-language'; language: UiLanguage }
  /** Runs one of the editor's registered actions (renderer/actions/registry.ts) by its id. */
  | { name: 'action'; id: MenuActionId };

/** The editor actions the desktop menu offers; the page's action registry carries them out. */
export const menuActionIds = [
  'new-flow',
  'save',
  'undo',
  'redo',
  'find',
  'auto-layout',
  'command-palette',
  'cheat-sheet',
  'export-bundle',
] as const;
export type MenuActionId = (typeof menuActionIds)[number];

/** The object installed as `window.amana`: the API plus the menu's commands. */
export interface AmanaBridge extends AmanaApi {
  /** Calls `listener` for each menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
