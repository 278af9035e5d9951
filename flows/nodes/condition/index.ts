import { z } from 'zod';
import { dataKey, identifier } from '../../model/common.ts';
import { defineKind } from '../kind.ts';

/** The comparisons a designer can pick; no code. */
export const conditionOperators = ['eq', 'neq', 'contains', 'gt', 'lt', 'exists'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

const rule = z.strictObject({
  outcome: identifier,
  var: dataKey,
  op: z.enum(conditionOperators),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

/** Branches on variables: the first rule that holds picks its outcome, otherwise `else`. */
export const conditionKind = defineKind({
  type: 'condition',
  label: { en: 'Condition', 'pt-BR': 'Condição', ar: 'شرط' },
  fields: { rules: z.array(rule).min(1) },
  outcomes: (node) => [
    ...[...new Set(node.rules.map((r) => r.outcome))].map((id) => ({ id, optional: false })),
    { id: 'else', optional: false },
  ],
  facts: (node) => ({ reads: node.rules.map((r) => r.var) }),
  texts: () => [],
});
