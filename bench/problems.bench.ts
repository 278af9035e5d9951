/// <reference lib="dom" />
/**
 * Benchmark of the studio's live check in Chromium against DESIGN.md §7: on a 2,000-node flow an
 * edit shows its new problems within 100 ms and never blocks the page for more than 50 ms.
 *
 *   npm run bench:problems              # 500 and 2,000 nodes
 *   npm run bench:problems -- --json    # the same figures as JSON, with every run
 *
 * It runs the real browser edition (`npm run web`) on a fresh workspace and imports the flows of
 * bench/check-generator.ts (seed 2026). Each timed edit is the designer's own: in Flow settings,
 * a field's retention is switched between "Not set" and 30 days, which adds or removes one
 * `missing-retention` error. The time runs from the change event to the Problems tab beside the
 * settings showing the new error count on its badge (a MutationObserver in the page; the status
 * line and the cards' badges are drawn in the same render), so it includes the settings form,
 * the edit op, the debounce, posting the flow to the worker, the check, and React drawing the
 * panel and the cards' badges. The Long Tasks API records every main-thread task over 50 ms
 * meanwhile; the figure is the longest task seen during the edit (0 when none was that long).
 * The process exits 1 when a target is missed on the 2,000-node flow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/chromium.ts';
import { startWebEdition } from '../test/e2e/web-edition.ts';
import type { AmanaBridge } from '../shared/api.ts';
import { generateFlow } from './check-generator.ts';

declare global {
  interface Window {
    amana?: AmanaBridge;
  }
}

const sizes = [500, 2_000];
const editsPerSize = 20;
const warmupEdits = 4;

interface Figures {
  nodes: number;
  editToProblemsMs: number[];
  longestTaskMs: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** One retention switch, timed in the page; resolves with the elapsed time and the longest task. */
function timedEdit(page: Page, field: string, days: string, expectedErrors: number) {
  return page.evaluate(
    ({ field, days, expectedErrors }) =>
      new Promise<{ elapsed: number; longest: number }>((resolve, reject) => {
        const select = document.querySelector<HTMLSelectElement>(`select[aria-label="Kept for: ${field}"]`);
        const status = document.querySelector('#dock-tab-problems');
        if (!select || !status) return reject(new Error('the retention field or the Problems tab is missing'));
        let longest = 0;
        const tasks = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        tasks.observe({ type: 'longtask' });
        const start = performance.now();
        const done = new MutationObserver(() => {
          if (Number(status.querySelector('.problem-badge')?.textContent ?? '0') !== expectedErrors) return;
          const elapsed = performance.now() - start;
          done.disconnect();
          // Long tasks are reported after they end: give the last one a frame to arrive.
          requestAnimationFrame(() =>
            setTimeout(() => {
              tasks.disconnect();
              resolve({ elapsed, longest });
            }, 0),
          );
        });
        done.observe(status, { childList: true, characterData: true, subtree: true });
        const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
        setter?.call(select, days);
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    { field, days, expectedErrors },
  );
}

async function measure(page: Page, nodes: number): Promise<Figures> {
  const generated = generateFlow(nodes);
  const text = JSON.stringify({ ...generated, id: `bench-${nodes}`, name: `Bench ${nodes}` });
  await page.evaluate((file) => window.amana?.importFlow(file), { fileName: `bench-${nodes}.flow.json`, text });
  await page.reload();
  await page.getByRole('button', { name: new RegExp(`Bench ${nodes}\\b`) }).click();
  await page.getByRole('region', { name: 'Problems' }).getByText('Ready to export').waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Flow settings' }).click();
  const data = generated['data'];
  const first: unknown = Array.isArray(data) ? data[0] : undefined;
  const field = typeof first === 'object' && first !== null && 'key' in first ? String(first.key) : '';
  const figures: Figures = { nodes, editToProblemsMs: [], longestTaskMs: [] };
  for (let run = 0; run < warmupEdits + editsPerSize; run += 1) {
    const removed = await timedEdit(page, field, '', 1);
    const restored = await timedEdit(page, field, '30', 0);
    if (run < warmupEdits) continue;
    for (const { elapsed, longest } of [removed, restored]) {
      figures.editToProblemsMs.push(elapsed);
      figures.longestTaskMs.push(longest);
    }
  }
  return figures;
}

const dir = mkdtempSync(join(tmpdir(), 'amana-bench-problems-'));
const [web, browser] = await Promise.all([startWebEdition(join(dir, 'workspace.db')), launchChromium()]);
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(web.url);
  await page.getByText('No flows yet.', { exact: false }).waitFor();
  const results: Figures[] = [];
  for (const nodes of sizes) results.push(await measure(page, nodes));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    console.log('nodes  edit → problems shown (median / max)  longest main-thread task (median / max)');
    for (const { nodes, editToProblemsMs, longestTaskMs } of results) {
      const cell = (values: number[]) => `${median(values).toFixed(0)} / ${Math.max(...values).toFixed(0)} ms`;
      console.log(`${String(nodes).padStart(5)}  ${cell(editToProblemsMs).padEnd(37)}  ${cell(longestTaskMs)}`);
    }
  }
  const large = results.find((figures) => figures.nodes === 2_000);
  const missed = large && (median(large.editToProblemsMs) > 100 || Math.max(...large.longestTaskMs) > 50);
  process.exitCode = missed ? 1 : 0;
} finally {
  await browser.close();
  await web.stop();
  rmSync(dir, { recursive: true, force: true });
}
