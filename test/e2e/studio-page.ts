// Opens the studio in Chromium the way a designer does, recording what must never happen.
import type { Browser, Page } from 'playwright-core';

/**
 * Opens the studio in a fresh tab (a context of its own, so axe-core can open frames in it); CSP
 * violations and script errors are added to `problems`.
 */
export async function openStudio(
  browser: Browser,
  url: string,
  problems: string[],
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const tab = await context.newPage();
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await tab.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  await tab.goto(url);
  return tab;
}

/** Picks a file in the page's own file chooser, as a designer does after clicking Import. */
export async function importThroughChooser(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: /^(Import flow…|استيراد مسار…|Importar fluxo…)$/ }).click(),
  ]);
  await chooser.setFiles(file);
}

/**
 * A name as the studio holds it inside an accessible name or a tooltip (renderer/bidi/isolated.ts):
 * in a first-strong isolate, so "Kept for: email" is found as `Kept for: ${isolate('email')}`.
 */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

/**
 * Brings a step that is out of view onto the canvas as a designer does: Find (Ctrl+F), its id; the
 * first match is selected and centred, and Find is closed again. A flow too big to read whole opens
 * at its start, so the steps further on are not drawn until then.
 */
export async function bringIntoView(page: Page, id: string): Promise<void> {
  await page.keyboard.press('Control+F');
  const find = page.locator('#find-input');
  await find.fill(id);
  await page.locator(`.react-flow__node[data-id="${id}"]`).waitFor();
  await find.press('Escape');
}
