import { createContext, useContext } from 'react';
import type { FieldPath } from '../../flows/edit/index.ts';
import type { Flow, FlowNode } from '../../flows/index.ts';
import type { FieldProblem } from '../../flows/edit/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';

/** What every field editor of the inspector needs: the step, the flow and a way to change a value. */
export interface FieldContextValue {
  flow: Flow;
  /** The step as shown: the document's, or a candidate the parser refused (kept out of the document). */
  node: FlowNode;
  ui: UiLanguage;
  problems: readonly FieldProblem[];
  /** Sets the value at a path below the step (one undo step); `undefined` removes it. */
  change(path: FieldPath, value: unknown): void;
  /** Puts the document's value back at a path whose typed value was refused (Escape), keeping the rest. */
  restore(path: FieldPath): void;
}

export const FieldContext = createContext<FieldContextValue | null>(null);

export function useField(): FieldContextValue {
  const value = useContext(FieldContext);
  if (!value) throw new Error('Inspector fields are used inside the inspector.');
  return value;
}

/** The JSON path of a field as the parser writes it below a node: `options[1].label.en`. */
export function pathText(path: FieldPath): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

/** The parser's messages about a value at this path or below it. */
export function problemsAt(problems: readonly FieldProblem[], path: FieldPath): FieldProblem[] {
  const prefix = pathText(path);
  return problems.filter(
    (problem) =>
      problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`),
  );
}
