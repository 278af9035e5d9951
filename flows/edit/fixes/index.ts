/** Quick fixes (DESIGN.md §6): checker findings repaired by ordinary, undoable edit ops. */
export { verifyQuickFixes } from './quick-fixes.ts';
export type { QuickFix } from './quick-fix.ts';
