import { useId } from 'react';
import type { FieldPath } from '../../flows/edit/index.ts';
import type { LangText } from '../../flows/index.ts';
import { isRightToLeft, textDirection } from '../../flows/i18n/index.ts';
import { codePointLength, textsOf } from '../../flows/index.ts';
import { ltrRuns } from '../bidi/ltr-runs.ts';
import { TemplateText } from '../canvas/TemplateText.tsx';
import { useCommitDraft } from '../components/use-commit-draft.ts';
import { useEditorText } from '../editor/texts.ts';
import { pathText, problemsAt, useField } from './field-context.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { isolateNames } from '../bidi/isolate-names.tsx';

/**
 * A text in every language of the flow, side by side (right to left for Arabic), with WhatsApp's
 * limit counted in code points as the checker counts it, live as the person types. Each language's
 * text is written when the designer is done with it (leaving the field or Enter; Ctrl+Enter in a box
 * of several lines): one undo step. A text field cannot isolate the addresses, numbers and Latin
 * names inside a right-to-left text, so such a text is also shown as it reads, each of them held
 * left to right as the card and the chat hold it.
 */
export function LangTextInput({ path, label, multiline }: { path: FieldPath; label: string; multiline?: boolean }) {
  const { flow, node, problems } = useField();
  const id = useId();
  const value = valueAt(node, path);
  const site = textsOf(node).find((candidate) => pathText(candidate.path) === pathText(path));
  const mine = problemsAt(problems, path);
  return (
    <div className="lang-text" role="group" aria-label={label} data-path={pathText(path)}>
      {flow.languages.map((language) => (
        <LanguageText
          key={language}
          id={`${id}-${language}`}
          path={path}
          label={label}
          language={language}
          texts={value}
          maxLength={site?.maxLength}
          multiline={multiline}
        />
      ))}
      <FieldProblems id={`${id}-problems`} problems={mine} />
    </div>
  );
}

interface LanguageTextProps {
  id: string;
  path: FieldPath;
  label: string;
  language: string;
  texts: LangText | undefined;
  maxLength: number | undefined;
  multiline: boolean | undefined;
}

/** One language's text of a field, counted as it is typed. */
function LanguageText({ id, path, label, language, texts, maxLength, multiline }: LanguageTextProps) {
  const { change, restore } = useField();
  const text = useEditorText();
  const write = (typed: string) => {
    const next: Record<string, string> = { ...(texts ?? {}) };
    if (typed === '') delete next[language];
    else next[language] = typed;
    change(path, Object.keys(next).length === 0 ? undefined : next);
  };
  const { draft, bind } = useCommitDraft(texts?.[language] ?? '', write, multiline, () => restore(path));
  const count = codePointLength(draft);
  const over = maxLength !== undefined && count > maxLength;
  const mixed = isRightToLeft(language) && ltrRuns(draft).some((run) => run.ltr);
  const props = {
    id,
    lang: language,
    dir: textDirection(language),
    'aria-invalid': over || undefined,
    'aria-describedby': `${id}-count`,
    ...bind,
  } as const;
  return (
    <div className="lang-text__language">
      <label htmlFor={id}>
        {isolateNames((names) => text('language-text', { ...names, field: label }), { language })}
      </label>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      <span id={`${id}-count`} className={`lang-text__count${over ? ' is-over' : ''}`} aria-live="polite">
        {maxLength !== undefined ? text('counter', { count, max: maxLength }) : ''}
        {over ? ` — ${text('too-long', { count, max: maxLength })}` : ''}
      </span>
      {mixed && (
        <p className="lang-text__reads-as" aria-hidden="true">
          <span className="muted">{text('reads-as')}</span>{' '}
          <span lang={language} dir="rtl">
            <TemplateText value={draft} />
          </span>
        </p>
      )}
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
