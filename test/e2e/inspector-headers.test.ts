// An http step's headers in the inspector, as a designer edits them from the keyboard in Chromium
// against the real browser edition: renaming a header to a name another header of the step has is
// refused beside the field with the reason, announced, and both headers stay in the flow; a rename
// that is fine is written when the designer is done with the field, and is one undo step.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoStudio } from './studio-with-flow.ts';

const studio = demoStudio('inspector-headers');
const { shots } = studio;
const page = () => studio.page();

const step = () => page().locator('.react-flow__node[data-id="send-lead"]');
const words = {
  en: { inspector: 'Inspector', headers: 'Headers', name: 'Name' },
  ar: { inspector: 'المراجِع', headers: 'الترويسات', name: 'الاسم' },
};
let ui: keyof typeof words = 'en';
const inspector = () => page().getByRole('region', { name: words[ui].inspector });
const headers = () => inspector().getByRole('group', { name: words[ui].headers, exact: true });
const header = (number: number) =>
  headers().getByRole('group', { name: `${words[ui].headers} ${number}`, exact: true });
const nameOf = (number: number) => header(number).getByLabel(words[ui].name, { exact: true });
const valueOf = (number: number) => header(number).getByLabel('Value', { exact: true });

/** The headers the inspector shows once the step is selected afresh, read from the document. */
async function headersInFlow(): Promise<[string, string][]> {
  await page()
    .locator('.react-flow__pane')
    .click({ position: { x: 10, y: 10 } });
  await expect.poll(() => headers().count()).toBe(0);
  await step().click();
  await headers().waitFor();
  const rows = await headers().getByRole('group').count();
  const found: [string, string][] = [];
  for (let number = 1; number <= rows; number += 1)
    found.push([await nameOf(number).inputValue(), await valueOf(number).inputValue()]);
  return found;
}

describe('an http step’s headers in the inspector', { timeout: 120_000 }, () => {
  it('refuses a name another header of the step has, says why beside the field, and keeps both headers', async () => {
    await step().click();
    await headers().getByRole('button', { name: 'Add a header' }).focus();
    await page().keyboard.press('Enter');
    expect(await nameOf(2).inputValue()).toBe('X-Header-2');
    await valueOf(2).focus();
    await page().keyboard.type('{{secret.LEADS_KEY}}');
    await page().keyboard.press('Enter');
    expect(await headersInFlow()).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Header-2', '{{secret.LEADS_KEY}}'],
    ]);

    await nameOf(2).focus();
    await page().keyboard.press('Control+A');
    await page().keyboard.type('content-type');
    await page().keyboard.press('Enter');
    const alert = header(2).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'This step already sends a header named content-type. Choose another name; both headers are kept.',
    );
    // The reason is the field's description, so a screen reader reads it with the field.
    expect(await nameOf(2).getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
    expect(await nameOf(2).getAttribute('aria-invalid')).toBe('true');
    // What was typed stays for the designer to correct; Escape puts the saved name back.
    expect(await nameOf(2).inputValue()).toBe('content-type');
    await page().keyboard.press('Escape');
    expect(await nameOf(2).inputValue()).toBe('X-Header-2');
    expect(await headersInFlow()).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Header-2', '{{secret.LEADS_KEY}}'],
    ]);
  });

  it('refuses a blank name the same way', async () => {
    await nameOf(1).focus();
    await page().keyboard.press('Control+A');
    await page().keyboard.press('Delete');
    await page().keyboard.press('Tab');
    expect(await header(1).getByRole('alert').textContent()).toBe(
      'A header needs a name, such as Authorization. Nothing was changed.',
    );
    expect((await headersInFlow()).map(([name]) => name)).toEqual(['Content-Type', 'X-Header-2']);
  });

  it('writes a rename when the designer leaves the field, as one undo step', async () => {
    await nameOf(2).focus();
    await page().keyboard.press('Control+A');
    await page().keyboard.type('X-Api-Key');
    await page().keyboard.press('Tab');
    expect(await header(2).getByRole('alert').count()).toBe(0);
    expect(await headersInFlow()).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Api-Key', '{{secret.LEADS_KEY}}'],
    ]);
    const toolbar = page().getByRole('toolbar');
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => nameOf(2).inputValue()).toBe('X-Header-2');
    // Only the rename was undone: the value written before it is still there.
    expect(await headersInFlow()).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Header-2', '{{secret.LEADS_KEY}}'],
    ]);
    await toolbar.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => nameOf(2).inputValue()).toBe('X-Api-Key');
  });

  it('holds the header name in an isolate inside the reason, so it reads right in Arabic, mirrored', async () => {
    await nameOf(2).focus();
    await page().keyboard.press('Control+A');
    await page().keyboard.type('content-type');
    await page().keyboard.press('Enter');
    const alert = () => header(2).getByRole('alert');
    await alert().waitFor();
    expect(await alert().locator('bdi').textContent()).toBe('content-type');
    await header(2).screenshot({ path: join(shots, 'header-taken-en.png') });

    await page().getByLabel('Interface language').selectOption('ar');
    ui = 'ar';
    await expect
      .poll(() => alert().textContent())
      .toBe('هذه الخطوة ترسل بالفعل ترويسة باسم content-type. اختر اسمًا آخر؛ بقيت الترويستان كما هما.');
    expect(await alert().locator('bdi').textContent()).toBe('content-type');
    expect(await alert().evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // What was typed is still there, in its own left-to-right field.
    expect(await nameOf(2).inputValue()).toBe('content-type');
    await header(2).screenshot({ path: join(shots, 'header-taken-ar.png') });
    await page().screenshot({ path: join(shots, 'studio-ar.png') });

    await nameOf(2).focus();
    await page().keyboard.press('Escape');
    expect(await alert().count()).toBe(0);
    expect(await nameOf(2).inputValue()).toBe('X-Api-Key');
    await page().getByLabel('لغة الواجهة').selectOption('en');
    ui = 'en';
    await headers().waitFor();
  });

  it('raised no script error and no console error', () => {
    expect(studio.problems).toEqual([]);
  });
});
