import { nodeWith, validateNode, type FieldPath, type FieldProblem } from '../../flows/edit/index.ts';
import type { Flow, FlowNode } from '../../flows/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';

/** What a change in the inspector leads to: a node the document may take, or the parser's objections. */
export type ProposedChange = { ok: true; node: FlowNode } | { ok: false; node: FlowNode; problems: FieldProblem[] };

/**
 * Checks a value typed into the inspector against the parser before anything is written: the
 * document only ever receives a step that parses, and a refused value comes back with the
 * parser's own messages (in the interface language) for the form to show beside the field.
 */
export function proposeChange(
  flow: Flow,
  shown: FlowNode,
  path: FieldPath,
  value: unknown,
  ui: UiLanguage,
): ProposedChange {
  const node = nodeWith(shown, path, value);
  const problems = validateNode(flow, node, ui);
  return problems.length === 0 ? { ok: true, node } : { ok: false, node, problems };
}
