import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import { DataDiffList } from './DataDiffList.tsx';

/**
 * The export dialog's data diff against the previous export (issue 18): a reworded purpose is named
 * as one whose customers will be asked again, in plain words. The sentences in pt-BR and ar are
 * proved in flows/diff/data-diff.test.ts; the dialog shows them in the interface language.
 */
describe('the export dialog’s data diff', () => {
  it('names the purposes customers will be asked again for', () => {
    const before = exampleFlow('lead-capture');
    const after = structuredClone(before);
    const marketing = after.purposes.find((purpose) => purpose.id === 'marketing');
    if (!marketing) throw new Error('fixture changed');
    marketing.label.en = 'Offers, news and birthday greetings';
    const html = renderToStaticMarkup(<DataDiffList before={before} after={after} label="What changes" />);
    expect(html).toContain('<ul aria-label="What changes">');
    expect(html).toContain(
      '<li class="data-diff__consent-asked-again">Customers who already agreed to “\u2068Offers, news and birthday greetings\u2069” will be asked again, and told the privacy notice changed: its wording, or the data that relies on it, is different now.</li>',
    );
    expect(html).toContain('The privacy notice changes (\u2068en\u2069)');
  });

  it('names no purpose when every purpose reads as before', () => {
    const before = exampleFlow('lead-capture');
    const after = structuredClone(before);
    const welcome = after.nodes.find((node) => node.id === 'welcome');
    if (welcome?.type !== 'disclosure') throw new Error('fixture changed');
    welcome.position = { x: 10, y: 10 };
    const html = renderToStaticMarkup(<DataDiffList before={before} after={after} label="What changes" />);
    expect(html).not.toContain('asked again');
    expect(html).toContain('Nothing changes for personal data.');
  });
});
