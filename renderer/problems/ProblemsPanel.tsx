import type { Diagnostic, Severity } from '../../flows/check/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useProblemsStore } from '../stores/problems-store.ts';
import type { ReactNode } from 'react';
import './privacy.css';
import { ProblemItem } from './ProblemItem.tsx';
import { statusLine } from './status-line.ts';
import { problemsText } from './texts.ts';
import { useProblemsText } from './use-problems-text.ts';
import { isolated } from '../bidi/isolated.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/**
 * The live check's findings (DESIGN.md §6): a status line, then errors and warnings, each with its
 * plain message and rule id. Choosing one shows its step and draws its witness path on the canvas.
 */
export function ProblemsPanel() {
  const text = useProblemsText();
  const language = useLanguageStore((state) => state.language);
  const status = useProblemsStore((state) => state.status);
  const checked = useProblemsStore((state) => state.checkedFlow !== null);
  const diagnostics = useProblemsStore((state) => state.diagnostics);
  const summary = useProblemsStore((state) => state.summary);
  const failure = useProblemsStore((state) => state.failure);
  const witness = useProblemsStore((state) => state.witness);
  const dismissWitness = useProblemsStore((state) => state.dismissWitness);

  const line =
    status === 'idle'
      ? text('no-flow')
      : status === 'failed'
        ? text('check-failed', { reason: failure ?? '' })
        : !checked
          ? text('checking')
          : statusLine(language, summary);
  return (
    <section className="problems" aria-label={text('problems-region')}>
      <p
        className={`problems__status problems__status--${summary.errors > 0 ? 'blocked' : 'ready'}`}
        role="status"
        aria-busy={status === 'checking'}
      >
        {line}
      </p>
      {witness && (
        <div className="problems__witness">
          <p>{witnessPath(language, witness.problem.path ?? [])}</p>
          <button type="button" onClick={dismissWitness}>
            {text('hide-path')}
          </button>
        </div>
      )}
      {checked && diagnostics.length === 0 && <p className="muted">{text('no-problems')}</p>}
      <ProblemGroup
        severity="error"
        diagnostics={diagnostics}
        heading={text('errors-heading', { count: summary.errors })}
      />
      <ProblemGroup
        severity="warning"
        diagnostics={diagnostics}
        heading={text('warnings-heading', { count: summary.warnings })}
      />
    </section>
  );
}

function ProblemGroup({
  severity,
  diagnostics,
  heading,
}: {
  severity: Severity;
  diagnostics: readonly Diagnostic[];
  heading: string;
}) {
  const shown = diagnostics.filter((diagnostic) => diagnostic.severity === severity);
  if (shown.length === 0) return null;
  return (
    <div className={`problems__group problems__group--${severity}`}>
      <h3>{heading}</h3>
      <ul aria-label={heading}>
        {shown.map((diagnostic) => {
          const index = diagnostics.indexOf(diagnostic);
          return (
            <ProblemItem
              key={`${diagnostic.rule}:${diagnostic.nodeId ?? ''}:${diagnostic.dataKey ?? ''}:${index}`}
              problem={diagnostic}
              index={index}
            />
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The sentence naming the witness path's steps: the path is laid out left to right so its arrows
 * point the way it goes, and each step id keeps its own direction, in an Arabic sentence too.
 */
export function witnessPath(language: UiLanguage, path: readonly string[]): ReactNode[] {
  return isolateNames(
    (names) => problemsText(language, 'path-shown', names),
    { steps: path.map(isolated).join(' → ') },
    ['steps'],
  );
}
