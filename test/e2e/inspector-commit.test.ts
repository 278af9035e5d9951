// The inspector's fields as a designer edits them from the keyboard in Chromium, against the real
// browser edition: nothing is written while they type; leaving the field or Enter writes it as one
// undo step; Escape puts the written value back; a value the parser refuses stays in the field
// beside the reason and never reaches the flow.
import { describe, expect, it } from 'vitest';
import { bringIntoView } from './studio-page.ts';
import { studioWithFlow } from './studio-with-flow.ts';

const orderStatus = new URL('../../flows/examples/order-status.flow.json', import.meta.url).pathname;
const studio = studioWithFlow(orderStatus, (tab) => tab.locator('.react-flow__node[data-id="start"]').waitFor());
const page = () => studio.page();

const step = (id: string) => page().locator(`.react-flow__node[data-id="${id}"]`);
/** Brings a step onto the canvas (Find) and clicks its card. */
async function choose(id: string): Promise<void> {
  await bringIntoView(page(), id);
  await step(id).click();
}
const inspector = () => page().getByRole('region', { name: 'Inspector' });
const edges = () => page().locator('.react-flow__edge');
const undo = () => page().getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true });
const redo = () => page().getByRole('toolbar').getByRole('button', { name: 'Redo', exact: true });
const item = (list: string, number: number) =>
  inspector().getByRole('group', { name: `${list} ${number}`, exact: true });
const optionId = (number: number) => item('Buttons', number).getByLabel('Id', { exact: true });
const ruleValue = (number: number) => item('Rules', number).getByLabel('Compared with', { exact: true });
const mappingFrom = (number: number) =>
  item('Keep from the answer', number).getByLabel('From (JSON path)', { exact: true });

/** Selects a step afresh (its form rebuilt from the document) and reads one of its fields. */
async function inFlow(id: string, field: () => ReturnType<typeof optionId>): Promise<string> {
  await page()
    .locator('.react-flow__pane')
    .click({ position: { x: 10, y: 10 } });
  await expect.poll(() => inspector().locator('.inspector__form').count()).toBe(0);
  await step(id).click();
  return field().inputValue();
}

/** Puts the cursor in a field and types over what it holds, as a designer does. */
async function typeOver(field: ReturnType<typeof optionId>, words: string): Promise<void> {
  await field.focus();
  await page().keyboard.press('Control+A');
  await page().keyboard.type(words);
}

describe('the inspector writes a field when the designer is done with it', { timeout: 120_000 }, () => {
  it('writes nothing while an option id is typed, and writes it when the designer leaves the field', async () => {
    await choose('after-status');
    const connections = await edges().count();
    expect(await undo().isDisabled()).toBe(true);
    await typeOver(optionId(3), 'finished');
    // Still typing: the flow has not changed, so there is nothing to undo.
    expect(await undo().isDisabled()).toBe(true);
    await page().keyboard.press('Tab');
    await expect.poll(() => undo().isDisabled()).toBe(false);
    expect(await inFlow('after-status', () => optionId(3))).toBe('finished');
    // The button's connection follows its new id: none is lost.
    expect(await edges().count()).toBe(connections);
    expect(await page().locator('.react-flow__edge[aria-label*="finished"]').count()).toBe(1);
  });

  it('writes a rule value on Enter, and Escape puts the written value back', async () => {
    await choose('status-branch');
    await typeOver(ruleValue(2), 'in transit');
    await page().keyboard.press('Enter');
    expect(await inFlow('status-branch', () => ruleValue(2))).toBe('in transit');

    await typeOver(ruleValue(2), 'lost');
    await page().keyboard.press('Escape');
    expect(await ruleValue(2).inputValue()).toBe('in transit');
    await page().keyboard.press('Tab');
    expect(await inFlow('status-branch', () => ruleValue(2))).toBe('in transit');
  });

  it('makes each written value one undo step, even two in a row in the same field', async () => {
    await choose('lookup-order');
    await typeOver(mappingFrom(1), '$.state');
    await page().keyboard.press('Enter');
    await typeOver(mappingFrom(1), '$.order.state');
    await page().keyboard.press('Tab');
    expect(await inFlow('lookup-order', () => mappingFrom(1))).toBe('$.order.state');
    await undo().click();
    await expect.poll(() => mappingFrom(1).inputValue()).toBe('$.state');
    await undo().click();
    await expect.poll(() => mappingFrom(1).inputValue()).toBe('$.status');
    await redo().click();
    await expect.poll(() => mappingFrom(1).inputValue()).toBe('$.state');
  });

  it('keeps a refused id in the field beside the reason, writes nothing, and Escape puts the written one back', async () => {
    await choose('after-status');
    await typeOver(optionId(2), 'main menu');
    await page().keyboard.press('Enter');
    const alert = item('Buttons', 2).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('"main menu" cannot be used as an id.');
    expect(await alert.textContent()).toContain('Not saved: what you typed stays here for you to correct.');
    expect(await optionId(2).getAttribute('aria-invalid')).toBe('true');
    expect(await optionId(2).getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
    expect(await optionId(2).inputValue()).toBe('main menu');
    await page().keyboard.press('Escape');
    expect(await optionId(2).inputValue()).toBe('menu');
    expect(await item('Buttons', 2).getByRole('alert').count()).toBe(0);
    expect(await inFlow('after-status', () => optionId(2))).toBe('menu');
  });

  it('counts a message while it is typed and puts it on the card when the designer leaves the field', async () => {
    await choose('after-status');
    const message = inspector().getByLabel('Message (en)', { exact: true });
    await typeOver(message, 'Anything else?');
    await inspector().getByText('14 / 1024').waitFor();
    expect(await step('after-status').textContent()).toContain('Anything else about this order?');
    await page().keyboard.press('Tab');
    await expect.poll(() => step('after-status').textContent()).toContain('Anything else?');
    expect(await step('after-status').textContent()).not.toContain('about this order');
  });

  it('raised no script error and no console error', () => {
    expect(studio.problems).toEqual([]);
  });
});
