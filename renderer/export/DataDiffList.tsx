import { useMemo } from 'react';
import { dataDiff, describeDataDiff, describeNotice } from '../../flows/diff/index.ts';
import type { Flow } from '../../flows/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { isolated } from '../bidi/isolated.ts';

/**
 * What a newer version changes for personal data, one sentence a change, and whether the privacy
 * notice must be published again. Computed in the page by the pure flows/diff.
 */
export function DataDiffList({ before, after, label }: { before: Flow; after: Flow; label: string }) {
  const language = useLanguageStore((state) => state.language);
  const diff = useMemo(() => dataDiff(before, after), [before, after]);
  const sentences = describeDataDiff(diff, language, after.languages, isolated);
  return (
    <div className="data-diff">
      <ul aria-label={label}>
        {sentences.map((sentence, index) => (
          <li key={index} className={diff.changes[index] ? `data-diff__${diff.changes[index].kind}` : undefined}>
            {sentence}
          </li>
        ))}
      </ul>
      <p className={diff.republishNotice ? 'data-diff__notice data-diff__notice--republish' : 'data-diff__notice'}>
        {describeNotice(diff, language, isolated)}
      </p>
    </div>
  );
}
