import { isRightToLeft } from '../../../flows/i18n/index.ts';
import { api, list, num, record, text } from './api.ts';
import { h, show, withNames } from './dom.ts';
import type { Page } from './main.ts';
import { readFailure } from './subject-failure.ts';
import type { DeskKey } from './texts.ts';

/**
 * The supervisors' statistics (GET /desk/api/stats, runtime/stats/report.ts): conversations per
 * step, consent per purpose and conversations started per day, each as a chart (inline SVG, hidden
 * from screen readers) over the table that is its text alternative. Counts from 1 to 4 come
 * suppressed as "< 5" and are drawn as no bar; a total that leaves some out reads "≥ n", and one
 * that left out every count says so in words. Steps and purposes are named as the flow names them.
 */
export async function statsView(page: Page, main: HTMLElement): Promise<void> {
  // The days are the bot's (UTC, its clock): the first report covers its default range, and fills these in.
  const from = h('input', { id: 'stats-from', name: 'from', type: 'date', required: true });
  const to = h('input', { id: 'stats-to', name: 'to', type: 'date', required: true });
  const results = h('div', { class: 'stats' });
  const load = async (range: boolean) => {
    const days = range ? `&from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}` : '';
    const answer = await api('GET', `stats?lang=${encodeURIComponent(page.language)}${days}`);
    if (answer.status === 400) return page.notify(page.t('stats-bad-range'), 'error');
    if (answer.status !== 200) return page.notify(page.t(readFailure(answer)), 'error');
    from.value = text(answer.body['from']);
    to.value = text(answer.body['to']);
    show(results, ...report(page, answer.body));
  };
  const form = h(
    'form',
    {
      class: 'card range',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void load(true);
      },
    },
    h('label', { for: 'stats-from' }, page.t('stats-from')),
    from,
    h('label', { for: 'stats-to' }, page.t('stats-to')),
    to,
    h('button', { type: 'submit' }, page.t('stats-show')),
  );
  show(main, h('h1', {}, page.t('stats-heading')), h('p', {}, page.t('stats-help')), form, results);
  await load(false);
}

type Row = Record<string, unknown>;

function report(page: Page, body: Row): HTMLElement[] {
  const steps = list(body['steps']);
  const purposes = list(body['purposes']);
  const counted = [...steps, ...purposes].some((item) => list(item['days']).length > 0);
  if (!counted) return [h('p', {}, page.t('stats-nothing'))];
  const stepColumns: [string, DeskKey][] = [
    ['reached', 'stats-reached'],
    ['left', 'stats-left'],
    ['ended', 'stats-ended'],
    ['handed-off', 'stats-handed-off'],
    ['opted-out', 'stats-opted-out'],
  ];
  const stepRows = steps.map((step) => ({
    name: stepName(page, step),
    values: stepColumns.map(([metric]) => total(page, step, metric)),
  }));
  const startStep = steps.find((step) => step['kind'] === 'start');
  const dayRows = list(startStep?.['days']).map((day) => ({
    name: plainName(text(day['day'])),
    values: [shown(day['reached'])],
  }));
  const purposeRows = purposes.map((purpose) => {
    const rate = (purpose['total'] as Row | undefined)?.['grantedRate'];
    return {
      name: purposeName(purpose),
      values: [
        total(page, purpose, 'granted'),
        total(page, purpose, 'declined'),
        { text: typeof rate === 'number' ? `${Math.round(rate * 1000) / 10}%` : '—', value: undefined },
      ],
    };
  });
  const range = { from: text(body['from']), to: text(body['to']) };
  // The days each in an isolate: in an Arabic sentence a bare 2026-03-01 would be laid out as 01-03-2026.
  const titled = (key: DeskKey) => () => withNames((params) => page.t(key, params), range);
  return [
    figure(
      page,
      'stats-steps',
      titled('stats-steps-chart'),
      ['stats-step', ...stepColumns.map(([, key]) => key)],
      stepRows,
      [0, 1],
    ),
    figure(page, 'stats-days', titled('stats-days-chart'), ['stats-day', 'stats-started'], dayRows, [0]),
    ...(purposeRows.length > 0
      ? [
          figure(
            page,
            'stats-consent',
            titled('stats-consent-chart'),
            ['stats-purpose', 'stats-granted', 'stats-declined', 'stats-rate'],
            purposeRows,
            [0, 1],
          ),
        ]
      : []),
  ];
}

/** How a row is named: words short enough for the chart, and the table's row header. */
interface RowName {
  chart: string;
  header: (Node | string)[];
}

function plainName(words: string): RowName {
  return { chart: words, header: [h('bdi', { dir: 'auto' }, words)] };
}

/** A flow's own words, marked with their language (which may not be the desk's) and direction. */
function flowWords(words: Row): HTMLElement {
  return h('bdi', { lang: text(words['lang']) || undefined, dir: 'auto' }, text(words['value']));
}

/** A step as its card reads ("Question: What is your e-mail?"); its id when it is gone from the flow. */
function stepName(page: Page, step: Row): RowName {
  const id = text(step['id']);
  if (id === '') return plainName(page.t('stats-no-conversation'));
  const title = record(step['title']);
  const kind = text(title?.['kind']);
  if (!title || kind === '') return plainName(id);
  const words = record(title['text']);
  if (!words) return plainName(kind);
  return { chart: text(words['value']), header: [`${kind}: `, flowWords(words)] };
}

/** A purpose by its label; its id when it is gone from the flow. */
function purposeName(purpose: Row): RowName {
  const label = record(purpose['label']);
  return label ? { chart: text(label['value']), header: [flowWords(label)] } : plainName(text(purpose['id']));
}

interface Shown {
  text: string;
  /** The length of its bar; undefined draws none (a hidden count). */
  value: number | undefined;
}

function shown(value: unknown): Shown {
  return typeof value === 'number' ? { text: String(value), value } : { text: text(value) || '—', value: undefined };
}

function total(page: Page, item: Row, metric: string): Shown {
  const value = num((item['total'] as Row | undefined)?.[metric]);
  const incomplete = Array.isArray(item['incomplete']) && item['incomplete'].includes(metric);
  if (!incomplete) return { text: String(value), value };
  // Every count of the range was from 1 to 4: "≥ 0" would be true and say nothing.
  if (value === 0) return { text: page.t('stats-all-hidden'), value };
  return { text: page.t('stats-at-least', { n: value }), value };
}

/** A chart of some columns of the rows, and the table of all of them, under one caption. */
function figure(
  page: Page,
  id: string,
  /** The caption, made anew for each place it is shown (the table's and the figure's). */
  caption: () => (Node | string)[],
  headers: DeskKey[],
  rows: { name: RowName; values: Shown[] }[],
  charted: number[],
): HTMLElement {
  const table = h(
    'table',
    { class: 'log', id: `${id}-table` },
    h('caption', {}, caption()),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((key) => h('th', { scope: 'col' }, page.t(key))),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, row.name.header),
          row.values.map((value) => h('td', {}, value.text)),
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'chart', 'aria-labelledby': `${id}-caption` },
    h('figcaption', { id: `${id}-caption` }, caption()),
    barChart(
      page,
      id,
      rows,
      charted,
      charted.map((column) => page.t(headers[column + 1] ?? 'stats-reached')),
    ),
    table,
  );
}

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Record<string, string | number>, content?: string): SVGElement {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (content !== undefined) element.textContent = content;
  return element;
}

/**
 * Horizontal bars, one group per row (a bar per charted column), scaled to the largest value, with
 * a legend. Mirrored right to left in Arabic: labels on the right, bars growing leftwards. The
 * table beside it is what screen readers read, so the drawing is hidden from them.
 */
function barChart(
  page: Page,
  id: string,
  rows: { name: RowName; values: Shown[] }[],
  charted: number[],
  legend: string[],
): SVGElement {
  const rtl = isRightToLeft(page.language);
  const width = 640;
  const labelWidth = 170;
  const valueWidth = 60;
  const barHeight = 14;
  const groupHeight = charted.length * (barHeight + 2) + 10;
  const legendHeight = 24;
  const height = legendHeight + rows.length * groupHeight + 4;
  const largest = Math.max(1, ...rows.flatMap((row) => charted.map((column) => row.values[column]?.value ?? 0)));
  const span = width - labelWidth - valueWidth;
  const x = (start: number, length: number) => (rtl ? width - start - length : start);
  const anchorStart = rtl ? 'end' : 'start';
  const chart = svg('svg', {
    class: 'bars',
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    'aria-hidden': 'true',
    focusable: 'false',
    // Positions and anchors are computed for both directions here; the page's own would flip them again.
    direction: 'ltr',
    'data-chart': id,
  });
  legend.forEach((name, index) => {
    const at = 10 + index * 200;
    chart.append(
      svg('rect', { x: x(at, 12), y: 4, width: 12, height: 12, class: `series-${index}` }),
      svg('text', { x: rtl ? width - at - 18 : at + 18, y: 15, 'text-anchor': anchorStart }, name),
    );
  });
  rows.forEach((row, index) => {
    const top = legendHeight + index * groupHeight;
    chart.append(
      svg(
        'text',
        { x: rtl ? width - 4 : 4, y: top + barHeight, 'text-anchor': anchorStart, class: 'label' },
        row.name.chart.length > 24 ? `${row.name.chart.slice(0, 23)}…` : row.name.chart,
      ),
    );
    charted.forEach((column, series) => {
      const value = row.values[column];
      const y = top + series * (barHeight + 2);
      const length = value?.value === undefined ? 0 : Math.max(value.value > 0 ? 2 : 0, (value.value / largest) * span);
      if (length > 0)
        chart.append(
          svg('rect', {
            x: x(labelWidth, length),
            y,
            width: length,
            height: barHeight,
            class: `series-${series}`,
            'data-value': value?.value ?? 0,
          }),
        );
      chart.append(
        svg(
          'text',
          {
            x: rtl ? width - labelWidth - length - 4 : labelWidth + length + 4,
            y: y + barHeight - 3,
            'text-anchor': anchorStart,
          },
          value?.text ?? '',
        ),
      );
    });
  });
  return chart;
}
