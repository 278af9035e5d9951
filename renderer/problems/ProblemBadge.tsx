import { useProblemsStore } from '../stores/problems-store.ts';
import { useProblemsText } from './use-problems-text.ts';

/** A card's badge: how many problems its step has, coloured by the worst. Nothing when it has none. */
export function ProblemBadge({ nodeId }: { nodeId: string }) {
  const text = useProblemsText();
  const problems = useProblemsStore((state) => state.byStep.get(nodeId));
  if (!problems) return null;
  const label = text(problems.worst === 'error' ? 'badge-error' : 'badge-warning', { count: problems.count });
  return (
    <span className={`problem-badge problem-badge--${problems.worst}`} role="img" aria-label={label} title={label}>
      {problems.count}
    </span>
  );
}

/** Whether the step is on the witness path drawn on the canvas. */
export function useOnWitnessPath(nodeId: string): boolean {
  return useProblemsStore((state) => state.witness?.nodes.has(nodeId) ?? false);
}
