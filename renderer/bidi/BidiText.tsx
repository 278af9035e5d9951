import { ltrRuns } from './ltr-runs.ts';

/**
 * A text whose URLs, e-mail addresses, numbers and (in right-to-left text) Latin words are each
 * held in a left-to-right isolate, so the bidi algorithm neither splits nor reorders them inside
 * an Arabic sentence. Addresses stay plain text: the studio never navigates away.
 */
export function BidiText({ text }: { text: string }) {
  return (
    <>
      {ltrRuns(text).map((run, index) =>
        run.ltr ? (
          <bdi key={index} dir="ltr" className="ltr-run">
            {run.text}
          </bdi>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
