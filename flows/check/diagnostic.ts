import type { UiLanguage } from '../i18n/index.ts';

/** The rule ids of DESIGN.md §3, by what they are about (the SARIF reporter tags results with it). */
const privacyRules = [
  'undeclared-data',
  'mislabeled-data',
  'undeclared-sharing',
  'unused-declaration',
  'collected-not-used',
  'missing-retention',
  'missing-purpose',
  'sensitive-without-consent',
  'consent-before-collection',
  'disclosure-first',
  'no-human-path',
  'no-erasure-path',
  'no-erasure-route',
  'invalid-erasure-route',
  'undefined-variable',
  'sensitive-echo',
  'insecure-transfer',
  'unsafe-template',
  'misplaced-secret',
] as const;
const graphRules = [
  'no-start',
  'multiple-starts',
  'dangling-edge',
  'duplicate-outcome',
  'unhandled-outcome',
  'unreachable-node',
] as const;
const whatsappRules = [
  'wa-too-many-buttons',
  'wa-list-too-many-rows',
  'wa-label-too-long',
  'wa-text-too-long',
] as const;
const i18nRules = ['missing-translation'] as const;

export const ruleTopics = {
  privacy: privacyRules,
  graph: graphRules,
  whatsapp: whatsappRules,
  i18n: i18nRules,
} as const;

/** Every rule id of DESIGN.md §3, in its order. These ids are a public contract: users grep and suppress them. */
export const ruleIds = [...privacyRules, ...graphRules, ...whatsappRules, ...i18nRules] as const;
export type RuleId = (typeof ruleIds)[number];

export type Severity = 'error' | 'warning';

/** One finding of the checker (DESIGN.md §3). */
export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  /** For the designer, in the requested interface language. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  dataKey?: string;
  /** Witness: node ids from `start` to the violation, shortest such path. */
  path?: string[];
  /**
   * When the finding is about a copy of personal data (lineage): the key read or sent, the field
   * it holds, and the step on `path` where the copy was made.
   */
  copy?: { key: string; origin: string; nodeId: string };
}

export interface CheckOptions {
  /** Language of the messages (default English). */
  language?: UiLanguage;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
}
