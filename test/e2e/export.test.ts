// Exporting a bot from the studio, end to end, as a newcomer would in the browser edition: a flow
// with errors cannot be exported; a compliant one downloads as a .zip that unzips, installs and
// runs — its webhook verifies and it answers a signed message through a fake Graph API; a changed
// retention shows in the data diff of the dialog and of version history; the log keeps both exports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, deliver, freshKey, startBot, type RunningBot } from '../runtime/helpers/bot.ts';
import { FakeGraph } from '../runtime/helpers/fake-graph.ts';
import { single, text } from '../runtime/helpers/payloads.ts';
import { secrets } from '../runtime/helpers/bot.ts';
import { launchChromium } from './chromium.ts';
import { isolate } from './studio-page.ts';
import { startWebEdition, type RunningWebEdition } from './web-edition.ts';
import { twoLanguageBundleFiles } from '../fixtures/bundle-files.ts';
import { useCompiledSqlite } from '../helpers/compiled-sqlite.ts';

const root = new URL('../../', import.meta.url).pathname;
const examples = join(root, 'flows/examples');
let dir: string;
let web: RunningWebEdition;
let browser: Browser;
let page: Page;
let bot: RunningBot | undefined;
const graph = new FakeGraph();
const pageProblems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amana-e2e-export-'));
  [web, browser] = await Promise.all([startWebEdition(join(dir, 'workspace.db')), launchChromium()]);
  page = await browser.newPage({ acceptDownloads: true });
  // Building and zipping the bundle takes seconds on the host, or more on a busy machine.
  page.setDefaultTimeout(150_000);
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
  });
  await page.goto(web.url);
}, 180_000);

afterAll(async () => {
  await bot?.stop();
  await graph.stop();
  await browser?.close();
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function importFile(file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import flow…' }).click(),
  ]);
  await chooser.setFiles(file);
}

const dialog = () => page.getByRole('dialog');

async function openExportDialog(): Promise<void> {
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  await dialog().getByRole('heading', { name: 'Privacy check' }).waitFor();
}

describe('exporting a bot from the studio (browser edition)', () => {
  it('blocks the export of the non-compliant demo and lists its errors, each leading to its step', async () => {
    await importFile(join(examples, 'noncompliant-demo.flow.json'));
    await page.getByRole('status').getByText('was imported', { exact: false }).waitFor();
    await openExportDialog();
    await dialog()
      .getByText(/^Export is blocked: \d+ error\(s\) remain\./)
      .waitFor();
    const errors = dialog().locator('.export-check__errors li');
    expect(await errors.count()).toBeGreaterThan(0);
    expect(await errors.allTextContents()).toContainEqual(expect.stringContaining('consent-before-collection'));
    expect(
      await dialog()
        .getByRole('button', { name: /Download the bot/ })
        .count(),
    ).toBe(0);
    // The first error leads to the Problems panel with its step.
    await errors.first().getByRole('button', { name: 'Show in Problems' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /Problems/ }).waitFor();
  }, 300_000);

  it('opens Export… from the command palette and warns that unsaved changes are not exported', async () => {
    // An unsaved edit: the health condition's retention, through the Flow settings.
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    await page.getByLabel(`Kept for: ${isolate('health_condition')}`).selectOption('365');
    await page.getByText('Unsaved changes').waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+k');
    const commands = page.getByRole('dialog', { name: 'Command palette' });
    await commands.getByRole('combobox').fill('export');
    await commands.getByRole('option', { name: /Export…/ }).click();
    await dialog().getByRole('heading', { name: 'Privacy check' }).waitFor();
    await dialog().getByText('Changes not yet saved are not part of the export. Save first to include them.').waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
    // Saved, the dialog (here through its shortcut) has nothing to warn about.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+e');
    await dialog().getByRole('heading', { name: 'Privacy check' }).waitFor();
    expect(await dialog().getByText('Changes not yet saved', { exact: false }).count()).toBe(0);
    await dialog().getByRole('button', { name: 'Close' }).click();
  }, 120_000);

  let zipFile = '';
  it('exports the compliant lead-capture flow as a .zip, after showing its documents and check result', async () => {
    await importFile(join(examples, 'lead-capture.flow.json'));
    await page.getByRole('status').getByText('“\u2068Casa Aurora — pedido de orçamento\u2069” was imported.').waitFor();
    // The notice comes once the imported flow is open, so Export… takes this flow, not the demo.
    await openExportDialog();
    await dialog().getByRole('heading', { name: 'Export “Casa Aurora — pedido de orçamento” as a bot' }).waitFor();
    await dialog().getByText('No errors: this flow can be exported.').waitFor();
    await dialog().getByText('This flow has never been exported', { exact: false }).waitFor();
    // The privacy notices and the record, rendered from Markdown for review (no raw HTML).
    await dialog().locator('summary', { hasText: 'Privacy notice (pt-BR)' }).click();
    await dialog().locator('details[open] .markdown-document[lang="pt-BR"] h1').waitFor();
    await dialog().locator('summary', { hasText: 'Record of processing activities' }).click();
    await dialog().locator('details[open] .markdown-document table').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Download the bot (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('amana-bot-lead-capture.zip');
    zipFile = join(dir, download.suggestedFilename());
    await download.saveAs(zipFile);
    await dialog().getByText('The bot was downloaded as amana-bot-lead-capture.zip.').waitFor();
    await dialog().getByText('npm install', { exact: false }).waitFor();
    await dialog().getByText('node server.js serve', { exact: false }).waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
  }, 400_000);

  it('unzips, installs and starts the downloaded bot, which verifies its webhook and answers a signed message', async () => {
    const unzipped = spawnSync('unzip', ['-q', zipFile, '-d', join(dir, 'server')], { encoding: 'utf8' });
    expect(unzipped.status, unzipped.stderr).toBe(0);
    const botDir = join(dir, 'server', 'amana-bot-lead-capture');
    expect(readdirSync(botDir).sort()).toEqual(twoLanguageBundleFiles);
    installBundle(botDir);

    const graphBase = await graph.start();
    bot = await startBot({ dir: botDir, graphBase, key: freshKey(), db: join(botDir, 'amana.db') });
    const challenge = await call(
      bot.port,
      'GET',
      `/webhook?hub.mode=subscribe&hub.verify_token=${secrets.verifyToken}&hub.challenge=1158201444`,
    );
    expect(challenge).toEqual({ status: 200, body: '1158201444' });

    const customer = '5511912345678';
    expect((await deliver(bot.port, single({ from: customer, message: text('Oi') }))).status).toBe(200);
    await graph.waitForDelivered(1, 60_000);
    const replies = graph.messagesTo(customer);
    expect(JSON.stringify(replies)).toContain('Casa Aurora');
  }, 420_000);

  it('shows a retention changed in Flow settings in the dialog’s data diff and in version history, and logs both exports', async () => {
    // As a designer would: the e-mail's retention chosen in the Flow settings, then saved.
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    await page.getByLabel(`Kept for: ${isolate('email')}`).selectOption('90');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('toolbar').getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 2.').waitFor();

    const sentence = `How long “${isolate('Email')}” is kept changed from 180 days to 90 days.`;
    await openExportDialog();
    await dialog().getByText('Compared with version 1, exported', { exact: false }).waitFor();
    await dialog()
      .getByRole('list', { name: /What changes for personal data/ })
      .getByText(sentence)
      .waitFor();
    await dialog()
      .getByText(`The privacy notice changes (${isolate('pt-BR')} and ${isolate('en')})`, { exact: false })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Download the bot (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('amana-bot-lead-capture.zip');
    await dialog().getByText('The bot was downloaded as', { exact: false }).waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();

    const history = page.getByRole('complementary');
    await history.getByRole('button', { name: /Version 1/ }).click();
    await history.getByRole('list', { name: 'Changes for personal data' }).getByText(sentence).waitFor();

    const log = history.getByRole('region', { name: 'Export log' });
    await log.getByText('Version 2 downloaded as amana-bot-lead-capture.zip').waitFor();
    await log.getByText('Version 1 downloaded as amana-bot-lead-capture.zip').waitFor();
    expect(await log.getByRole('listitem').count()).toBe(2);
    expect(pageProblems).toEqual([]);
  }, 600_000);
});

/**
 * `npm install` in the unzipped bundle, from the npm registry, for the better-sqlite3 its package.json
 * names, without compiling it (test/helpers/compiled-sqlite.ts).
 */
function installBundle(botDir: string): void {
  const installed = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: botDir,
    encoding: 'utf8',
  });
  expect(installed.status, installed.stderr).toBe(0);
  expect(useCompiledSqlite(botDir)).toBe('');
}
