import { useEffect, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** What a field that writes the flow only when the designer is done with it binds to its element. */
interface CommitDraft {
  /** The text as typed so far, not yet written (a live counter reads it). */
  draft: string;
  bind: {
    value: string;
    onChange(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
    onBlur(): void;
    onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  };
}

/**
 * The draft of a field that writes the flow when the designer leaves it or presses Enter (Ctrl or
 * ⌘ with Enter in a box of several lines, where Enter starts a new line), so typing a value is one
 * edit and one undo step. Escape puts the written value back and tells `onRestore`, so a form that
 * kept a refused value beside its reason can drop it.
 */
export function useCommitDraft(
  value: string,
  onCommit: (value: string) => void,
  multiline = false,
  onRestore?: () => void,
): CommitDraft {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return {
    draft,
    bind: {
      value: draft,
      onChange: (event) => setDraft(event.target.value),
      onBlur: commit,
      onKeyDown: (event) => {
        if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) commit();
        if (event.key === 'Escape') {
          setDraft(value);
          onRestore?.();
        }
      },
    },
  };
}
