import { translator, type Catalogue, type UiLanguage } from '../../i18n/index.ts';
import type { Flow } from '../../model/schema.ts';
import { ruleTopics, type Diagnostic, type RuleId } from '../diagnostic.ts';
import type { FileProblem } from './json.ts';
import { rules } from '../rules/index.ts';
import { locateFlow, type SourcePosition } from './source-locations.ts';

/** One checked (or unreadable) file as the SARIF reporter needs it. */
export interface SarifInput {
  /** The file as a URI reference relative to the working directory (or absolute `file:` URI). */
  uri: string;
  diagnostics: readonly Diagnostic[];
  /** The parsed flow and its text, to point at the lines of nodes, edges and data fields. */
  flow?: Flow;
  source?: string;
  /** Why the file could not be checked, when it could not. */
  problems?: readonly FileProblem[];
}

/** The parts of SARIF 2.1.0 this reporter writes (OASIS SARIF v2.1.0 errata 01). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifMessage {
  text: string;
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; index: number };
    region?: { startLine: number; startColumn: number };
  };
  logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
  message?: SarifMessage;
}

/** A step of a code flow; the step where personal data was copied is of kind `taint`, with a message. */
interface SarifThreadFlowLocation {
  location: SarifLocation;
  kinds?: string[];
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning';
  message: SarifMessage;
  locations: SarifLocation[];
  codeFlows?: { threadFlows: { locations: SarifThreadFlowLocation[] }[] }[];
  properties?: Record<string, string>;
}

interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion: string;
      language: string;
      rules: {
        id: string;
        name: string;
        shortDescription: SarifMessage;
        fullDescription: SarifMessage;
        help: SarifMessage;
        defaultConfiguration: { level: 'error' | 'warning' };
        properties: { tags: string[] };
      }[];
    };
  };
  invocations: {
    executionSuccessful: boolean;
    toolExecutionNotifications: { level: 'error'; message: SarifMessage; locations: SarifLocation[] }[];
  }[];
  artifacts: { location: { uri: string }; sourceLanguage: string }[];
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

/** The schema the log declares; the tests validate against the OASIS SARIF 2.1.0 schema. */
const sarifSchemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const copyWords: Catalogue<'copied'> = {
  en: { copied: '{copy} gets a copy of {origin} here.' },
  'pt-BR': { copied: '{copy} recebe aqui uma cópia de {origin}.' },
  ar: { copied: 'هنا يتلقى {copy} نسخة من {origin}.' },
};
const copiedHere = (language: UiLanguage, names: { copy: string; origin: string }) =>
  translator(copyWords)(language, 'copied', names);

/** What a rule is about, as a SARIF tag (code-scanning UIs filter on tags). */
function tagsOf(id: RuleId): string[] {
  for (const [topic, ids] of Object.entries(ruleTopics)) if ((ids as readonly RuleId[]).includes(id)) return [topic];
  return [];
}

/** `consent-before-collection` → `ConsentBeforeCollection`, SARIF's suggested rule name form. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/**
 * A SARIF 2.1.0 log of one run over several files, so a team can put `amana check` in CI and see
 * findings in code-scanning UIs: rule metadata (id, title, help, default level) in
 * `tool.driver.rules`, each finding at the line of its node, edge or data field (with the node as
 * a logical location), its witness path as a code flow, and files that could not be checked as
 * tool execution notifications.
 */
export function toSarif(files: readonly SarifInput[], options: { language: UiLanguage; version: string }): SarifLog {
  const { language } = options;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: SarifResult[] = [];
  const notifications: SarifRun['invocations'][number]['toolExecutionNotifications'] = [];

  files.forEach((file, index) => {
    const artifact = { uri: file.uri, index };
    for (const problem of file.problems ?? [])
      notifications.push({
        level: 'error',
        message: { text: `${problem.path}: ${problem.message}` },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
    if (file.diagnostics.length === 0) return;
    const places = file.source === undefined ? undefined : locateFlow(file.source);
    const nodeIndex = new Map((file.flow?.nodes ?? []).map((node, at) => [node.id, at]));
    const edgeIndex = new Map((file.flow?.edges ?? []).map((edge, at) => [edge.id, at]));
    const dataIndex = new Map((file.flow?.data ?? []).map((field, at) => [field.key, at]));
    const at = (position: SourcePosition | undefined): SarifLocation['physicalLocation'] =>
      position
        ? { artifactLocation: artifact, region: { startLine: position.line, startColumn: position.column } }
        : { artifactLocation: artifact };
    const nodeLocation = (id: string): SarifLocation => ({
      physicalLocation: at(places?.nodes[nodeIndex.get(id) ?? -1]),
      logicalLocations: [{ name: id, fullyQualifiedName: `nodes/${id}`, kind: 'element' }],
    });

    for (const diagnostic of file.diagnostics) {
      let location: SarifLocation;
      if (diagnostic.nodeId !== undefined) location = nodeLocation(diagnostic.nodeId);
      else if (diagnostic.edgeId !== undefined)
        location = {
          physicalLocation: at(places?.edges[edgeIndex.get(diagnostic.edgeId) ?? -1]),
          logicalLocations: [
            { name: diagnostic.edgeId, fullyQualifiedName: `edges/${diagnostic.edgeId}`, kind: 'element' },
          ],
        };
      else if (diagnostic.dataKey !== undefined)
        location = {
          physicalLocation: at(places?.data[dataIndex.get(diagnostic.dataKey) ?? -1]),
          logicalLocations: [
            { name: diagnostic.dataKey, fullyQualifiedName: `data/${diagnostic.dataKey}`, kind: 'element' },
          ],
        };
      else location = { physicalLocation: { artifactLocation: artifact } };

      const result: SarifResult = {
        ruleId: diagnostic.rule,
        ruleIndex: ruleIndex.get(diagnostic.rule) ?? 0,
        level: diagnostic.severity,
        message: { text: diagnostic.message },
        locations: [location],
      };
      if (diagnostic.path && diagnostic.path.length > 0) {
        const copy = diagnostic.copy;
        const step = (id: string): SarifThreadFlowLocation =>
          copy?.nodeId === id
            ? {
                location: {
                  ...nodeLocation(id),
                  message: { text: copiedHere(language, { copy: `{{${copy.key}}}`, origin: `{{${copy.origin}}}` }) },
                },
                kinds: ['taint'],
              }
            : { location: nodeLocation(id) };
        result.codeFlows = [{ threadFlows: [{ locations: diagnostic.path.map(step) }] }];
      }
      const properties: Record<string, string> = {};
      if (diagnostic.dataKey !== undefined) properties['dataKey'] = diagnostic.dataKey;
      if (diagnostic.edgeId !== undefined) properties['edgeId'] = diagnostic.edgeId;
      if (Object.keys(properties).length > 0) result.properties = properties;
      results.push(result);
    }
  });

  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'amana check',
            version: options.version,
            semanticVersion: options.version,
            language,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.title[language] },
              fullDescription: { text: rule.help[language] },
              help: { text: rule.help[language] },
              defaultConfiguration: { level: rule.severity },
              properties: { tags: tagsOf(rule.id) },
            })),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        artifacts: files.map((file) => ({ location: { uri: file.uri }, sourceLanguage: 'json' })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
