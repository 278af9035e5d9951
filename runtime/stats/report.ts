import type { Flow } from '../../flows/index.ts';
import { purposeMetrics, stepMetrics, type StatsCount, type StatsMetric, type Storage } from '../store/storage.ts';
import { utcDay } from '../conversation/stats.ts';

/**
 * The report of `node server.js stats`, `GET /admin/stats` and the desk's statistics page, built
 * from the aggregate counters (../conversation/stats.ts says what each counts).
 *
 * Small counts are suppressed: a daily count from 1 to 4 is shown as "< 5" (0 is shown as 0). The
 * daily cell is the finest grain anyone can ask for, and nothing is computed from a hidden count:
 *
 * - a total over the range adds up the *shown* daily cells only; when it left some out, its metric
 *   is listed in `incomplete` (shown as "≥ total"). So no range, nor the difference of two ranges,
 *   uncovers a hidden cell: each range's total is a sum of cells anyone may see anyway;
 * - a consent rate (granted ÷ (granted + declined)) is given only when both counts are shown and
 *   complete; otherwise it is null.
 *
 * Counts of different steps are not made consistent with each other (each is counted and
 * suppressed on its own); where the flow forces every conversation through two steps in turn, the
 * difference of their shown counts tells no more than the flow itself does about how many went on.
 */
const suppressBelow = 5;
const suppressed = '< 5';
export type Cell = number | typeof suppressed;

/** How many days one report may cover at most, and covers when not told. */
const maxDays = 366;
const defaultDays = 30;

interface StepDay extends Record<(typeof stepMetrics)[number], Cell> {
  day: string;
}
interface PurposeDay extends Record<(typeof purposeMetrics)[number], Cell> {
  day: string;
  /** granted ÷ (granted + declined), when both are shown; null otherwise. */
  grantedRate: number | null;
}

export interface StatsReport {
  flow: { id: string; name: string };
  from: string;
  to: string;
  suppressBelow: number;
  /** Per step of the flow (flow order; steps no longer in the flow after them; '' = no conversation going on). */
  steps: {
    id: string;
    /** The step's kind, null when it is no longer in the flow. */
    kind: string | null;
    /** Sums of the shown daily cells. */
    total: Record<(typeof stepMetrics)[number], number>;
    /** Metrics whose total leaves out hidden daily cells. */
    incomplete: (typeof stepMetrics)[number][];
    /** The days with anything counted, in order. */
    days: StepDay[];
  }[];
  purposes: {
    id: string;
    total: Record<(typeof purposeMetrics)[number], number> & { grantedRate: number | null };
    incomplete: (typeof purposeMetrics)[number][];
    days: PurposeDay[];
  }[];
}

type RangeResult = { ok: true; from: string; to: string } | { ok: false; problem: 'bad-date' | 'bad-range' };

/** The days a report covers: `to` defaults to today (UTC), `from` to 29 days before `to`. */
export function statsRange(from: string | undefined, to: string | undefined, now: number): RangeResult {
  const last = to ?? utcDay(now);
  if (!isDay(last)) return { ok: false, problem: 'bad-date' };
  const first = from ?? utcDay(dayStart(last) - (defaultDays - 1) * dayMs);
  if (!isDay(first)) return { ok: false, problem: 'bad-date' };
  const span = (dayStart(last) - dayStart(first)) / dayMs;
  if (span < 0 || span >= maxDays) return { ok: false, problem: 'bad-range' };
  return { ok: true, from: first, to: last };
}

/** Reads the counters of the range and builds the report. */
export async function statsReport(
  store: Pick<Storage, 'statsCounts'>,
  flow: Flow,
  from: string,
  to: string,
): Promise<StatsReport> {
  return buildReport(flow, from, to, await store.statsCounts(from, to));
}

export function buildReport(flow: Flow, from: string, to: string, counts: readonly StatsCount[]): StatsReport {
  const steps = new Map<string, Map<string, Map<StatsMetric, number>>>();
  const purposes = new Map<string, Map<string, Map<StatsMetric, number>>>();
  for (const count of counts) {
    const table = count.scope === 'step' ? steps : purposes;
    const days = table.get(count.item) ?? new Map<string, Map<StatsMetric, number>>();
    table.set(count.item, days);
    const metrics = days.get(count.day) ?? new Map<StatsMetric, number>();
    days.set(count.day, metrics);
    metrics.set(count.metric, (metrics.get(count.metric) ?? 0) + count.count);
  }
  const stepIds = ordered(
    flow.nodes.map((node) => node.id),
    steps,
  );
  const purposeIds = ordered(
    flow.purposes.map((purpose) => purpose.id),
    purposes,
  );
  return {
    flow: { id: flow.id, name: flow.name },
    from,
    to,
    suppressBelow,
    steps: stepIds.map((id) => {
      const series = seriesOf(steps.get(id), stepMetrics);
      return {
        id,
        kind: flow.nodes.find((node) => node.id === id)?.type ?? null,
        total: series.total,
        incomplete: series.incomplete,
        days: series.days,
      };
    }),
    purposes: purposeIds.map((id) => {
      const series = seriesOf(purposes.get(id), purposeMetrics);
      const complete = series.incomplete.length === 0;
      return {
        id,
        total: { ...series.total, grantedRate: complete ? rate(series.total.granted, series.total.declined) : null },
        incomplete: series.incomplete,
        days: series.days.map((day) => ({
          ...day,
          grantedRate:
            typeof day.granted === 'number' && typeof day.declined === 'number'
              ? rate(day.granted, day.declined)
              : null,
        })),
      };
    }),
  };
}

/** A count as it may be shown. */
export function cell(count: number): Cell {
  return count > 0 && count < suppressBelow ? suppressed : count;
}

function seriesOf<M extends StatsMetric>(
  days: Map<string, Map<StatsMetric, number>> | undefined,
  metrics: readonly M[],
): { total: Record<M, number>; incomplete: M[]; days: ({ day: string } & Record<M, Cell>)[] } {
  const total = Object.fromEntries(metrics.map((metric) => [metric, 0])) as Record<M, number>;
  const incomplete = new Set<M>();
  const rows = [...(days ?? new Map<string, Map<StatsMetric, number>>()).entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, values]) => {
      const row = { day } as { day: string } & Record<M, Cell>;
      for (const metric of metrics) {
        const shown = cell(values.get(metric) ?? 0);
        (row as Record<M, Cell>)[metric] = shown;
        if (typeof shown === 'number') total[metric] += shown;
        else incomplete.add(metric);
      }
      return row;
    });
  return { total, incomplete: metrics.filter((metric) => incomplete.has(metric)), days: rows };
}

function ordered(declared: string[], counted: Map<string, unknown>): string[] {
  const known = new Set(declared);
  return [...declared, ...[...counted.keys()].filter((id) => !known.has(id)).sort()];
}

function rate(granted: number, declined: number): number | null {
  const all = granted + declined;
  return all === 0 ? null : Math.round((granted / all) * 1000) / 1000;
}

const dayMs = 24 * 60 * 60 * 1000;

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const start = dayStart(value);
  return !Number.isNaN(start) && utcDay(start) === value;
}

function dayStart(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? Number.NaN : ms;
}
