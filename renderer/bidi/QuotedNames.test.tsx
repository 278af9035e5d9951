import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QuotedNames } from './QuotedNames.tsx';

describe('the checker’s quoted names', () => {
  it('are each in an isolate inside an Arabic sentence, the quotation marks outside', () => {
    const message =
      'الخطوة «Which plan are you interested in?» تحفظ اختيار العميل باسم «plan»، وهو غير مُعرَّف في «البيانات».';
    expect(
      renderToStaticMarkup(
        <p>
          <QuotedNames text={message} />
        </p>,
      ),
    ).toBe(
      '<p>الخطوة «<bdi>Which plan are you interested in?</bdi>» تحفظ اختيار العميل باسم «<bdi>plan</bdi>»، وهو غير مُعرَّف في «<bdi>البيانات</bdi>».</p>',
    );
  });

  it('are isolated in English and Portuguese quotation marks too, and a sentence without one is left as it is', () => {
    expect(
      renderToStaticMarkup(
        <p>
          <QuotedNames text="“Health condition” has no retention period." />
        </p>,
      ),
    ).toBe('<p>“<bdi>Health condition</bdi>” has no retention period.</p>');
    expect(
      renderToStaticMarkup(
        <p>
          <QuotedNames text="Nothing to see." />
        </p>,
      ),
    ).toBe('<p>Nothing to see.</p>');
  });
});
