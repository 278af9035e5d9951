import type { QuickFix } from '../../flows/edit/index.ts';
import { editFlow } from '../flow-settings/edit-flow.ts';
import { usePrivacyDockStore } from '../stores/privacy-dock-store.ts';
import { useProblemsStore } from '../stores/problems-store.ts';
import { focusField } from './focus-field.ts';
import { showStep } from './show-step.ts';

/**
 * Applies a quick fix as one undoable edit, then shows what it changed: the inventory row it
 * filled in, or the step field to adjust (a shortened label).
 */
export function applyQuickFix(fix: QuickFix): void {
  if (!editFlow(fix.op)) return;
  useProblemsStore.getState().dismissWitness();
  if (fix.field !== undefined) usePrivacyDockStore.getState().showField(fix.field);
  if (fix.focus) {
    showStep(fix.focus.nodeId);
    focusField(fix.focus.path);
  }
}
