/**
 * Editing a flow (DESIGN.md §6): pure operations that each return the new flow and the op that
 * undoes it. The studio's document store keeps the ops for undo and redo; quick fixes, paste and
 * auto-layout are ops like any other.
 */
export { applyEdit } from './apply-edit.ts';
export { EditError, type Edit, type EditOp } from './types.ts';
export { addNode, moveNodes, setNodeField, setNodeText, findNode } from './node-edits.ts';
export { connect, reconnect, disconnect } from './edge-edits.ts';
export { replaceNode } from './replace-node.ts';
export { deleteElements } from './delete-elements.ts';
export { spliceNode } from './splice-node.ts';
export { addFlowLanguage, removeFlowLanguage } from './languages.ts';
export { copyFragment, pasteFragment } from './fragment.ts';
export { freshId } from './fresh-id.ts';
export { renameHeader, newHeaderName } from './header-names.ts';
export { validateNode, type FieldProblem } from './validate-node.ts';
export { valueAt, nodeWith, type FieldPath } from './node-fields.ts';
export { editErrorMessage } from './messages.ts';
export { verifyQuickFixes, type QuickFix } from './fixes/index.ts';
