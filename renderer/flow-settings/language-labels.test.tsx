import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import { DataInventory } from './DataInventory.tsx';
import { PurposesForm } from './PurposesForm.tsx';

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
});
