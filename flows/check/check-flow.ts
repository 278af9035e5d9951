import type { Flow } from '../model/schema.ts';
import { createContext } from './context.ts';
import type { CheckOptions, Diagnostic } from './diagnostic.ts';
import { rules } from './rules/index.ts';

/**
 * Checks a parsed flow against every rule of DESIGN.md §3 and returns the findings, rule by rule
 * in the order of the design, each rule's in the order of the flow's nodes. Path findings carry
 * a witness: the node ids of the shortest path from Start that shows the problem.
 *
 * The graph, the declarations and each dataflow analysis are prepared once and shared by the
 * rules, so a check costs time linear in the size of the flow (DESIGN.md §7: a 2,000-node flow
 * in under 50 ms). Messages are in `options.language` (default English).
 */
export function checkFlow(flow: Flow, options: CheckOptions = {}): Diagnostic[] {
  const context = createContext(flow, options.language ?? 'en');
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) rule.run(context, (diagnostic) => diagnostics.push(diagnostic));
  return diagnostics;
}
