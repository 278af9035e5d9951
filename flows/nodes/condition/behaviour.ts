import { normaliseForMatching } from '../../i18n/normalise.ts';
import { displayValue, type JsonValue } from '../../model/template.ts';
import { leave, type Behaviour } from '../behaviour.ts';
import type { ConditionNode, ConditionOperator } from './schema.ts';

type Literal = string | number | boolean;

/** Leaves by the outcome of the first rule that holds, else by `else`. */
export const conditionBehaviour: Behaviour<ConditionNode> = {
  enter(node, conversation) {
    const rule = node.rules.find((candidate) => holds(candidate.op, conversation.read(candidate.var), candidate.value));
    return leave(rule ? rule.outcome : 'else');
  },
};

/**
 * Whether `actual op expected` holds, compared the way a designer means it: numbers as numbers
 * (`"12"` equals `12`), ISO dates in calendar order, and text ignoring case and accents
 * (`"São Paulo"` equals `"sao paulo"`). A missing value equals nothing and is not greater or less
 * than anything; `exists` means stored and not empty.
 */
export function holds(op: ConditionOperator, actual: JsonValue | undefined, expected: Literal | undefined): boolean {
  const present = actual !== undefined && actual !== null && actual !== '';
  switch (op) {
    case 'exists':
      return present;
    case 'eq':
      return present && expected !== undefined && equal(actual, expected);
    case 'neq':
      return !(present && expected !== undefined && equal(actual, expected));
    case 'contains':
      if (!present || expected === undefined) return false;
      if (Array.isArray(actual)) return actual.some((item) => item !== null && equal(item, expected));
      return normaliseForMatching(displayValue(actual)).includes(normaliseForMatching(String(expected)));
    case 'gt':
    case 'lt': {
      if (!present || expected === undefined) return false;
      const order = compare(actual, expected);
      return order !== undefined && (op === 'gt' ? order > 0 : order < 0);
    }
  }
}

function equal(actual: JsonValue, expected: Literal): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return a === b;
  return normaliseForMatching(displayValue(actual)) === normaliseForMatching(String(expected));
}

function compare(actual: JsonValue, expected: Literal): number | undefined {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return a - b;
  const isoDate = /^\d{4}-\d{2}-\d{2}/;
  if (typeof actual === 'string' && typeof expected === 'string' && isoDate.test(actual) && isoDate.test(expected)) {
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  }
  return undefined;
}

function asNumber(value: JsonValue | Literal): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
