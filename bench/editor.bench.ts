/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The editor benchmark (DESIGN.md §7): a generated 1,000-node flow opened in the studio's browser
// edition in Chromium — time from choosing it in the list to an interactive canvas — and the time
// per frame while dragging a step and while panning, against bare React Flow drawing the same
// nodes and edges (bench/editor-bare/) in the same run. `npm run bench:editor [-- --json]`.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { parseFlow, serializeFlow } from '../flows/index.ts';
import { launchChromium } from '../test/e2e/chromium.ts';
import { startWebEdition } from '../test/e2e/web-edition.ts';
import { generateFlow } from './check-generator.ts';

const nodeCount = 1000;
const rounds = 5;
const moves = 40;
const json = process.argv.includes('--json');
const root = new URL('../', import.meta.url).pathname;

/** The generated flow, as the studio stores it, and as bare React Flow draws it. */
function inputs() {
  const parsed = parseFlow(generateFlow(nodeCount));
  if (!parsed.ok) throw new Error('the generated flow does not parse');
  const flow = parsed.flow;
  const drawn = {
    nodes: flow.nodes.map((node) => ({
      id: node.id,
      position: node.position,
      data: { label: `${node.type}: ${node.id}` },
    })),
    edges: flow.edges.map((edge) => ({ id: edge.id, source: edge.from, target: edge.to })),
  };
  return { flow, drawn };
}

async function buildBarePage(dir: string, drawn: unknown): Promise<void> {
  await build({
    root: join(root, 'bench/editor-bare'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: dir, emptyOutDir: true, target: 'es2022' },
  });
  writeFileSync(join(dir, 'flow.json'), JSON.stringify(drawn));
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
  };
  const server = createServer((request, response) => {
    const asked = new URL(request.url ?? '/', 'http://x').pathname;
    const path = asked === '/' ? '/index.html' : asked;
    try {
      const body = readFileSync(join(dir, path));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    }),
  );
}

/** Waits in the page until the canvas shows nodes and two frames have been painted after. */
async function interactiveAt(page: Page): Promise<number> {
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  return page.evaluate<number>(`new Promise((resolve) => {
    const check = () => {
      if (document.querySelectorAll('.react-flow__node').length > 0) {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      } else requestAnimationFrame(check);
    };
    check();
  })`);
}

/** Milliseconds per pointer move until the next painted frame, median over the gesture. */
async function gesture(page: Page, from: { x: number; y: number }, step: { x: number; y: number }): Promise<number> {
  const times: number[] = [];
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i += 1) {
    const started = performance.now();
    await page.mouse.move(from.x + step.x * i, from.y + step.y * i);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    times.push(performance.now() - started);
  }
  await page.mouse.up();
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A node near the middle of the canvas and an empty point of the pane. */
async function targets(page: Page): Promise<{ node: { x: number; y: number }; pane: { x: number; y: number } }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) throw new Error('no canvas');
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const middle = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
    const near = nodes.sort(
      (a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y),
    )[0];
    if (!near) throw new Error('no node');
    return {
      node: { x: near.x + near.width / 2, y: near.y + near.height / 2 },
      pane: { x: pane.left + 8, y: pane.top + 8 },
    };
  });
}

const { flow, drawn } = inputs();
const dir = mkdtempSync(join(tmpdir(), 'amana-bench-editor-'));
const [web, browser] = await Promise.all([startWebEdition(join(dir, 'workspace.db')), launchChromium()]);
await buildBarePage(join(dir, 'bare'), drawn);
const bare = await serve(join(dir, 'bare'));
const results = {
  amana: { open: [] as number[], drag: [] as number[], pan: [] as number[] },
  bare: { open: [] as number[], drag: [] as number[], pan: [] as number[] },
};
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(web.url);
  await page.getByText('No flows yet.', { exact: false }).waitFor();
  await page.evaluate(
    (text) =>
      (
        window as unknown as { amana: { importFlow(file: { fileName: string; text: string }): Promise<unknown> } }
      ).amana.importFlow({
        fileName: 'bench.flow.json',
        text,
      }),
    serializeFlow(flow),
  );
  const barePage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  for (let round = 0; round < rounds; round += 1) {
    // The studio: reload, then choose the flow in the list, as a designer opens it.
    await page.reload();
    const item = page.getByRole('button', { name: new RegExp(flow.name.slice(0, 20)) });
    await item.waitFor();
    const clicked = await page.evaluate(() => performance.now());
    await item.click();
    results.amana.open.push((await interactiveAt(page)) - clicked);
    const studio = await targets(page);
    results.amana.drag.push(await gesture(page, studio.node, { x: 3, y: 2 }));
    results.amana.pan.push(await gesture(page, studio.pane, { x: 4, y: 3 }));

    // Bare React Flow: from its script starting (data fetched) to the same point.
    await barePage.goto(bare.url);
    const ready = await interactiveAt(barePage);
    results.bare.open.push(
      ready - (await barePage.evaluate(() => (window as unknown as { benchStarted: number }).benchStarted)),
    );
    const plain = await targets(barePage);
    results.bare.drag.push(await gesture(barePage, plain.node, { x: 3, y: 2 }));
    results.bare.pan.push(await gesture(barePage, plain.pane, { x: 4, y: 3 }));
  }
} finally {
  await browser.close();
  await web.stop();
  bare.server.close();
  rmSync(dir, { recursive: true, force: true });
}

const summary = {
  nodes: flow.nodes.length,
  edges: flow.edges.length,
  rounds,
  openMs: { amana: median(results.amana.open), bare: median(results.bare.open) },
  dragMsPerFrame: { amana: median(results.amana.drag), bare: median(results.bare.drag) },
  panMsPerFrame: { amana: median(results.amana.pan), bare: median(results.bare.pan) },
  raw: results,
};
if (json) console.log(JSON.stringify(summary, null, 2));
else {
  const f = (value: number) => value.toFixed(1);
  console.log(`${summary.nodes} nodes, ${summary.edges} edges, median of ${rounds} rounds (Chromium, headless)`);
  console.log(
    `open → interactive: Amana ${f(summary.openMs.amana)} ms (bare React Flow ${f(summary.openMs.bare)} ms; target < 1500 ms)`,
  );
  console.log(
    `dragging a step: ${f(summary.dragMsPerFrame.amana)} ms per frame vs bare ${f(summary.dragMsPerFrame.bare)} ms — ratio ${(summary.dragMsPerFrame.amana / summary.dragMsPerFrame.bare).toFixed(2)} (target ≤ 1.5)`,
  );
  console.log(
    `panning: ${f(summary.panMsPerFrame.amana)} ms per frame vs bare ${f(summary.panMsPerFrame.bare)} ms — ratio ${(summary.panMsPerFrame.amana / summary.panMsPerFrame.bare).toFixed(2)} (target ≤ 1.5)`,
  );
}
