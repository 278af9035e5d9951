import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFlow, type Flow } from '../../flows/index.ts';
import type { AmanaApi } from '../../shared/api.ts';
import { openWorkspace, type Workspace } from '../workspace/open-workspace.ts';
import { createStudio } from './create-studio.ts';
import { dispatch } from './dispatch.ts';

const examples = new URL('../../flows/examples/', import.meta.url);
const leadCaptureText = readFileSync(new URL('lead-capture.flow.json', examples), 'utf8');
const leadTestsText = readFileSync(new URL('lead-capture.transcript.json', examples), 'utf8');

let dir: string;
let workspace: Workspace;
let studio: AmanaApi;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amana-transcripts-'));
  workspace = openWorkspace(join(dir, 'workspace.db'));
  studio = createStudio({
    workspace,
    host: { edition: 'browser', appVersion: '0.1.0', nativeFileDialogs: false, workspaceFile: workspace.file },
  });
  await studio.importFlow({ fileName: 'lead-capture.flow.json', text: leadCaptureText });
});

afterEach(() => {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

const oneTest = (name: string) => ({ tests: [{ name, turns: [{ expect: { node: 'choose-interest' } }] }] });

function leadCapture(): Flow {
  const parsed = parseFlow(leadCaptureText);
  if (!parsed.ok) throw new Error('lead-capture does not parse');
  return parsed.flow;
}

describe('transcript tests kept with their flow', () => {
  it('has none until some are saved, then returns the newest with its revision and flow version', async () => {
    expect(await studio.getTranscript('lead-capture', null)).toBeNull();
    const saved = await studio.saveTranscript('lead-capture', oneTest('opening'));
    expect(saved).toMatchObject({ status: 'saved', document: { revision: 1, flowVersion: 1 } });
    expect(await studio.getTranscript('lead-capture', null)).toMatchObject({
      revision: 1,
      transcript: { format: 'amana.transcript', version: 1, tests: [{ name: 'opening' }] },
    });
  });

  it('versions the tests with the flow: the tests of an older flow version can be read back', async () => {
    await studio.saveTranscript('lead-capture', oneTest('first'));
    await studio.saveFlow({ ...leadCapture(), name: 'Captura de leads 2' });
    await studio.saveTranscript('lead-capture', oneTest('second'));
    expect(await studio.getTranscript('lead-capture', 1)).toMatchObject({ revision: 1, flowVersion: 1 });
    expect(await studio.getTranscript('lead-capture', 2)).toMatchObject({ revision: 2, flowVersion: 2 });
    expect((await studio.getTranscript('lead-capture', null))?.transcript.tests[0]?.name).toBe('second');
    // Saving the same tests again adds no revision.
    expect(await studio.saveTranscript('lead-capture', oneTest('second'))).toMatchObject({ document: { revision: 2 } });
  });

  it('refuses invalid tests with every problem and its JSON path, and writes nothing', async () => {
    const outcome = await studio.saveTranscript('lead-capture', { tests: [{ name: '', turns: [], extra: 1 }] });
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['$.tests[0].name', '$.tests[0].turns']),
    );
    expect(await studio.getTranscript('lead-capture', null)).toBeNull();
  });

  it('imports a .transcript.json file and gives it back as one for a download', async () => {
    const imported = await studio.importTranscript('lead-capture', {
      fileName: 'lead-capture.transcript.json',
      text: leadTestsText,
    });
    expect(imported.status).toBe('saved');
    const file = await studio.getTranscriptFile('lead-capture');
    expect(file.fileName).toBe('lead-capture.transcript.json');
    expect(JSON.parse(file.text).tests).toEqual(JSON.parse(leadTestsText).tests);
  });

  it('says so for a flow that does not exist or has no tests, through the same dispatch as both hosts', async () => {
    const options = { language: () => 'en' as const, logError: () => undefined };
    expect(await dispatch(studio, 'getTranscript', ['nope', null], options)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(studio, 'getTranscriptFile', ['lead-capture'], options)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'The flow “lead-capture” has no saved tests yet.' },
    });
    expect(await dispatch(studio, 'saveTranscript', ['lead-capture'], options)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('deletes a flow’s tests with the flow', async () => {
    await studio.saveTranscript('lead-capture', oneTest('opening'));
    await studio.deleteFlow('lead-capture');
    await studio.importFlow({ fileName: 'lead-capture.flow.json', text: leadCaptureText });
    expect(await studio.getTranscript('lead-capture', null)).toBeNull();
  });
});
