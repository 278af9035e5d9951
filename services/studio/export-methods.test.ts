import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../flows/export/index.ts';
import type { AmanaApi } from '../../shared/api.ts';
import type { RuntimeSource } from '../bundle/runtime-source.ts';
import type { FilePicker } from '../files/file-picker.ts';
import { openWorkspace, type Workspace } from '../workspace/open-workspace.ts';
import { createStudio } from './create-studio.ts';
import { dispatch } from './dispatch.ts';
import { twoLanguageBundleFiles } from '../../test/fixtures/bundle-files.ts';

const examples = new URL('../../flows/examples/', import.meta.url);
const exampleText = (name: string) => readFileSync(new URL(`${name}.flow.json`, examples), 'utf8');
const serverJs = '#!/usr/bin/env node\n"use strict";\n// the runtime, as the host provides it\n';
const runtime: RuntimeSource = {
  serverJs: async () => serverJs,
  dependencies: async () => ({ betterSqlite3: '^12.11.1', postgres: '^3.4.7' }),
};

let dir: string;
let workspace: Workspace;
/** What the folder dialog answers next: the designer's choice, or null for Cancel. */
let folderAnswer: string | null;
let foldersAsked: number;
const picker: FilePicker = {
  chooseFlowToOpen: async () => null,
  chooseFlowDestination: async () => null,
  chooseFolder: async () => {
    foldersAsked += 1;
    return folderAnswer;
  },
};

function studio(edition: 'desktop' | 'browser'): AmanaApi {
  return createStudio({
    workspace,
    host: { edition, appVersion: '0.1.0', nativeFileDialogs: edition === 'desktop', workspaceFile: workspace.file },
    ...(edition === 'desktop' ? { picker } : {}),
    runtime,
  });
}

async function imported(api: AmanaApi, name: string): Promise<{ flowId: string; version: number }> {
  const outcome = await api.importFlow({ fileName: `${name}.flow.json`, text: exampleText(name) });
  if (outcome.status !== 'imported') throw new Error(`${name} was not imported`);
  return { flowId: outcome.document.flow.id, version: outcome.document.version };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amana-export-'));
  workspace = openWorkspace(join(dir, 'workspace.db'));
  folderAnswer = null;
  foldersAsked = 0;
});

afterEach(() => {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exporting a bundle into a folder (desktop)', () => {
  it('writes the bot into the chosen folder and records the export in the audit log', async () => {
    const api = studio('desktop');
    const { flowId, version } = await imported(api, 'lead-capture');
    folderAnswer = join(dir, 'casa-aurora-bot');
    const outcome = await api.exportBundle(flowId, version);
    if (outcome.status !== 'written') throw new Error(`not written: ${outcome.status}`);
    expect(readdirSync(folderAnswer).sort()).toEqual(twoLanguageBundleFiles);
    expect(readFileSync(join(folderAnswer, 'server.js'), 'utf8')).toBe(serverJs);
    const flowHash = sha256Hex(readFileSync(join(folderAnswer, 'flow.json'), 'utf8'));
    expect(outcome.record).toMatchObject({ flowId, version, destination: 'folder', folder: folderAnswer, flowHash });
    expect(outcome.record.checker.errors).toBe(0);
    expect(await api.listExports(flowId)).toEqual([outcome.record]);
  });

  it('writes again over an earlier bundle, keeping its .env and database', async () => {
    const api = studio('desktop');
    const { flowId, version } = await imported(api, 'lead-capture');
    folderAnswer = join(dir, 'bot');
    await api.exportBundle(flowId, version);
    writeFileSync(join(folderAnswer, '.env'), 'WHATSAPP_APP_SECRET=kept\n');
    writeFileSync(join(folderAnswer, 'amana.db'), 'the customers’ data');
    writeFileSync(join(folderAnswer, 'server.js'), 'an older runtime');
    const again = await api.exportBundle(flowId, version);
    expect(again.status).toBe('written');
    expect(readFileSync(join(folderAnswer, '.env'), 'utf8')).toBe('WHATSAPP_APP_SECRET=kept\n');
    expect(readFileSync(join(folderAnswer, 'amana.db'), 'utf8')).toBe('the customers’ data');
    expect(readFileSync(join(folderAnswer, 'server.js'), 'utf8')).toBe(serverJs);
    expect(await api.listExports(flowId)).toHaveLength(2);
  });

  it('refuses a folder of other files, writing and recording nothing', async () => {
    const api = studio('desktop');
    const { flowId, version } = await imported(api, 'lead-capture');
    folderAnswer = join(dir, 'photos');
    mkdirSync(folderAnswer);
    writeFileSync(join(folderAnswer, 'holiday.jpg'), 'not a bot');
    expect(await api.exportBundle(flowId, version)).toEqual({ status: 'folder-not-empty', folder: folderAnswer });
    expect(readdirSync(folderAnswer)).toEqual(['holiday.jpg']);
    expect(await api.listExports(null)).toEqual([]);
  });

  it('writes and records nothing when the designer cancels the dialog', async () => {
    const api = studio('desktop');
    const { flowId, version } = await imported(api, 'lead-capture');
    expect(await api.exportBundle(flowId, version)).toEqual({ status: 'canceled' });
    expect(foldersAsked).toBe(1);
    expect(await api.listExports(null)).toEqual([]);
  });

  it('refuses a flow with check errors before asking for a folder', async () => {
    const api = studio('desktop');
    const { flowId, version } = await imported(api, 'noncompliant-demo');
    folderAnswer = join(dir, 'never');
    const outcome = await api.exportBundle(flowId, version);
    expect(outcome).toMatchObject({ status: 'check-errors' });
    expect(outcome.status === 'check-errors' && outcome.errors).toBeGreaterThan(0);
    expect(foldersAsked).toBe(0);
    expect(existsSync(folderAnswer)).toBe(false);
    expect(await api.listExports(null)).toEqual([]);
  });

  it('says when the version asked for does not exist', async () => {
    const api = studio('desktop');
    const { flowId } = await imported(api, 'lead-capture');
    await expect(api.exportBundle(flowId, 7)).rejects.toThrow('has no version 7');
  });
});

describe('downloading a bundle as a .zip (browser edition)', () => {
  it('builds a zip whose files unzip into one folder, and records the download', async () => {
    const api = studio('browser');
    const { flowId, version } = await imported(api, 'lead-capture');
    const outcome = await api.downloadBundle(flowId, version);
    if (outcome.status !== 'ready') throw new Error(`not ready: ${outcome.status}`);
    expect(outcome.fileName).toBe('amana-bot-lead-capture.zip');
    const entries = unzipSync(Buffer.from(outcome.zipBase64, 'base64'));
    expect(Object.keys(entries).sort()).toEqual(outcome.files.map((name) => `amana-bot-lead-capture/${name}`).sort());
    const server = entries['amana-bot-lead-capture/server.js'];
    expect(server && strFromU8(server)).toBe(serverJs);
    const flowJson = entries['amana-bot-lead-capture/flow.json'];
    expect(outcome.record).toMatchObject({
      flowId,
      version,
      destination: 'download',
      folder: 'amana-bot-lead-capture.zip',
      flowHash: sha256Hex(flowJson ? strFromU8(flowJson) : ''),
    });
    expect(await api.listExports(null)).toEqual([outcome.record]);
  });

  it('has no folders to write to, and refuses a flow with errors without recording it', async () => {
    const api = studio('browser');
    const { flowId, version } = await imported(api, 'noncompliant-demo');
    await expect(api.exportBundle(flowId, version)).rejects.toThrow(/file dialogs/);
    expect(await api.downloadBundle(flowId, version)).toMatchObject({ status: 'check-errors' });
    expect(await api.listExports(null)).toEqual([]);
  });

  it('takes a flow id and a version only: a path from the page is refused before any service runs', async () => {
    const api = studio('browser');
    const { flowId, version } = await imported(api, 'lead-capture');
    const options = { language: () => 'en' as const, logError: () => undefined };
    const withPath = await dispatch(api, 'downloadBundle', [flowId, version, '/etc/passwd'], options);
    expect(withPath).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const pathAsFlow = await dispatch(api, 'exportBundle', ['../../etc', version], options);
    expect(pathAsFlow).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await api.listExports(null)).toEqual([]);
  });

  it('explains that the bot cannot be exported when the installation lacks its program', async () => {
    const api = createStudio({
      workspace,
      host: { edition: 'browser', appVersion: '0.1.0', nativeFileDialogs: false, workspaceFile: workspace.file },
      runtime: {
        serverJs: () => Promise.reject(new Error('ENOENT: out/runtime/server.js')),
        dependencies: runtime.dependencies,
      },
    });
    const { flowId, version } = await imported(api, 'lead-capture');
    await expect(api.downloadBundle(flowId, version)).rejects.toThrow(/npm run build:runtime/);
    expect(await api.listExports(null)).toEqual([]);
  });
});
