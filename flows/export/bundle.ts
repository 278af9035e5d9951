import { checkFlow, summarize, type Diagnostic } from '../check/index.ts';
import type { UiLanguage } from '../i18n/index.ts';
import { serializeFlow } from '../model/serialize.ts';
import type { Flow } from '../model/schema.ts';
import { deployReadme, envExample } from './deploy-readme.ts';
import { bundleFormat, bundleFormatVersion, type BundleManifest } from './manifest.ts';
import { privacyNotice } from './privacy-notice.ts';
import { recordsOfProcessing } from './records-of-processing.ts';
import { sha256Hex } from '../model/sha256.ts';

export interface BundleOptions {
  /** The exported bot: runtime/ bundled into one file (the host builds it with esbuild). */
  serverJs: string;
  /** Amana's version, recorded in the manifest. */
  appVersion: string;
  /** When the export happens, ISO 8601 (passed in: this module reads no clock). */
  exportedAt: string;
  /** Language of the README, the .env.example, the record of processing and the check messages. */
  language: UiLanguage;
  /** The npm version range of better-sqlite3 the runtime was built against. */
  betterSqlite3: string;
  /** The npm version range of postgres (the PostgreSQL driver, loaded only with DATABASE_URL). */
  postgres: string;
}

export type BundleResult =
  | { ok: true; files: Record<string, string>; manifest: BundleManifest; diagnostics: Diagnostic[] }
  /** Refused: the flow has check errors (DESIGN.md §5); `diagnostics` says which. */
  | { ok: false; diagnostics: Diagnostic[] };

/** The Node.js versions the runtime supports (better-sqlite3 12 and the runtime's own code). */
const nodeVersions = '>=20.19';

/**
 * Builds the exported bundle of DESIGN.md §5 as a map from file name to content, or refuses while
 * the checker reports any error. Pure: the CLI and the studio write the files.
 */
export function buildBundle(flow: Flow, options: BundleOptions): BundleResult {
  const diagnostics = checkFlow(flow, { language: options.language });
  const summary = summarize(diagnostics);
  if (summary.errors > 0) return { ok: false, diagnostics };

  const flowJson = serializeFlow(flow);
  const flowHash = sha256Hex(flowJson);
  const context = { exportedAt: options.exportedAt, flowHash };
  const notices = Object.fromEntries(
    [...new Set(flow.languages)].map((tag) => [`privacy-notice.${tag}.md`, privacyNotice(flow, tag, context)]),
  );
  const files: Record<string, string> = {
    'flow.json': flowJson,
    'server.js': options.serverJs,
    'package.json': packageJson(flow, options),
    'README.md': deployReadme(flow, options.language, {
      appVersion: options.appVersion,
      exportedAt: options.exportedAt,
      noticeFiles: Object.keys(notices),
    }),
    '.env.example': envExample(flow, options.language),
    ...notices,
    'records-of-processing.md': recordsOfProcessing(flow, options.language, context),
  };
  const warningsByRule: Record<string, number> = {};
  for (const diagnostic of diagnostics) warningsByRule[diagnostic.rule] = (warningsByRule[diagnostic.rule] ?? 0) + 1;
  const manifest: BundleManifest = {
    format: bundleFormat,
    formatVersion: bundleFormatVersion,
    flow: {
      id: flow.id,
      name: flow.name,
      version: flow.version,
      languages: [...flow.languages],
      file: 'flow.json',
      sha256: flowHash,
    },
    app: { name: 'amana', version: options.appVersion },
    exportedAt: options.exportedAt,
    checker: { ...summary, warningsByRule },
    runtime: { file: 'server.js', node: nodeVersions, sha256: sha256Hex(options.serverJs) },
    files: Object.fromEntries(
      Object.entries(files)
        .filter(([name]) => name !== 'server.js' && name !== 'flow.json')
        .map(([name, content]) => [name, sha256Hex(content)]),
    ),
  };
  files['manifest.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  return { ok: true, files, manifest, diagnostics };
}

/**
 * The bundle's package.json: the native SQLite binding, whose install script may run, and the
 * PostgreSQL driver (plain JavaScript) for bots run as several instances on one database.
 */
function packageJson(flow: Flow, { betterSqlite3, postgres }: BundleOptions): string {
  const name = `amana-bot-${flow.id
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+/, '')}`.slice(0, 214);
  const manifest = {
    name,
    version: '1.0.0',
    private: true,
    description: `WhatsApp bot exported by Amana from the flow "${flow.id}"`,
    type: 'commonjs',
    main: 'server.js',
    scripts: { start: 'node server.js serve', simulate: 'node server.js simulate' },
    engines: { node: nodeVersions },
    dependencies: { 'better-sqlite3': betterSqlite3, postgres },
    // better-sqlite3 compiles (or fetches) its native binding in an install script; npm 12 runs
    // dependencies' install scripts only when package.json allows them (npm approve-scripts).
    allowScripts: { 'better-sqlite3': true },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
