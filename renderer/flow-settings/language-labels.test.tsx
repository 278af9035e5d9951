import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import { DataInventory } from './DataInventory.tsx';
import { PurposesForm } from './PurposesForm.tsx';
import { NewFlowDialog } from '../editor/NewFlowDialog.tsx';

/** Field labels that name a flow language show its code in an isolate of its own: “(<bdi>pt-BR</bdi>)”. */
describe('labels that name a flow language', () => {
  const flow = exampleFlow('lead-capture');

  it('isolate the language code in the purposes’ labels', () => {
    const html = renderToStaticMarkup(<PurposesForm flow={flow} />);
    for (const language of flow.languages) expect(html).toContain(`What customers read (<bdi>${language}</bdi>)`);
  });

  it('isolate the language code in the data inventory’s column headers', () => {
    const html = renderToStaticMarkup(<DataInventory flow={flow} />);
    for (const language of flow.languages) expect(html).toContain(`Name (<bdi>${language}</bdi>)`);
  });

  it('isolate the field’s key and language code in the inventory’s accessible names', () => {
    const html = renderToStaticMarkup(<DataInventory flow={flow} />);
    const fsi = (name: string) => `\u2068${name}\u2069`;
    for (const field of flow.data) {
      expect(html).toContain(`aria-label="Legal basis: ${fsi(field.key)}"`);
      expect(html).toContain(`aria-label="Remove: ${fsi(field.key)}"`);
      expect(html).toContain(`aria-label="Choose the kind of data: ${fsi(field.key)}"`);
      expect(html).toContain(`aria-label="Kept for: ${fsi(field.key)}"`);
      for (const language of flow.languages)
        expect(html).toContain(`aria-label="Name (${fsi(language)}): ${fsi(field.key)}"`);
    }
  });
});

/**
 * The new-flow dialog's templates list their languages each in an isolate that does not break inside,
 * with the interface's comma.
 */
describe('the new-flow dialog’s templates', () => {
  it('isolate each language code of a template', () => {
    const html = renderToStaticMarkup(<NewFlowDialog />);
    expect(html).toContain('Languages: <bdi class="language-code">pt-BR</bdi>, <bdi class="language-code">en</bdi>');
    expect(html).not.toMatch(/Languages: [a-z]/);
  });
});
