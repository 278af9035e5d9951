import { useEffect } from 'react';
import { CheatSheet } from '../actions/CheatSheet.tsx';
import { CommandPalette } from '../actions/CommandPalette.tsx';
import { onActionFailure } from '../actions/registry.ts';
import { Toolbar } from '../actions/Toolbar.tsx';
import { useShortcuts } from '../actions/use-shortcuts.ts';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { loadWorkspace } from '../commands/load-workspace.ts';
import { reportFailure } from '../commands/report-failure.ts';
import { startAutosave } from '../editor/commands/autosave.ts';
import { registerEditorActions } from '../editor/editor-actions.ts';
import { FindBar } from '../editor/FindBar.tsx';
import { FlowLanguages } from '../editor/FlowLanguages.tsx';
import { NewFlowDialog } from '../editor/NewFlowDialog.tsx';
import { Palette } from '../editor/Palette.tsx';
import { useEditorUiStore } from '../editor/ui-store.ts';
import { registerExportAction } from '../export/export-action.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { VersionHistory } from '../history/VersionHistory.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { PrivacyDock } from '../problems/PrivacyDock.tsx';
import { useLiveCheck } from '../problems/use-live-check.ts';
import { useText } from '../i18n/use-text.ts';
import { flowOnCanvas, useDocumentStore } from '../stores/document-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { FlowList } from '../workspace/FlowList.tsx';
import { RecoveryBanner } from '../workspace/RecoveryBanner.tsx';
import { Header } from './Header.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { useDocumentLanguage } from './use-document-language.ts';
import { useMenuCommands } from './use-menu-commands.ts';
import { SimulatorPanel } from '../simulator/SimulatorPanel.tsx';
import { registerReplayProblemAction } from '../simulator/replay-problem-action.ts';
import { useSimulator } from '../simulator/simulator-store.ts';
import { useRehearsedFlow } from '../simulator/use-rehearsed-flow.ts';
import { TestsPanel } from '../tests/TestsPanel.tsx';
import { useTests } from '../tests/tests-store-instance.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/**
 * The studio's frame: header and toolbar; the flow list and the palette on the start side; the
 * canvas; the inspector and the docked panels (problems, simulator, tests) on the end side; history.
 */
export function App() {
  const text = useText();
  const status = useWorkspaceStore((state) => state.status);
  const workspaceFile = useWorkspaceStore((state) => state.host?.workspaceFile);
  const open = useDocumentStore((state) => state.working !== null);
  const dialog = useEditorUiStore((state) => state.dialog);
  useDocumentLanguage();
  useMenuCommands();
  useShortcuts();
  useLiveCheck();
  useRehearsedFlow();
  useEffect(() => {
    onActionFailure(reportFailure);
    const unregister = registerEditorActions();
    const unregisterReplay = registerReplayProblemAction();
    const unregisterExport = registerExportAction();
    const stopAutosave = startAutosave();
    void loadWorkspace();
    return () => {
      unregister();
      unregisterReplay();
      unregisterExport();
      stopAutosave();
    };
  }, []);

  return (
    <div className="app" aria-busy={status === 'loading'}>
      <header>
        <Header />
        <Toolbar />
      </header>
      <NoticeBar />
      <RecoveryBanner />
      <div className="app-body">
        <nav className="app-sidebar" aria-label={text('sidebar-label')}>
          {status === 'loading' ? <p className="muted">{text('loading')}</p> : <FlowList />}
          {open && <Palette />}
          {workspaceFile && (
            <p className="muted app-sidebar__workspace">
              {isolateNames((names) => text('workspace-file', names), { file: workspaceFile })}
            </p>
          )}
        </nav>
        <main className="app-main">
          <div className="app-main__canvas">
            {open ? (
              <>
                <FlowLanguages />
                <FindBar />
                <FlowCanvas />
              </>
            ) : (
              <p className="muted app-main__empty">{text('no-flow-open')}</p>
            )}
          </div>
          {open && <PrivacyDock />}
        </main>
        {open && (
          <div className="app-end">
            <Inspector />
          </div>
        )}
        <StudioPanels />
        <VersionHistory />
      </div>
      {dialog === 'new-flow' && <NewFlowDialog />}
      {dialog === 'command-palette' && <CommandPalette />}
      {dialog === 'cheat-sheet' && <CheatSheet />}
      <ExportDialog />
    </div>
  );
}

/**
 * The Simulator and Tests panels beside the canvas. They follow every edit; the rest of the frame
 * does not, so the flow is read here rather than in App.
 */
function StudioPanels() {
  const simulating = useSimulator((state) => state.open);
  const testing = useTests((state) => state.open);
  const flow = useDocumentStore((state) => (simulating || testing ? flowOnCanvas(state) : null));
  if (!flow) return null;
  return (
    <div className="app-panels">
      <HistoryAside />
      {simulating && <SimulatorPanel flow={flow} />}
      {testing && <TestsPanel flow={flow} />}
    </div>
  );
}

/**
 * History steps aside while the Simulator or Tests is open (app.css: a fifth column would leave the
 * canvas no room). This says so above the panel, and offers the way back to it.
 */
function HistoryAside() {
  const text = useText();
  const hasHistory = useDocumentStore((state) => state.shown !== null && state.currentVersion !== null);
  const setSimulating = useSimulator((state) => state.setOpen);
  const setTesting = useTests((state) => state.setOpen);
  if (!hasHistory) return null;
  const showHistory = () => {
    setSimulating(false);
    setTesting(false);
    // History is drawn again once the panels have gone.
    requestAnimationFrame(() => document.getElementById('history')?.focus());
  };
  // Named "History" like the column it stands in for, so a screen reader's list of landmarks finds it.
  return (
    <aside className="app-panels__history muted" aria-label={text('history-heading')}>
      <p>{text('history-aside')}</p>
      <button type="button" onClick={showHistory}>
        {text('history-show')}
      </button>
    </aside>
  );
}
