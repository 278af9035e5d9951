import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../flows/index.ts';
import { deskFlow } from '../../test/runtime/helpers/desk-flow.ts';
import { buildReport } from '../stats/report.ts';
import type { StatsCount } from '../store/storage.ts';
import { namedReport } from './stats-names.ts';

const parsed = parseFlow(deskFlow());
if (!parsed.ok) throw new Error('the desk shop flow parses');
const flow = parsed.flow;
const day = '2026-03-01';
const counts: StatsCount[] = [
  { day, scope: 'step', item: 'ask-email', metric: 'reached', count: 7 },
  { day, scope: 'step', item: 'renamed-away', metric: 'reached', count: 6 },
  { day, scope: 'purpose', item: 'support', metric: 'granted', count: 7 },
  { day, scope: 'purpose', item: 'gone-purpose', metric: 'granted', count: 5 },
];
const report = buildReport(flow, day, day, counts);
const step = (ui: 'en' | 'pt-BR' | 'ar', id: string) =>
  namedReport(report, flow, ui).steps.find((candidate) => candidate.id === id);

describe('the desk’s statistics, named as the flow names its steps and purposes', () => {
  it('names a step by its kind in the desk’s language and its text in that language when the flow has it', () => {
    expect(step('en', 'ask-email')?.title).toEqual({
      kind: 'Question',
      text: { lang: 'en', value: 'What is your email?' },
    });
    expect(step('pt-BR', 'ask-email')?.title).toEqual({
      kind: 'Pergunta',
      text: { lang: 'pt-BR', value: 'Qual é o seu e-mail?' },
    });
  });

  it('takes the flow’s first language for a desk language the flow is not written in', () => {
    expect(step('ar', 'to-support')?.title).toEqual({
      kind: 'تحويل إلى موظف',
      text: { lang: 'en', value: 'Passing you to our support team.' },
    });
  });

  it('names a step without text by its kind alone, and leaves a step gone from the flow to its id', () => {
    expect(step('pt-BR', 'start')?.title).toEqual({ kind: 'Início' });
    expect(step('en', 'renamed-away')).not.toHaveProperty('title');
  });

  it('names a purpose by its label, and keeps every count as the report has it', () => {
    const named = namedReport(report, flow, 'pt-BR');
    expect(named.purposes.map((purpose) => [purpose.id, purpose.label])).toEqual([
      ['support', { lang: 'pt-BR', value: 'Atendimento' }],
      ['gone-purpose', undefined],
    ]);
    expect(named.steps.map(({ id, total, incomplete, days }) => ({ id, total, incomplete, days }))).toEqual(
      report.steps.map(({ id, total, incomplete, days }) => ({ id, total, incomplete, days })),
    );
  });
});
