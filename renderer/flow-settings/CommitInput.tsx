import { useEffect, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  /** Called with the new text when the designer leaves the field or presses Enter, if it changed. */
  onCommit(value: string): void;
};

/**
 * A text field that writes to the flow when the designer is done with it (leaving the field or
 * Enter), so typing a name is one edit, and Escape puts the saved value back.
 */
export function CommitInput({ value, onCommit, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(value);
      }}
    />
  );
}
