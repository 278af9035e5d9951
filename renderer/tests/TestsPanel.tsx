import { useEffect, useRef } from 'react';
import type { Flow } from '../../flows/index.ts';
import { amana } from '../bridge/amana.ts';
import { downloadFile } from '../commands/download-file.ts';
import { exportOpenFlow } from '../commands/export-flow.ts';
import { attempt } from '../commands/report-failure.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useNoticesStore } from '../stores/notices-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { useSimulatorText } from '../simulator/texts.ts';
import { testsStore, useTests } from './tests-store-instance.ts';
import { isolated } from '../bidi/isolated.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/**
 * The Tests panel: every transcript test of the flow, run in a worker on the working copy each
 * time it changes, ✓ or ✗ with each failing expectation in plain words, and how much of the flow
 * the tests reach (the canvas marks what they miss).
 */
export function TestsPanel({ flow }: { flow: Flow }) {
  const say = useSimulatorText();
  const language = useLanguageStore((state) => state.language);
  const transcript = useTests((state) => state.transcript);
  const result = useTests((state) => state.result);
  const running = useTests((state) => state.running);
  const setOpen = useTests((state) => state.setOpen);
  const nativeDialogs = useWorkspaceStore((state) => state.host?.nativeFileDialogs ?? false);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void attempt(() => testsStore.getState().run(flow, language));
  }, [flow, language, transcript]);

  const importChosen = async () => {
    const file = picker.current?.files?.[0];
    if (!file || !picker.current) return;
    picker.current.value = '';
    const outcome = await testsStore.getState().importFile({ fileName: file.name, text: await file.text() });
    const tell = useNoticesStore.getState().tell;
    if (outcome.status === 'invalid') {
      tell({
        tone: 'error',
        text: { worded: say('tests-import-invalid', { file: isolated(file.name) }) },
        problems: outcome.problems,
      });
    } else tell({ tone: 'info', text: { worded: say('tests-imported', { file: isolated(file.name) }) } });
  };

  const passed = result?.tests.filter((test) => test.passed).length ?? 0;
  return (
    <section className="tests-panel" role="region" aria-label={say('tests-region')}>
      <header className="panel__header">
        <h2>{say('tests-region')}</h2>
        <button type="button" onClick={() => void attempt(() => testsStore.getState().run(flow, language))}>
          {say('run-all')}
        </button>
        <button type="button" onClick={() => picker.current?.click()}>
          {say('import-tests')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={() => void attempt(importChosen)}
        />
        {transcript && nativeDialogs && (
          <button type="button" onClick={() => void attempt(exportOpenFlow)}>
            {say('export-flow-and-tests')}
          </button>
        )}
        {transcript && !nativeDialogs && (
          <button
            type="button"
            onClick={() => void attempt(async () => downloadFile(await amana().getTranscriptFile(flow.id)))}
          >
            {say('download-tests')}
          </button>
        )}
        <button type="button" className="panel__close" aria-label={say('close-tests')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      {!transcript && <p className="muted">{say('no-tests')}</p>}
      <p className="muted tests-panel__kept">
        {nativeDialogs
          ? say('tests-kept-desktop')
          : isolateNames((names) => say('tests-kept-browser', names), { file: `${flow.id}.transcript.json` })}
      </p>
      {transcript && result && (
        <p role="status" className={passed === result.tests.length ? 'tests-panel__ok' : 'tests-panel__failing'}>
          {say('tests-summary', { passed, failed: result.tests.length - passed })}{' '}
          {say('tests-coverage', {
            nodes: result.coverage.nodes.covered,
            nodesTotal: result.coverage.nodes.total,
            edges: result.coverage.edges.covered,
            edgesTotal: result.coverage.edges.total,
          })}
        </p>
      )}
      {transcript && running && !result && <p className="muted">{say('tests-running')}</p>}
      {result && (
        <ul className="tests-panel__list">
          {result.tests.map((test) => (
            <li key={test.name} className={test.passed ? 'test--passed' : 'test--failed'}>
              <span aria-hidden="true">{test.passed ? '✓' : '✗'}</span> <bdi>{test.name}</bdi>{' '}
              <span className="visually-hidden">{say(test.passed ? 'test-passed' : 'test-failed')}</span>
              {test.failures.length > 0 && (
                <ul className="test__failures">
                  {test.failures.map((failure, index) => (
                    <li key={index} dir="auto">
                      {failure}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
