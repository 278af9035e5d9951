import { z } from 'zod';
import { dataKey, identifier } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

/** The comparisons a designer can pick; no code. */
export const conditionOperators = ['eq', 'neq', 'contains', 'gt', 'lt', 'exists'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

const rule = z.strictObject({
  outcome: identifier,
  var: dataKey,
  op: z.enum(conditionOperators),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

export const conditionFields = { rules: z.array(rule).min(1) };

export type ConditionNode = KindNode<'condition', typeof conditionFields>;
