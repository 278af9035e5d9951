import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../flows/index.ts';
import type { StatsCount } from '../store/storage.ts';
import { statsText } from '../commands/stats.ts';
import { buildReport, cell, statsRange } from './report.ts';

const parsed = parseFlow({
  format: 'amana.flow',
  version: 1,
  id: 'tiny',
  name: 'Tiny',
  languages: ['en', 'pt-BR'],
  controller: { name: 'Shop', contact: 'privacy@shop.example' },
  purposes: [{ id: 'news', label: { en: 'News', 'pt-BR': 'Novidades' } }],
  recipients: [],
  data: [],
  variables: [],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 } },
    { id: 'bye', type: 'end', position: { x: 0, y: 100 }, text: { en: 'Bye, thank you', 'pt-BR': 'Tchau, obrigado' } },
  ],
  edges: [{ id: 'e1', from: 'start', to: 'bye' }],
});
if (!parsed.ok) throw new Error(`fixture flow does not parse: ${JSON.stringify(parsed)}`);
const flow = parsed.flow;
const step = (day: string, item: string, metric: StatsCount['metric'], count: number): StatsCount => ({
  day,
  scope: metric === 'granted' || metric === 'declined' ? 'purpose' : 'step',
  item,
  metric,
  count,
});

describe('stats report: suppression and what is computed from what', () => {
  it('shows 0 and counts of 5 or more, hides 1 to 4', () => {
    expect([0, 1, 4, 5, 12].map(cell)).toEqual([0, '< 5', '< 5', 5, 12]);
  });

  it('totals only the shown cells, so no two ranges differ by a hidden one', () => {
    const counts = [
      step('2026-03-01', 'start', 'reached', 9),
      step('2026-03-02', 'start', 'reached', 3),
      step('2026-03-03', 'start', 'reached', 6),
    ];
    const total = (from: string, to: string) =>
      buildReport(
        flow,
        from,
        to,
        counts.filter((c) => c.day >= from && c.day <= to),
      ).steps[0]?.total.reached ?? -1;
    const all = total('2026-03-01', '2026-03-03');
    expect(all).toBe(15);
    // Without the hidden 3: every difference of ranges is a sum of shown cells.
    expect(all - total('2026-03-01', '2026-03-01') - total('2026-03-03', '2026-03-03')).toBe(0);
    expect(total('2026-03-01', '2026-03-02') - total('2026-03-01', '2026-03-01')).toBe(0);
    const report = buildReport(flow, '2026-03-01', '2026-03-03', counts);
    expect(report.steps[0]).toMatchObject({ id: 'start', incomplete: ['reached'] });
    expect(report.steps[0]?.days.map((d) => d.reached)).toEqual([9, '< 5', 6]);
  });

  it('gives a consent rate only from shown counts, and lists steps no longer in the flow after the others', () => {
    const report = buildReport(flow, '2026-03-01', '2026-03-02', [
      step('2026-03-01', 'news', 'granted', 6),
      step('2026-03-01', 'news', 'declined', 2),
      step('2026-03-02', 'news', 'granted', 6),
      step('2026-03-02', 'news', 'declined', 9),
      step('2026-03-02', 'gone', 'left', 7),
    ]);
    expect(report.purposes).toEqual([
      {
        id: 'news',
        total: { granted: 12, declined: 9, grantedRate: null },
        incomplete: ['declined'],
        days: [
          { day: '2026-03-01', granted: 6, declined: '< 5', grantedRate: null },
          { day: '2026-03-02', granted: 6, declined: 9, grantedRate: 0.4 },
        ],
      },
    ]);
    expect(report.steps.map((s) => [s.id, s.kind])).toEqual([
      ['start', 'start'],
      ['bye', 'end'],
      ['gone', null],
    ]);
  });

  it('reads a range of UTC days: 30 up to today by default, at most 366, from not after to', () => {
    const now = Date.parse('2026-03-31T12:00:00Z');
    expect(statsRange(undefined, undefined, now)).toEqual({ ok: true, from: '2026-03-02', to: '2026-03-31' });
    expect(statsRange('2026-01-01', '2026-12-31', now)).toEqual({ ok: true, from: '2026-01-01', to: '2026-12-31' });
    expect(statsRange('2025-01-01', '2026-12-31', now)).toEqual({ ok: false, problem: 'bad-range' });
    expect(statsRange('2026-03-02', '2026-03-01', now)).toEqual({ ok: false, problem: 'bad-range' });
    expect(statsRange('2026-02-30', undefined, now)).toEqual({ ok: false, problem: 'bad-date' });
    expect(statsRange(undefined, '31/03/2026', now)).toEqual({ ok: false, problem: 'bad-date' });
  });
});

describe('the text report of `node server.js stats`: named as the desk names them', () => {
  const report = buildReport(flow, '2026-03-01', '2026-03-02', [
    step('2026-03-01', 'start', 'reached', 9),
    step('2026-03-02', 'start', 'reached', 3),
    step('2026-03-01', 'bye', 'reached', 2),
    step('2026-03-02', 'bye', 'ended', 6),
    step('2026-03-02', 'gone', 'left', 7),
    step('2026-03-01', 'news', 'granted', 6),
    step('2026-03-01', 'news', 'declined', 2),
  ]);
  const whole = (language: 'en' | 'pt-BR' | 'ar') => {
    const text = statsText(report, flow, language);
    // The whole period: the lines before the first day's heading.
    return text.slice(0, text.search(/^(Day|Dia|يوم) 2026-03-01$/m));
  };

  it('names a step by its kind and the first words of its text, a purpose by its label, a gone step by its id', () => {
    const text = whole('en');
    expect(text).toMatch(/^Start {2,}≥ 9 {2,}0 {2,}0 {2,}0 {2,}0$/m);
    expect(text).toMatch(/^End: Bye, thank you {2,}hidden: under 5 on each day {2,}0 {2,}6 {2,}0 {2,}0$/m);
    expect(text).toMatch(/^gone {2,}0 {2,}7 {2,}0 {2,}0 {2,}0$/m);
    expect(text).toMatch(/^News {2,}6 {2,}hidden: under 5 on each day {2,}—$/m);
    expect(text).not.toMatch(/^(start|bye|news) /m);
    expect(text).not.toContain('≥ 0');
  });

  it('names each day’s rows the same way, where a hidden count stays "< 5"', () => {
    const text = statsText(report, flow, 'en');
    const firstDay = text.slice(text.indexOf('Day 2026-03-01'), text.indexOf('Day 2026-03-02'));
    expect(firstDay).toMatch(/^End: Bye, thank you {2,}< 5 {2,}0 {2,}0 {2,}0 {2,}0$/m);
    expect(firstDay).toMatch(/^News {2,}6 {2,}< 5 {2,}—$/m);
    expect(text.slice(text.indexOf('Day 2026-03-02'))).toMatch(/^gone {2,}0 {2,}7 {2,}0 {2,}0 {2,}0$/m);
  });

  it('speaks the operator’s language, taking the flow’s first language for words the flow lacks in it', () => {
    const portuguese = whole('pt-BR');
    expect(portuguese).toMatch(/^Início {2,}≥ 9 /m);
    expect(portuguese).toMatch(/^Fim: Tchau, obrigado {2,}oculto: menos de 5 em cada dia {2,}0 {2,}6 /m);
    expect(portuguese).toMatch(/^Novidades {2,}6 {2,}oculto: menos de 5 em cada dia {2,}—$/m);
    const arabic = whole('ar');
    expect(arabic).toMatch(/^البداية {2,}≥ 9 /m);
    expect(arabic).toMatch(/^النهاية: Bye, thank you {2,}مخفي: أقل من 5 في كل يوم {2,}0 {2,}6 /m);
    expect(arabic).toMatch(/^News {2,}6 {2,}مخفي: أقل من 5 في كل يوم {2,}—$/m);
  });
});
