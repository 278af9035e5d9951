import type { Diagnostic } from '../../flows/check/index.ts';
import { QuotedNames } from '../bidi/QuotedNames.tsx';
import { useLanguageStore } from '../stores/language-store.ts';
import { sameProblem, useProblemsStore } from '../stores/problems-store.ts';
import { usePrivacyDockStore } from '../stores/privacy-dock-store.ts';
import { applyQuickFix } from './apply-quick-fix.ts';
import { useProblemActions } from './problem-actions.ts';
import { showStep } from './show-step.ts';
import { useProblemsText } from './use-problems-text.ts';

/**
 * One finding: its plain message first, then where it is and (small, for search and support) its
 * rule id; choosing it shows its step and its path.
 */
export function ProblemItem({ problem, index }: { problem: Diagnostic; index: number }) {
  const text = useProblemsText();
  const language = useLanguageStore((state) => state.language);
  const shown = useProblemsStore((state) => state.witness !== null && sameProblem(state.witness.problem, problem));
  const actions = useProblemActions((state) => state.actions);
  const fixes = useProblemsStore((state) => state.fixes.get(index));
  const offered = actions.filter((action) => action.appliesTo(problem));

  const choose = () => {
    const { showWitness, dismissWitness } = useProblemsStore.getState();
    if (problem.path && problem.path.length > 0) showWitness(problem);
    else dismissWitness();
    if (problem.nodeId !== undefined) showStep(problem.nodeId);
    else if (problem.dataKey !== undefined) usePrivacyDockStore.getState().showField(problem.dataKey);
  };

  return (
    <li className={`problem problem--${problem.severity}`} aria-current={shown ? 'true' : undefined}>
      <button type="button" className="problem__show" onClick={choose}>
        <span className="problem__message">
          <QuotedNames text={problem.message} />
        </span>
        <span className="problem__where muted">
          {problem.nodeId === undefined ? text('whole-flow') : <bdi dir="ltr">{problem.nodeId}</bdi>} ·{' '}
          <bdi dir="ltr" className="problem__rule">
            {problem.rule}
          </bdi>
        </span>
      </button>
      {(offered.length > 0 || fixes) && (
        <div className="problem__actions">
          {fixes?.map((fix) => (
            <button key={fix.label} type="button" className="problem__fix" onClick={() => applyQuickFix(fix)}>
              {fix.label}
            </button>
          ))}
          {offered.map((action) => (
            <button key={action.id} type="button" onClick={() => action.perform(problem)}>
              {action.label(language)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
