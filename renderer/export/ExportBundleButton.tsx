import { useDocumentStore } from '../stores/document-store.ts';
import { openExportDialog } from './export-commands.ts';
import { useExportText } from './texts.ts';

/** "Export…": opens the Export dialog on the open flow. */
export function ExportBundleButton() {
  const text = useExportText();
  const flowId = useDocumentStore((state) => state.shown?.flow.id ?? null);
  if (flowId === null) return null;
  return (
    <button type="button" onClick={() => void openExportDialog(flowId)}>
      {text('export-button')}
    </button>
  );
}
