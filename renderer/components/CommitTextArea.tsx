import type { TextareaHTMLAttributes } from 'react';
import { useCommitDraft } from './use-commit-draft.ts';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  /** Called with the new text when the designer leaves the box or presses Ctrl+Enter (⌘+Enter), if it changed. */
  onCommit(value: string): void;
  /** Called when Escape has put the written value back. */
  onRestore?(): void;
};

/** A box of several lines that writes to the flow when the designer is done with it; Enter starts a new line. */
export function CommitTextArea({ value, onCommit, onRestore, ...rest }: Props) {
  const { bind } = useCommitDraft(value, onCommit, true, onRestore);
  return <textarea {...rest} {...bind} />;
}
