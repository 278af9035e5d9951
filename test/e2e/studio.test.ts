// The studio end to end, in Chromium, against the real browser edition (`npm run web`) on a
// fresh workspace: import through the file chooser, the list, the canvas, Arabic, history.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AmanaBridge } from '../../shared/api.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow, serializeFlow } from '../../flows/index.ts';
import { clinicBooking, clinicBookingFile } from '../fixtures/flows.ts';
import { launchChromium } from './chromium.ts';
import { importThroughChooser as importFile, openStudio as openStudioTab } from './studio-page.ts';
import { startWebEdition, type RunningWebEdition } from './web-edition.ts';
import { tallWindow } from './studio-with-flow.ts';

declare global {
  interface Window {
    amana?: AmanaBridge;
  }
}

const examplesDir = new URL('../../flows/examples/', import.meta.url).pathname;
let dir: string;
let workspaceFile: string;
let web: RunningWebEdition;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amana-e2e-'));
  workspaceFile = join(dir, 'workspace.db');
  [web, browser] = await Promise.all([startWebEdition(workspaceFile), launchChromium()]);
  page = await openStudio(web.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function openStudio(url: string): Promise<Page> {
  return openStudioTab(browser, url, pageProblems, tallWindow);
}

function importThroughChooser(file: string): Promise<void> {
  return importFile(page, file);
}

const nodeAt = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

describe('the studio in a browser', { timeout: 120_000 }, () => {
  it('prints exactly one line, the address with its token, and takes the token out of the address bar', async () => {
    expect(web.stdout).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)]);
    await expect.poll(() => page.url()).not.toContain('token=');
    await page.getByText('No flows yet.', { exact: false }).waitFor();
  });

  it('imports a flow through the file chooser, lists it and opens it on the canvas at its saved positions', async () => {
    await importThroughChooser(clinicBookingFile);
    await page.getByRole('status').getByText('“\u2068Agendamento da Clínica Sorriso\u2069” was imported.').waitFor();
    // The notice comes once the flow is open; the room it takes above the canvas leaves every card in view.
    await nodeAt('hello').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6);
    const item = page.getByRole('button', { name: /Agendamento da Clínica Sorriso/ });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toContain('Version 1 · 6 steps · pt-BR, en, ar');

    await item.click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(7);
    for (const node of clinicBooking().nodes) {
      const transform = await nodeAt(node.id).evaluate((element) => (element as HTMLElement).style.transform);
      expect(transform).toBe(`translate(${node.position.x}px, ${node.position.y}px)`);
    }
    await expect
      .poll(() => nodeAt('hello').textContent())
      .toBe('Bot disclosure' + 'Hello! I am Clínica Sorriso’s automated assistant.'.replace('’', "'"));
    await expect.poll(() => nodeAt('ask-consent').textContent()).toContain('agreeddeclined');
  });

  it('imports every example flow that parses, and refuses a broken file with its problems, writing nothing', async () => {
    const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.flow.json'));
    for (const name of examples) {
      const parsed = parseFlow(readFileSync(join(examplesDir, name), 'utf8'));
      await importThroughChooser(join(examplesDir, name));
      if (parsed.ok) {
        await page
          .getByRole('button', { name: new RegExp(escapeRegExp(parsed.flow.name)) })
          .first()
          .waitFor();
        // It opens in place of the flow before, fitted to the canvas: its start in view (a flow too big to
        // read whole opens at its start).
        const start = parsed.flow.nodes.find((node) => node.type === 'start');
        await page.locator(`.react-flow__node[data-id="${start?.id}"]`).waitFor();
        const [canvas, card] = await Promise.all([
          page.locator('.react-flow').boundingBox(),
          page.locator(`.react-flow__node[data-id="${start?.id}"]`).boundingBox(),
        ]);
        expect(card && canvas && card.y >= canvas.y && card.y + card.height <= canvas.y + canvas.height).toBe(true);
      }
    }
    const before = await page.locator('.flow-list__item').count();

    const broken = join(dir, 'broken.flow.json');
    writeFileSync(broken, readFileSync(clinicBookingFile, 'utf8').replace('"type": "consent"', '"type": "consnet"'));
    await importThroughChooser(broken);
    const alert = page.getByRole('alert');
    await alert
      .getByText('\u2068broken.flow.json\u2069 was not imported. Nothing was changed.', { exact: false })
      .waitFor();
    await alert.getByText('$.nodes[2].type').waitFor();
    expect(await page.locator('.flow-list__item').count()).toBe(before);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('switches to Arabic: right to left, Arabic labels and the flow’s Arabic texts', async () => {
    await page.getByRole('button', { name: /Agendamento da Clínica Sorriso/ }).click();
    await page.getByLabel('Interface language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { name: 'المسارات' }).waitFor();
    await expect.poll(() => nodeAt('ask-consent').locator('.node-card__kind').textContent()).toBe('موافقة');
    await expect.poll(() => nodeAt('ask-name').textContent()).toContain('سؤال' + 'ما اسمك؟');
    expect(await nodeAt('ask-name').locator('.node-card__text').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => nodeAt('ask-consent').textContent()).toContain('وافقرفض');
  });

  it('restores an older version as a new one, and keeps it across a reload', async () => {
    const renamed = join(dir, 'renamed.flow.json');
    writeFileSync(renamed, serializeFlow({ ...clinicBooking(), name: 'Agenda de março' }));
    await importThroughChooser(renamed);
    await page.getByRole('status').getByText('تم استيراد «\u2068Agenda de março\u2069» بوصفه الإصدار 2.').waitFor();

    const history = page.getByRole('complementary');
    await history.getByRole('button', { name: /الإصدار 1/ }).click();
    await history.getByText('أنت تعرض الإصدار 1. الإصدار الحالي هو 2.').waitFor();
    await history.getByRole('button', { name: 'استعادة هذا الإصدار' }).click();
    await page.getByRole('status').getByText('تمت استعادة الإصدار 1 بوصفه الإصدار 3.').waitFor();
    await history.getByRole('button', { name: /الإصدار 3 · الحالي.*مستعاد من الإصدار 1/ }).waitFor();
    await page.getByRole('button', { name: /Agendamento da Clínica Sorriso/ }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'المسارات' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: /Agendamento da Clínica Sorriso/ }).waitFor();
  });

  it('keeps every saved version, and autosaved work, when the host is killed with SIGKILL', async () => {
    // What the editor's autosave sends: unsaved changes to the open flow.
    const draft = { ...clinicBooking(), name: 'Agenda (não salva)' };
    await page.evaluate((document) => window.amana?.saveDraft('clinic-booking', document), draft);
    await web.kill();
    web = await startWebEdition(workspaceFile);
    await page.close();
    page = await openStudio(web.url);
    const item = page.getByRole('button', { name: /Agendamento da Clínica Sorriso/ });
    await item.waitFor();
    await item.click();
    const history = page.getByRole('complementary');
    await history.getByRole('button', { name: /الإصدار 3/ }).waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6);

    const recovery = page.getByRole('region', { name: 'عُثر على عمل غير محفوظ' });
    await recovery.getByText('«Agenda (não salva)»', { exact: false }).waitFor();
    await recovery.getByRole('button', { name: 'الاحتفاظ به كإصدار جديد' }).click();
    await history.getByRole('button', { name: /الإصدار 4 · الحالي.*عمل غير محفوظ تمت استعادته/ }).waitFor();
    await page.getByRole('button', { name: /Agenda \(não salva\)/ }).waitFor();
    expect(await recovery.count()).toBe(0);
    // Restarting the browser edition builds the interface again, which takes a while on a loaded machine.
  }, 90_000);

  it('refuses a page opened without the token, and says how to open the studio', async () => {
    const stranger = await browser.newPage();
    await stranger.goto(web.url.replace(/\?token=.*$/, ''));
    await stranger.getByRole('alert').getByText('?token=', { exact: false }).waitFor();
    await stranger.close();
  });

  it('ran with no CSP violation and no script error', () => {
    expect(pageProblems).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
