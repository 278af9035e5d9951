import type { FieldProblem } from '../../flows/edit/index.ts';

/** The parser's own messages beside a field: what is wrong with the value typed, in plain words. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field__problems" role="alert">
      {problems.map((problem) => (
        <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
      ))}
    </ul>
  );
}
