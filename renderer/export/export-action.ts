import { registerAction } from '../actions/registry.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { openExportDialog } from './export-commands.ts';
import { exportText } from './texts.ts';

/**
 * “Export…” (DESIGN.md §6) as one action of the registry: the toolbar's button, Ctrl/⌘+E, the
 * command palette and the desktop menu all open the Export dialog on the open flow's saved version.
 * Returns how to take it away again.
 */
export function registerExportAction(): () => void {
  return registerAction({
    id: 'export-bundle',
    label: {
      en: exportText('en', 'export-button'),
      'pt-BR': exportText('pt-BR', 'export-button'),
      ar: exportText('ar', 'export-button'),
    },
    shortcuts: ['Mod+E'],
    places: { toolbar: 90 },
    enabled: () => useDocumentStore.getState().shown !== null,
    perform: () => {
      const flowId = useDocumentStore.getState().shown?.flow.id;
      return flowId === undefined ? undefined : openExportDialog(flowId);
    },
  });
}
