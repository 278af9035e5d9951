import { beforeEach, describe, expect, it } from 'vitest';
import { moveNodes, setNodeText } from '../../flows/edit/index.ts';
import { serializeFlow } from '../../flows/index.ts';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import { useDocumentStore } from './document-store.ts';
import { historyLimit } from './history.ts';

const flow = exampleFlow('lead-capture');
const document = { flow, version: 3, savedAt: '2026-12-01T00:00:00Z', hash: 'h' };
const store = () => useDocumentStore.getState();

beforeEach(() => store().opened(document, []));

describe('the document store', () => {
  it('keeps a burst of typing in one field as one undo step, and another field as the next', () => {
    let typed = '';
    for (const letter of 'Olá!') {
      typed += letter;
      store().edit((f) => setNodeText(f, 'ask-name', ['text'], 'pt-BR', typed), { mergeKey: 'ask-name:text:pt-BR' });
    }
    store().edit((f) => setNodeText(f, 'ask-name', ['text'], 'en', 'Hi!'), { mergeKey: 'ask-name:text:en' });
    expect(store().history.past).toHaveLength(2);
    store().undo();
    expect(store().working?.nodes.find((n) => n.id === 'ask-name')).toMatchObject({ text: { 'pt-BR': 'Olá!' } });
    store().undo();
    expect(serializeFlow(store().working ?? flow)).toBe(serializeFlow(flow));
    store().redo();
    store().redo();
    expect(store().working?.nodes.find((n) => n.id === 'ask-name')).toMatchObject({
      text: { 'pt-BR': 'Olá!', en: 'Hi!' },
    });
  });

  it('keeps at least 200 steps, and a new edit clears what could be redone', () => {
    for (let i = 0; i < 250; i += 1) store().edit((f) => moveNodes(f, [{ id: 'bye', position: { x: i, y: i } }]));
    expect(store().history.past.length).toBeGreaterThanOrEqual(200);
    expect(historyLimit).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 200; i += 1) store().undo();
    expect(store().working?.nodes.find((n) => n.id === 'bye')?.position).toEqual({ x: 49, y: 49 });
    store().edit((f) => moveNodes(f, [{ id: 'bye', position: { x: -1, y: -1 } }]));
    expect(store().history.future).toEqual([]);
  });

  it('marks the copy dirty, and clean after a save only when nothing was edited meanwhile', () => {
    expect(store().dirty).toBe(false);
    store().edit((f) => moveNodes(f, [{ id: 'bye', position: { x: 1, y: 1 } }]));
    const asked = store().revision;
    store().saved({ ...document, version: 4 }, [], asked);
    expect(store().dirty).toBe(false);
    expect(store().currentVersion).toBe(4);

    store().edit((f) => moveNodes(f, [{ id: 'bye', position: { x: 2, y: 2 } }]));
    const late = store().revision;
    store().edit((f) => moveNodes(f, [{ id: 'bye', position: { x: 3, y: 3 } }]));
    store().saved({ ...document, version: 5 }, [], late);
    expect(store().dirty).toBe(true);
  });

  it('ignores a save answer for a flow that is no longer open, and refuses an edit that does not fit', () => {
    store().edit((f) => moveNodes(f, [{ id: 'bye', position: { x: 1, y: 1 } }]));
    const other = { ...document, flow: { ...flow, id: 'other' }, version: 9 };
    store().saved(other, [], store().revision);
    expect(store().currentVersion).toBe(3);
    expect(store().dirty).toBe(true);
    const before = store().working;
    expect(() => store().edit((f) => moveNodes(f, [{ id: 'ghost', position: { x: 0, y: 0 } }]))).toThrow();
    expect(store().working).toBe(before);
  });
});
