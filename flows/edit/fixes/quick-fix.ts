import type { Diagnostic } from '../../check/diagnostic.ts';
import type { UiLanguage } from '../../i18n/index.ts';
import type { Flow } from '../../model/schema.ts';
import type { FieldPath } from '../node-fields.ts';
import type { EditOp } from '../types.ts';

/**
 * A one-click repair of a checker finding (DESIGN.md §6): an ordinary edit op, so it is applied,
 * undone and redone like any other edit. It is offered only when the next check no longer reports
 * the problem it repairs (see verifiedQuickFixes).
 */
export interface QuickFix {
  /** Which repair this is (stable; tests and the interface tell fixes apart by it). */
  kind: string;
  /** What the button says, in the interface language. */
  label: string;
  op: EditOp;
  /** The step field to put the cursor in afterwards (a shortened label, to adjust within its limit). */
  focus?: { nodeId: string; path: FieldPath };
  /** The data field whose row in the inventory to open afterwards, to review what the fix filled in. */
  field?: string;
}

/** Builds the fixes one rule's finding may take; each returns none when it does not fit the flow. */
export type FixBuilder = (flow: Flow, problem: Diagnostic, language: UiLanguage) => QuickFix[];
