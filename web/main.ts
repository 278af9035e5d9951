// `npm run web`: the browser edition. Opens the workspace, serves the built interface and the
// studio's API on 127.0.0.1 behind a per-launch token, and prints exactly one line on stdout:
// the address to open. Everything else goes to stderr.
import { existsSync } from 'node:fs';
import { closestUiLanguage } from '../flows/i18n/index.ts';
import { defaultWorkspaceFile } from '../services/workspace/default-location.ts';
import { openWorkspace } from '../services/workspace/open-workspace.ts';
import { workspaceOpeningProblem } from '../services/workspace/opening-problem.ts';
import { ensureFresh, prebuilt } from '../scripts/prebuilt.mjs';
import { runtimeSourceAt } from '../services/bundle/runtime-source.ts';
import { createStudio } from '../services/studio/create-studio.ts';
import { appVersion } from './app-version.ts';
import { webText } from './messages.ts';
import { startWebHost } from './server.ts';
import { createLaunchToken } from './token.ts';

const terminalLanguage = closestUiLanguage(process.env['AMANA_LANG'] ?? process.env['LANG']);
const rendererDir = new URL('../out/renderer/', import.meta.url).pathname;
const fail = (message: string) => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const portText = process.env['PORT'] || '0';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(webText(terminalLanguage, 'bad-port', { value: portText }));
if (!existsSync(`${rendererDir}index.html`)) fail(webText(terminalLanguage, 'renderer-missing', { dir: rendererDir }));

const workspaceFile = defaultWorkspaceFile();
let workspace: ReturnType<typeof openWorkspace>;
try {
  workspace = openWorkspace(workspaceFile, { defaultLanguage: terminalLanguage });
} catch (error) {
  fail(workspaceOpeningProblem(error, workspaceFile, terminalLanguage));
  throw error;
}

const language = () => workspace.settings.get().language;
const logError = (error: unknown) =>
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
const api = createStudio({
  workspace,
  host: { edition: 'browser', appVersion: appVersion(), nativeFileDialogs: false, workspaceFile },
  // `npm run web` runs from a checkout: out/runtime/server.js is rebuilt before an export when runtime/ changed.
  runtime: runtimeSourceAt(new URL('../', import.meta.url).pathname, () => ensureFresh(prebuilt.runtime)),
});

try {
  const host = await startWebHost({ api, rendererDir, token: createLaunchToken(), port, language, logError });
  process.stdout.write(`${host.url}\n`);
  const stop = async () => {
    await host.close();
    workspace.close();
    process.stderr.write(`${webText(terminalLanguage, 'stopped')}\n`);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  workspace.close();
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  fail(
    code === 'EADDRINUSE'
      ? webText(terminalLanguage, 'port-in-use', { port })
      : webText(terminalLanguage, 'cannot-start', { reason: String(error) }),
  );
}
