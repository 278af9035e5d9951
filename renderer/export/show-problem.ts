import type { Diagnostic } from '../../flows/check/index.ts';
import { usePrivacyDockStore } from '../stores/privacy-dock-store.ts';
import { useProblemsStore } from '../stores/problems-store.ts';
import { closeExportDialog } from './export-commands.ts';

/**
 * Takes the designer from an error in the Export dialog to the Problems panel, as choosing the
 * problem there does: the dialog closes, the panel opens, the step is centred and its witness
 * path drawn.
 */
export function showProblem(diagnostic: Diagnostic): void {
  closeExportDialog();
  usePrivacyDockStore.getState().show('problems');
  const { showWitness, dismissWitness, focusStep } = useProblemsStore.getState();
  if (diagnostic.path && diagnostic.path.length > 0) showWitness(diagnostic);
  else dismissWitness();
  if (diagnostic.nodeId !== undefined) focusStep(diagnostic.nodeId);
}
