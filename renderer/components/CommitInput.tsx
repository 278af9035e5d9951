import type { InputHTMLAttributes } from 'react';
import { useCommitDraft } from './use-commit-draft.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  /** Called with the new text when the designer leaves the field or presses Enter, if it changed. */
  onCommit(value: string): void;
  /** Called when Escape has put the written value back. */
  onRestore?(): void;
};

/**
 * A text field that writes to the flow when the designer is done with it (leaving the field or
 * Enter), so typing a name is one edit, and Escape puts the saved value back.
 */
export function CommitInput({ value, onCommit, onRestore, ...rest }: Props) {
  const { bind } = useCommitDraft(value, onCommit, false, onRestore);
  return <input {...rest} {...bind} />;
}
