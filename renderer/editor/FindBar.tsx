import { useEffect } from 'react';
import { findMatches } from '../find/find-matches.ts';
import { useFindStore } from '../find/find-store.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useHighlightStore } from '../stores/highlight-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';
import { centerOn } from '../stores/viewport-store.ts';
import { useEditorText } from './texts.ts';

/** Selects a match and brings it into view. */
function show(matches: readonly string[], index: number): void {
  const id = matches[index];
  if (id === undefined) return;
  useSelectionStore.getState().select([id]);
  centerOn(id);
}

/**
 * Ctrl/⌘+F: finds steps by their text in any language, their id or the data keys they use;
 * selects and centres each match in turn (Enter, Shift+Enter), and marks all of them.
 */
export function FindBar() {
  const text = useEditorText();
  const { open, query, matches, current } = useFindStore();
  const working = useDocumentStore((state) => state.working);
  useEffect(() => {
    if (!open || !working) return;
    const found = findMatches(working, query);
    const before = useFindStore.getState().matches;
    if (found.join('\n') !== before.join('\n')) useFindStore.getState().found(query, found);
  }, [working, open, query]);
  useEffect(() => {
    if (open) useHighlightStore.getState().highlight('find', { nodeIds: matches, edgeIds: [] });
    else useHighlightStore.getState().clearHighlight('find');
  }, [open, matches]);
  if (!open) return null;

  const go = (step: number) => {
    if (matches.length === 0) return;
    const index = (current + step + matches.length) % matches.length;
    useFindStore.getState().goTo(index);
    show(matches, index);
  };
  const close = () => {
    useFindStore.getState().hide();
    document.querySelector<HTMLElement>('.react-flow__pane')?.focus();
  };
  return (
    <search className="find-bar">
      <label htmlFor="find-input">{text('find-label')}</label>
      <input
        id="find-input"
        type="search"
        value={query}
        onChange={(event) => {
          const found = working ? findMatches(working, event.target.value) : [];
          useFindStore.getState().found(event.target.value, found);
          show(found, 0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') go(event.shiftKey ? -1 : 1);
          else if (event.key === 'Escape') close();
          else return;
          event.preventDefault();
        }}
      />
      <output aria-live="polite" className="find-bar__count">
        {query.trim() === ''
          ? ''
          : matches.length === 0
            ? text('find-none')
            : text('find-count', { current: current + 1, count: matches.length })}
      </output>
      <button type="button" onClick={() => go(-1)} disabled={matches.length === 0}>
        {text('find-previous')}
      </button>
      <button type="button" onClick={() => go(1)} disabled={matches.length === 0}>
        {text('find-next')}
      </button>
      <button type="button" onClick={close}>
        {text('close')}
      </button>
    </search>
  );
}
