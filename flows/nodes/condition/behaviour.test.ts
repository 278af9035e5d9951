import { describe, expect, it } from 'vitest';
import { Chat, flowOf } from '../../../test/engine/helpers.ts';
import { holds } from './behaviour.ts';

describe('holds', () => {
  it.each([
    ['eq', 'Gold', 'gold', true],
    ['eq', 'São Paulo', 'sao paulo', true],
    ['eq', '12', 12, true],
    ['eq', 12, '12.0', true],
    ['eq', 'true', true, true],
    ['eq', 'silver', 'gold', false],
    ['eq', undefined, 'gold', false],
    ['neq', 'silver', 'gold', true],
    ['neq', undefined, 'gold', true],
    ['neq', 'GOLD', 'gold', false],
    ['contains', 'A internet caiu de novo', 'internet', true],
    ['contains', 'Fatura atrasada', 'FATURA', true],
    ['contains', 'ok', 'internet', false],
    ['contains', ['a', 'b'], 'b', true],
    ['gt', 10, 5, true],
    ['gt', '10', 5, true],
    ['gt', 5, 10, false],
    ['gt', 'abc', 1, false],
    ['gt', undefined, 1, false],
    ['lt', 3, 5, true],
    ['lt', '2026-03-01', '2026-03-15', true],
    ['gt', '2026-03-01', '2026-03-15', false],
    ['exists', 'x', undefined, true],
    ['exists', 0, undefined, true],
    ['exists', '', undefined, false],
    ['exists', undefined, undefined, false],
  ] as const)('%s: %j vs %j is %s', (op, actual, expected, result) => {
    expect(holds(op, actual as never, expected)).toBe(result);
  });
});

describe('condition', () => {
  const flow = flowOf({
    variables: [{ key: 'total' }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'ask', type: 'question', text: { 'pt-BR': 'Total?' }, input: 'number', saveAs: 'total' },
      {
        id: 'branch',
        type: 'condition',
        rules: [
          { outcome: 'big', var: 'total', op: 'gt', value: 1000 },
          { outcome: 'zero', var: 'total', op: 'eq', value: 0 },
          { outcome: 'big', var: 'total', op: 'eq', value: 999 },
        ],
      },
      { id: 'b', type: 'end', text: { 'pt-BR': 'grande' } },
      { id: 'z', type: 'end', text: { 'pt-BR': 'zero' } },
      { id: 'o', type: 'end', text: { 'pt-BR': 'outro' } },
    ],
    edges: [
      { from: 'start', to: 'ask' },
      { from: 'ask', to: 'branch' },
      { from: 'branch', outcome: 'big', to: 'b' },
      { from: 'branch', outcome: 'zero', to: 'z' },
      { from: 'branch', outcome: 'else', to: 'o' },
    ],
  });

  it.each([
    ['1.500', 'grande'],
    ['999', 'grande'],
    ['0', 'zero'],
    ['10', 'outro'],
  ])('takes the first rule that holds (%s → %s), else `else`', (typed, reached) => {
    expect(new Chat(flow).say(typed).messages).toEqual([reached]);
  });
});
