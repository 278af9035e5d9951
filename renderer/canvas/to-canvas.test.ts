import { describe, expect, it } from 'vitest';
import { clinicBooking } from '../../test/fixtures/flows.ts';
import { cardContext, stepName, toCanvas } from './to-canvas.ts';

describe('a flow on the canvas', () => {
  it('puts every node where the designer saved it, with its kind and text in the interface language', () => {
    const { nodes } = toCanvas(clinicBooking(), 'ar');
    expect(nodes.map((node) => [node.id, node.position])).toEqual(
      clinicBooking().nodes.map((node) => [node.id, node.position]),
    );
    expect(nodes.find((node) => node.id === 'ask-consent')?.data).toMatchObject({
      kind: 'consent',
      kindLabel: 'موافقة',
      text: { lang: 'ar', value: 'هل يمكننا الاحتفاظ باسمك لحجز الموعد؟' },
      outcomes: [
        { id: 'granted', optional: false, label: 'وافق' },
        { id: 'declined', optional: false, label: 'رفض' },
      ],
    });
    expect(nodes.find((node) => node.id === 'start')?.data.text).toBeUndefined();
  });

  it('leaves each edge by its outcome, the default outcome being next', () => {
    const { edges } = toCanvas(clinicBooking(), 'en');
    expect(edges.find((edge) => edge.id === 'e4')).toMatchObject({
      source: 'ask-consent',
      target: 'bye',
      sourceHandle: 'declined',
    });
    expect(edges.find((edge) => edge.id === 'e1')).toMatchObject({ source: 'start', sourceHandle: 'next' });
  });

  it('draws no edge to a node that is not there, and no handle for an outcome the node lacks', () => {
    const flow = clinicBooking();
    const broken = {
      ...flow,
      edges: [
        ...flow.edges,
        { id: 'to-nowhere', from: 'hello', to: 'gone' },
        { id: 'odd-outcome', from: 'hello', outcome: 'maybe', to: 'bye' },
      ],
    };
    const { edges } = toCanvas(broken, 'en');
    expect(edges.map((edge) => edge.id)).not.toContain('to-nowhere');
    expect(edges.find((edge) => edge.id === 'odd-outcome')).not.toHaveProperty('sourceHandle');
  });
});

/** The lead-capture example (pt-BR, en), parsed. */
async function leadCapture() {
  const { readFileSync } = await import('node:fs');
  const { parseFlow } = await import('../../flows/index.ts');
  const parsed = parseFlow(
    readFileSync(new URL('../../flows/examples/lead-capture.flow.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('lead-capture parses');
  return parsed.flow;
}

describe('labelled ways out', () => {
  it('names a button’s and a row’s exit by its own label in the flow language shown', async () => {
    const parsed = { flow: await leadCapture() };
    const card = (language: 'en' | 'pt-BR') =>
      toCanvas(parsed.flow, language).nodes.find((node) => node.id === 'choose-interest');
    expect(card('pt-BR')?.data.outcomes.map((exit) => exit.label)).toContain('Móveis planejados');
    expect(card('en')?.data.outcomes.map((exit) => exit.id)).toEqual(['planned', 'sofas', 'decor']);
    expect(card('en')?.ariaLabel?.startsWith('Buttons: ')).toBe(true);
  });

  it('holds the step’s own words in an isolate inside its accessible name', async () => {
    const labels = toCanvas(await leadCapture(), 'ar').nodes.map((node) => node.ariaLabel ?? '');
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) expect(label).toMatch(/^[^\u2068]+: \u2068[^\u2069]+\u2069$/u);
  });

  it('names a step the same on its card and in the inspector’s list of where a way out leads, shortened there', () => {
    const flow = clinicBooking();
    const consent = flow.nodes.find((node) => node.id === 'ask-consent');
    const start = flow.nodes.find((node) => node.id === 'start');
    if (!consent || !start) throw new Error('fixture changed');
    const context = cardContext(flow, 'ar', null);
    const { nodes } = toCanvas(flow, 'ar');
    expect(nodes.find((node) => node.id === 'ask-consent')?.ariaLabel).toBe(stepName(consent, context));
    expect(stepName(consent, context)).toBe('موافقة: \u2068هل يمكننا الاحتفاظ باسمك لحجز الموعد؟\u2069');
    expect(stepName(consent, context, 10)).toBe('موافقة: \u2068هل يمكننا \u2069');
    expect(stepName(start, cardContext(flow, 'en', null))).toBe('Start: \u2068start\u2069');
  });
});
