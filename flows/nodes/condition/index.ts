import { defineKind } from '../kind.ts';
import { fixedOutcome } from '../outcomes.ts';
import { conditionBehaviour } from './behaviour.ts';
import { conditionFields, type ConditionNode } from './schema.ts';

const elseOutcome = fixedOutcome('else');

/** Branches on variables: the first rule that holds picks its outcome, otherwise `else`. */
export const conditionKind = defineKind({
  type: 'condition',
  label: { en: 'Condition', 'pt-BR': 'Condição', ar: 'شرط' },
  fields: conditionFields,
  outcomes: (node) => [
    ...[...new Set(node.rules.map((r) => r.outcome))].map((id) => ({ id, optional: false })),
    elseOutcome,
  ],
  // `exists` tests whether a value is there without reading it; outcomes may guarantee a value.
  facts: (node) => ({
    reads: node.rules.filter((r) => r.op !== 'exists').map((r) => r.var),
    assures: existsOutcomes(node.rules),
  }),
  texts: () => [],
  behaviour: conditionBehaviour,
});

/**
 * The keys each outcome guarantees a value for. Every operator but `neq` holds only for a stored
 * value, and the first rule that holds picks the outcome, so an outcome whose rules all test the
 * same key (without `neq`) is reached only when that key has a value.
 */
function existsOutcomes(rules: ConditionNode['rules']) {
  return [...new Set(rules.map((r) => r.outcome))].flatMap((outcome) => {
    const leading = rules.filter((r) => r.outcome === outcome);
    const key = leading[0]?.var;
    return key !== undefined && leading.every((r) => r.op !== 'neq' && r.var === key) ? [{ outcome, keys: [key] }] : [];
  });
}
