// A studio in Chromium on a fresh workspace with one flow imported, for the tests of one file.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { importThroughChooser, openStudio } from './studio-page.ts';
import { startWebEdition, type RunningWebEdition } from './web-edition.ts';

interface StudioWithFlow {
  /** The studio's tab, once it is open. */
  page(): Page;
  /** Script errors, console errors and CSP violations seen so far. */
  problems: string[];
  /** Stops the browser edition while the page stays open, as when its terminal is closed. */
  stopHost(): Promise<void>;
}

/**
 * Before the file's tests: starts the real browser edition on a fresh workspace and Chromium, opens
 * the studio (in a window of `viewport`, if given), imports `flowFile` through the page's file chooser
 * as a designer does (none when null: an empty workspace), and waits for `ready`. After them: stops
 * both and removes the workspace.
 */
export function studioWithFlow(
  flowFile: string | null,
  ready: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
): StudioWithFlow {
  let dir: string | undefined;
  let web: RunningWebEdition | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const problems: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amana-e2e-'));
    [web, browser] = await Promise.all([startWebEdition(join(dir, 'workspace.db')), launchChromium()]);
    page = await openStudio(browser, web.url, problems, viewport);
    if (flowFile) await importThroughChooser(page, flowFile);
    await ready(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    page: () => {
      if (!page) throw new Error('The studio is not open yet.');
      return page;
    },
    problems,
    stopHost: async () => {
      await web?.stop();
    },
  };
}

/**
 * A window tall enough that the demo flow (8 steps) and the clinic booking fixture fit the canvas
 * whole at a readable zoom, so every card is drawn: a fit never goes below that zoom, and a flow too
 * big for the canvas opens at its start with the steps further on not drawn (renderer/canvas/readable-fit.ts).
 */
export const tallWindow = { width: 1280, height: 1800 };

/** The checker's demo flow, full of problems: what most studio tests open. */
export const demoFlowFile = new URL('../../flows/examples/noncompliant-demo.flow.json', import.meta.url).pathname;

/**
 * {@link studioWithFlow} on the demo flow in a {@link tallWindow}, ready once its "send-lead" card
 * is drawn, with a folder
 * test-results/`shotsFolder`/ for screenshots a person looks at (test-results/ is not kept in git).
 */
export function demoStudio(shotsFolder: string): StudioWithFlow & { shots: string } {
  return withShots(
    shotsFolder,
    demoFlowFile,
    (tab) => tab.locator('.react-flow__node[data-id="send-lead"]').waitFor(),
    tallWindow,
  );
}

/**
 * {@link studioWithFlow} on an empty workspace in a 1280×800 window, ready once the flow list says
 * there are no flows, with a folder test-results/`shotsFolder`/ for screenshots a person looks at.
 */
export function emptyStudio(shotsFolder: string): StudioWithFlow & { shots: string } {
  return withShots(shotsFolder, null, (tab) => tab.getByText('No flows yet.', { exact: false }).waitFor(), {
    width: 1280,
    height: 800,
  });
}

/** {@link studioWithFlow} with the folder test-results/`shotsFolder`/ made before it is ready. */
function withShots(
  shotsFolder: string,
  ...[flowFile, ready, viewport]: Parameters<typeof studioWithFlow>
): StudioWithFlow & { shots: string } {
  const shots = new URL(`../../test-results/${shotsFolder}/`, import.meta.url).pathname;
  const studio = studioWithFlow(
    flowFile,
    async (tab) => {
      mkdirSync(shots, { recursive: true });
      await ready(tab);
    },
    viewport,
  );
  return Object.assign(studio, { shots });
}
