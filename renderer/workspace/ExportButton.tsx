import { exportOpenFlow } from '../commands/export-flow.ts';
import { attempt } from '../commands/report-failure.ts';
import { useText } from '../i18n/use-text.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';

/** Writes the open flow as a `.flow.json` file (save dialog on the desktop, download in a browser). */
export function ExportButton() {
  const text = useText();
  const open = useDocumentStore((state) => state.shown !== null);
  const nativeDialogs = useWorkspaceStore((state) => state.host?.nativeFileDialogs ?? false);
  if (!open) return null;
  return (
    <button type="button" onClick={() => void attempt(exportOpenFlow)}>
      {text(nativeDialogs ? 'export-file' : 'download-file')}
    </button>
  );
}
