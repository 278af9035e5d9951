import { fill, type Catalogue, type Params, type UiLanguage } from '../i18n/index.ts';
import type { CheckContext } from './context.ts';
import type { Diagnostic, RuleId, Severity } from './diagnostic.ts';

/** One finding of a rule, before it is put into words. */
export interface Finding<Key extends string> {
  message: Key;
  params?: Params;
  /** Defaults to the rule's severity (only `mislabeled-data` has findings of both). */
  severity?: Severity;
  /** Node index in the flow; fills `{node}` in the message. */
  node?: number;
  edgeId?: string;
  dataKey?: string;
  /** Witness path as node indexes, start first; fills `{path}` in the message. */
  path?: readonly number[];
  /** A finding through a copy: the key, the field it holds and the copy step (node index; fills `{copyStep}`). */
  copy?: { key: string; origin: string; step: number };
}

/** A rule of DESIGN.md §3, with what the SARIF reporter and the studio show about it. */
export interface Rule {
  id: RuleId;
  severity: Severity;
  /** One line: what the rule finds. */
  title: Record<UiLanguage, string>;
  /** Why it matters and how to fix it, for someone who does not program. */
  help: Record<UiLanguage, string>;
  run(context: CheckContext, emit: (diagnostic: Diagnostic) => void): void;
}

export interface RuleDefinition<Key extends string> {
  id: RuleId;
  severity: Severity;
  title: Record<UiLanguage, string>;
  help: Record<UiLanguage, string>;
  /** Every message the rule can give, in every interface language (a gap does not compile). */
  messages: Catalogue<Key>;
  check(context: CheckContext, report: (finding: Finding<Key>) => void): void;
}

/** Declares a rule: its messages are filled with the names of the nodes and the path it reports. */
export function defineRule<Key extends string>(definition: RuleDefinition<Key>): Rule {
  return {
    id: definition.id,
    severity: definition.severity,
    title: definition.title,
    help: definition.help,
    run(context, emit) {
      const { naming, language, flow } = context;
      definition.check(context, (finding) => {
        const params: Params = { ...finding.params };
        if (finding.node !== undefined) params['node'] ??= naming.node(finding.node);
        if (finding.path) params['path'] ??= naming.path(finding.path);
        if (finding.copy) params['copyStep'] ??= naming.node(finding.copy.step);
        const diagnostic: Diagnostic = {
          rule: definition.id,
          severity: finding.severity ?? definition.severity,
          message: fill(definition.messages[language][finding.message], params),
        };
        const nodeId = finding.node === undefined ? undefined : flow.nodes[finding.node]?.id;
        if (nodeId !== undefined) diagnostic.nodeId = nodeId;
        if (finding.edgeId !== undefined) diagnostic.edgeId = finding.edgeId;
        if (finding.dataKey !== undefined) diagnostic.dataKey = finding.dataKey;
        if (finding.path) diagnostic.path = finding.path.map((index) => flow.nodes[index]?.id ?? '?');
        const copyStep = finding.copy === undefined ? undefined : flow.nodes[finding.copy.step]?.id;
        if (finding.copy && copyStep !== undefined)
          diagnostic.copy = { key: finding.copy.key, origin: finding.copy.origin, nodeId: copyStep };
        emit(diagnostic);
      });
    },
  };
}
