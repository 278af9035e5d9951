import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { replaceNode, valueAt, type FieldPath, type FieldProblem } from '../../flows/edit/index.ts';
import { findKind, formOf, type FlowNode } from '../../flows/index.ts';
import { CommitTextArea } from '../components/CommitTextArea.tsx';
import { useEditorText } from '../editor/texts.ts';
import { flowOnCanvas, isViewingOld, useDocumentStore } from '../stores/document-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { singleSelectedNode, useSelectionStore } from '../stores/selection-store.ts';
import { Connections } from './Connections.tsx';
import { FieldContext, type FieldContextValue } from './field-context.ts';
import { FieldEditor } from './FieldEditor.tsx';
import { proposeChange } from './propose-change.ts';

/** A value the parser refused: shown in the form with its messages, kept out of the document. */
interface Refused {
  node: FlowNode;
  problems: FieldProblem[];
}

/**
 * The selected step's form, generated from its kind's form in flows/nodes. A field is written when
 * the designer is done with it (leaving it or Enter: one undo step) and checked by the parser first:
 * a valid value becomes an edit of the document (renaming a way out takes its connections
 * along), an invalid one stays in the form beside the
 * parser's own message until it is corrected or Escape puts the document's value back.
 */
export function Inspector() {
  const text = useEditorText();
  const ui = useLanguageStore((state) => state.language);
  const selectedId = useSelectionStore(singleSelectedNode);
  const count = useSelectionStore((state) => state.nodeIds.size);
  const flow = useDocumentStore(flowOnCanvas);
  const readOnly = useDocumentStore(isViewingOld);
  const node = flow?.nodes.find((candidate) => candidate.id === selectedId);
  const [refused, setRefused] = useState<Refused | null>(null);
  const noteId = useId();
  useEffect(() => setRefused(null), [node]);

  const shown = refused?.node.id === node?.id ? (refused?.node ?? node) : node;
  const change = useCallback(
    (path: FieldPath, value: unknown) => {
      if (!flow || !shown || readOnly) return;
      const proposed = proposeChange(flow, shown, path, value, ui);
      if (!proposed.ok) {
        setRefused({ node: proposed.node, problems: proposed.problems });
        return;
      }
      setRefused(null);
      useDocumentStore.getState().edit((current) => replaceNode(current, proposed.node));
    },
    [flow, shown, readOnly, ui],
  );
  // Escape in a refused field: the document's value goes back at that path only. Values other
  // fields committed while this one was wrong are kept, and written once the step parses again.
  const restore = useCallback(
    (path: FieldPath) => {
      if (!flow || !node || !refused || refused.node.id !== node.id) return;
      const proposed = proposeChange(flow, refused.node, path, valueAt(node, path), ui);
      if (!proposed.ok) return setRefused({ node: proposed.node, problems: proposed.problems });
      setRefused(null);
      if (canonical(proposed.node) !== canonical(node))
        useDocumentStore.getState().edit((current) => replaceNode(current, proposed.node));
    },
    [flow, node, refused, ui],
  );
  const context = useMemo<FieldContextValue | null>(
    () => (flow && shown ? { flow, node: shown, ui, problems: refused?.problems ?? [], change, restore } : null),
    [flow, shown, ui, refused, change, restore],
  );

  const form = shown && formOf(shown.type);
  return (
    <section className={`inspector${shown ? '' : ' inspector--empty'}`} aria-label={text('inspector')}>
      <h2 className="inspector__heading">{text('inspector')}</h2>
      {!context || !form || !shown ? (
        <p className="muted">{count > 1 ? text('inspector-many', { count }) : text('inspector-empty')}</p>
      ) : (
        <FieldContext.Provider value={context}>
          <fieldset className="inspector__form" disabled={readOnly}>
            <legend className="inspector__kind">{findKind(shown.type)?.label[ui]}</legend>
            <p className="inspector__id muted">
              {text('step-id')}: <code dir="ltr">{shown.id}</code>
            </p>
            {form.fields.map((field) => (
              <FieldEditor key={`${shown.id}:${field.name}`} field={field} />
            ))}
            <Connections />
            <div className="field">
              <label htmlFor={noteId}>{text('note')}</label>
              <CommitTextArea
                id={noteId}
                rows={2}
                dir="auto"
                value={shown.note ?? ''}
                aria-describedby={`${noteId}-help`}
                onCommit={(note) => change(['note'], note === '' ? undefined : note)}
                onRestore={() => restore(['note'])}
              />
              <p id={`${noteId}-help`} className="field__help muted">
                {text('note-help')}
              </p>
            </div>
          </fieldset>
        </FieldContext.Provider>
      )}
    </section>
  );
}

/** A step as JSON with its keys in one order, so two steps that hold the same values compare equal. */
function canonical(node: FlowNode): string {
  return JSON.stringify(node, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
