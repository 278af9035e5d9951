import { useId } from 'react';
import { connect, disconnect } from '../../flows/edit/index.ts';
import { outcomesOf } from '../../flows/index.ts';
import { cardContext, cardOf, stepName } from '../canvas/to-canvas.ts';
import { useEditorText } from '../editor/texts.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useField } from './field-context.ts';

/**
 * Where each way out of the step leads, chosen from a list: connecting without a mouse (the
 * canvas's handles do the same by dragging).
 */
export function Connections() {
  const { flow, node, ui } = useField();
  const text = useEditorText();
  const id = useId();
  const context = cardContext(flow, ui, null);
  const exits = cardOf(node, context).data.outcomes;
  if (outcomesOf(node).length === 0) return null;
  const targets = flow.nodes.filter((candidate) => candidate.id !== node.id && candidate.type !== 'start');
  return (
    <fieldset className="connections">
      <legend>{text('ways-out')}</legend>
      {exits.map((exit) => {
        const edge = flow.edges.find(
          (candidate) => candidate.from === node.id && (candidate.outcome ?? 'next') === exit.id,
        );
        return (
          <div key={exit.id} className="connections__exit">
            <label htmlFor={`${id}-${exit.id}`} dir="auto">
              {exit.label}
            </label>
            <select
              id={`${id}-${exit.id}`}
              value={edge?.to ?? ''}
              onChange={(event) => {
                const to = event.target.value;
                useDocumentStore
                  .getState()
                  .edit((current) =>
                    to === ''
                      ? disconnect(current, edge ? [edge.id] : [])
                      : connect(current, { from: node.id, to, outcome: exit.id }),
                  );
              }}
            >
              <option value="">{text('not-connected')}</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {stepName(target, context, 40)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
