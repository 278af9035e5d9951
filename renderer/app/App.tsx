import { useEffect } from 'react';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { loadWorkspace } from '../commands/load-workspace.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { VersionHistory } from '../history/VersionHistory.tsx';
import { PrivacyDock } from '../problems/PrivacyDock.tsx';
import { useLiveCheck } from '../problems/use-live-check.ts';
import { useText } from '../i18n/use-text.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { FlowList } from '../workspace/FlowList.tsx';
import { RecoveryBanner } from '../workspace/RecoveryBanner.tsx';
import { Header } from './Header.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { useDocumentLanguage } from './use-document-language.ts';
import { useMenuCommands } from './use-menu-commands.ts';
import { SimulatorPanel } from '../simulator/SimulatorPanel.tsx';
import { useSimulator } from '../simulator/simulator-store.ts';
import { useRehearsedFlow } from '../simulator/use-rehearsed-flow.ts';
import { TestsPanel } from '../tests/TestsPanel.tsx';
import { useTests } from '../tests/tests-store-instance.ts';

/** The studio's frame: header, flow list, canvas, history. */
export function App() {
  const text = useText();
  const status = useWorkspaceStore((state) => state.status);
  const workspaceFile = useWorkspaceStore((state) => state.host?.workspaceFile);
  const shown = useDocumentStore((state) => state.shown);
  useDocumentLanguage();
  useMenuCommands();
  useLiveCheck();
  useRehearsedFlow();
  const simulating = useSimulator((state) => state.open);
  const testing = useTests((state) => state.open);
  useEffect(() => void loadWorkspace(), []);

  return (
    <div className="app" aria-busy={status === 'loading'}>
      <Header />
      <NoticeBar />
      <RecoveryBanner />
      <div className="app-body">
        <div className="app-sidebar">
          {status === 'loading' ? <p className="muted">{text('loading')}</p> : <FlowList />}
          {workspaceFile && (
            <p className="muted app-sidebar__workspace">{text('workspace-file', { file: workspaceFile })}</p>
          )}
        </div>
        <main className="app-main">
          <div className="app-main__canvas">
            {shown ? (
              <FlowCanvas key={shown.flow.id} flow={shown.flow} />
            ) : (
              <p className="muted app-main__empty">{text('no-flow-open')}</p>
            )}
          </div>
          {shown && <PrivacyDock />}
        </main>
        {shown && (simulating || testing) && (
          <div className="app-panels">
            {simulating && <SimulatorPanel flow={shown.flow} />}
            {testing && <TestsPanel flow={shown.flow} />}
          </div>
        )}
        <VersionHistory />
      </div>
      <ExportDialog />
    </div>
  );
}
