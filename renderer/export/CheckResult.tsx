import type { Diagnostic } from '../../flows/check/index.ts';
import { showProblem } from './show-problem.ts';
import { useExportText } from './texts.ts';
import { QuotedNames } from '../bidi/QuotedNames.tsx';

/** The checker's answer on the version to export: errors block it, each linking to its step. */
export function CheckResult({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const text = useExportText();
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  return (
    <section className="export-section" aria-labelledby="export-check-heading">
      <h3 id="export-check-heading">{text('check-heading')}</h3>
      {errors.length > 0 ? (
        <p className="export-check export-check--blocked" role="alert">
          {text('check-blocked', { count: errors.length })}
        </p>
      ) : (
        <p className="export-check export-check--clean">{text('check-clean')}</p>
      )}
      {warnings.length > 0 && <p className="muted">{text('check-warnings', { count: warnings.length })}</p>}
      {errors.length > 0 && (
        <ul className="export-check__errors">
          {errors.map((diagnostic, index) => (
            <li key={index}>
              <span className="export-check__rule">{diagnostic.rule}</span> <QuotedNames text={diagnostic.message} />
              {diagnostic.nodeId !== undefined && (
                <button type="button" className="link-button" onClick={() => showProblem(diagnostic)}>
                  {text('show-in-problems')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
