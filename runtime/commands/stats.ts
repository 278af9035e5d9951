import { runtimeText, type RuntimeMessageKey } from '../messages.ts';
import { stepMetrics, purposeMetrics } from '../store/storage.ts';
import { statsRange, statsReport, type Cell, type StatsReport } from '../stats/report.ts';
import { namedReport } from '../desk/stats-names.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import { complain, line, openBundle, parseOptions, type RuntimeIo } from './context.ts';

/**
 * `node server.js stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]`: conversations per step
 * and per UTC day, consent per purpose (../stats/report.ts), from aggregate counters that hold no
 * personal data. Small counts are suppressed.
 */
export async function statsCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const options = parseOptions(io, 'stats', args, {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!options) return 2;
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  try {
    const range = statsRange(options.from, options.to, opened.clock());
    if (!range.ok) return complain(io, range.problem === 'bad-date' ? 'stats-bad-date' : 'stats-bad-range');
    const report = await statsReport(opened.store, opened.flow, range.from, range.to);
    line(io.stdout, options.json ? JSON.stringify(report, null, 2) : statsText(report, opened.flow, io.language));
    return 0;
  } finally {
    await opened.store.close();
  }
}

const stepColumns: Record<(typeof stepMetrics)[number], RuntimeMessageKey> = {
  reached: 'stats-reached',
  left: 'stats-left',
  ended: 'stats-ended',
  'handed-off': 'stats-handed-off',
  'opted-out': 'stats-opted-out',
};
const purposeColumns: Record<(typeof purposeMetrics)[number], RuntimeMessageKey> = {
  granted: 'stats-granted',
  declined: 'stats-declined',
};

/**
 * The report as plain-text tables: the whole period, then each day with anything counted. Steps and
 * purposes are named as the desk's statistics name them (../desk/stats-names.ts): a step by its kind
 * and the first words of its text ("Question: What is your email?"), a purpose by its label, in the
 * operator's language when the flow has it; one gone from the flow by its id.
 */
export function statsText(report: StatsReport, flow: Flow, language: UiLanguage): string {
  const t = (key: RuntimeMessageKey, params?: Record<string, string | number>) => runtimeText(language, key, params);
  const named = namedReport(report, flow, language);
  const stepName = (step: (typeof named.steps)[number]) => {
    if (step.id === '') return t('stats-no-conversation');
    if (!step.title) return step.id;
    return step.title.text ? `${step.title.kind}: ${step.title.text.value}` : step.title.kind;
  };
  const purposeName = (purpose: (typeof named.purposes)[number]) => purpose.label?.value ?? purpose.id;
  // A total whose every daily count was from 1 to 4 is 0 and incomplete: "≥ 0" would say nothing.
  const total = (value: number, incomplete: boolean) =>
    !incomplete ? String(value) : value === 0 ? t('stats-all-hidden') : `≥ ${value}`;
  const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
  const stepHeader = [t('stats-step'), ...stepMetrics.map((metric) => t(stepColumns[metric]))];
  const purposeHeader = [
    t('stats-purpose'),
    ...purposeMetrics.map((metric) => t(purposeColumns[metric])),
    t('stats-rate'),
  ];
  const out = [t('stats-heading', { flow: report.flow.name, from: report.from, to: report.to }), ''];
  const days = [
    ...new Set([...report.steps, ...report.purposes].flatMap((item) => item.days.map((day) => day.day))),
  ].sort();
  if (days.length === 0) {
    out.push(t('stats-nothing'));
    return out.join('\n');
  }
  out.push(
    t('stats-steps'),
    table([
      stepHeader,
      ...named.steps.map((step) => [
        stepName(step),
        ...stepMetrics.map((metric) => total(step.total[metric], step.incomplete.includes(metric))),
      ]),
    ]),
  );
  if (named.purposes.length > 0)
    out.push(
      '',
      t('stats-purposes'),
      table([
        purposeHeader,
        ...named.purposes.map((purpose) => [
          purposeName(purpose),
          ...purposeMetrics.map((metric) => total(purpose.total[metric], purpose.incomplete.includes(metric))),
          percent(purpose.total.grantedRate),
        ]),
      ]),
    );
  const shown = (value: Cell) => String(value);
  for (const day of days) {
    out.push('', t('stats-day', { day }));
    const stepRows = named.steps.flatMap((step) => {
      const row = step.days.find((candidate) => candidate.day === day);
      return row ? [[stepName(step), ...stepMetrics.map((metric) => shown(row[metric]))]] : [];
    });
    if (stepRows.length > 0) out.push(table([stepHeader, ...stepRows]));
    const purposeRows = named.purposes.flatMap((purpose) => {
      const row = purpose.days.find((candidate) => candidate.day === day);
      return row
        ? [[purposeName(purpose), ...purposeMetrics.map((metric) => shown(row[metric])), percent(row.grantedRate)]]
        : [];
    });
    if (purposeRows.length > 0) out.push(table([purposeHeader, ...purposeRows]));
  }
  return out.join('\n');
}

/** Columns padded to their widest cell, two spaces apart. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((value, column) => value + ' '.repeat((widths[column] ?? 0) - [...value].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
