import { useId } from 'react';
import type { FieldPath } from '../../flows/edit/index.ts';
import type { LangText } from '../../flows/index.ts';
import { isRightToLeft, textDirection } from '../../flows/i18n/index.ts';
import { codePointLength, textsOf } from '../../flows/index.ts';
import { ltrRuns } from '../bidi/ltr-runs.ts';
import { TemplateText } from '../canvas/TemplateText.tsx';
import { useEditorText } from '../editor/texts.ts';
import { pathText, problemsAt, useField } from './field-context.ts';
import { FieldProblems } from './FieldProblems.tsx';

/**
 * A text in every language of the flow, side by side (right to left for Arabic), with WhatsApp's
 * limit counted in code points as the checker counts it, live as the person types. A text field
 * cannot isolate the addresses, numbers and Latin names inside a right-to-left text, so such a
 * text is also shown as it reads, each of them held left to right as the card and the chat hold it.
 */
export function LangTextInput({ path, label, multiline }: { path: FieldPath; label: string; multiline?: boolean }) {
  const { flow, node, change, problems } = useField();
  const text = useEditorText();
  const id = useId();
  const value = valueAt(node, path);
  const site = textsOf(node).find((candidate) => pathText(candidate.path) === pathText(path));
  const mine = problemsAt(problems, path);
  return (
    <div className="lang-text" role="group" aria-label={label} data-path={pathText(path)}>
      {flow.languages.map((language) => {
        const current = value?.[language] ?? '';
        const count = codePointLength(current);
        const inputId = `${id}-${language}`;
        const over = site !== undefined && count > site.maxLength;
        const mixed = isRightToLeft(language) && ltrRuns(current).some((run) => run.ltr);
        const props = {
          id: inputId,
          lang: language,
          dir: textDirection(language),
          value: current,
          'aria-invalid': over || undefined,
          'aria-describedby': `${inputId}-count`,
          onChange: (event: { target: { value: string } }) => {
            const next: Record<string, string> = { ...(value ?? {}) };
            if (event.target.value === '') delete next[language];
            else next[language] = event.target.value;
            change(path, Object.keys(next).length === 0 ? undefined : next, `${pathText(path)}:${language}`);
          },
        } as const;
        return (
          <div key={language} className="lang-text__language">
            <label htmlFor={inputId}>{text('language-text', { field: label, language })}</label>
            {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
            <span id={`${inputId}-count`} className={`lang-text__count${over ? ' is-over' : ''}`} aria-live="polite">
              {site ? text('counter', { count, max: site.maxLength }) : ''}
              {over ? ` — ${text('too-long', { count, max: site.maxLength })}` : ''}
            </span>
            {mixed && (
              <p className="lang-text__reads-as" aria-hidden="true">
                <span className="muted">{text('reads-as')}</span>{' '}
                <span lang={language} dir="rtl">
                  <TemplateText value={current} />
                </span>
              </p>
            )}
          </div>
        );
      })}
      <FieldProblems id={`${id}-problems`} problems={mine} />
    </div>
  );
}

function valueAt(node: unknown, path: FieldPath): LangText | undefined {
  let current = node;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return typeof current === 'object' && current !== null ? (current as LangText) : undefined;
}
