import type { FieldProblem } from '../../flows/edit/index.ts';
import { useEditorText } from '../editor/texts.ts';

/**
 * The parser's own messages beside a field: what is wrong with the value typed, in plain words, and
 * that nothing was written and nothing typed was lost.
 */
export function FieldProblems({ id, problems }: { id: string; problems: readonly FieldProblem[] }) {
  const text = useEditorText();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field__problems" role="alert">
      {problems.map((problem) => (
        <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
      ))}
      <li className="field__problems-kept">{text('refused-kept')}</li>
    </ul>
  );
}
