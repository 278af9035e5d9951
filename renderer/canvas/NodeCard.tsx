import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { textDirection } from '../../flows/i18n/index.ts';
import { ProblemBadge, useOnWitnessPath } from '../problems/ProblemBadge.tsx';
import { TemplateText } from './TemplateText.tsx';
import type { CardNode } from './to-canvas.ts';

/**
 * One step on the canvas: its kind, its text in the flow language shown, an entry at the top and
 * one labelled exit per outcome (a button's own label, "agreed"/"declined"…), dragged to connect.
 * Memoised: a card redraws only when its own node object changes.
 */
export const NodeCard = memo(function NodeCard({ id, data, selected }: NodeProps<CardNode>) {
  const exits = data.outcomes;
  const onPath = useOnWitnessPath(id);
  useHandlesMeasured(id, exits.map((exit) => exit.id).join(' '));
  return (
    <article
      data-node-id={id}
      className={`node-card node-card--${data.kind}${selected ? ' is-selected' : ''}${onPath ? ' node-card--on-path' : ''}${data.highlights ?? ''}`}
    >
      {data.kind !== 'start' && <Handle type="target" position={Position.Top} />}
      <header className="node-card__kind">
        {data.kindLabel}
        <ProblemBadge nodeId={id} />
      </header>
      {data.text && (
        <p className="node-card__text" lang={data.text.lang} dir={textDirection(data.text.lang)}>
          <TemplateText value={data.text.value} />
        </p>
      )}
      {exits.length > 0 && (
        <footer className={`node-card__exits${exits.length === 1 ? ' node-card__exits--single' : ''}`}>
          {exits.map((exit) => (
            <span key={exit.id} className={`node-card__exit${exit.optional ? ' is-optional' : ''}`} dir="auto">
              {exits.length > 1 && exit.label}
              <Handle id={exit.id} type="source" position={Position.Bottom} className="node-card__handle" />
            </span>
          ))}
        </footer>
      )}
    </article>
  );
});

/**
 * React Flow measures a card's handles when the card appears or changes size; a way out renamed in
 * the inspector changes neither, so the card asks for its handles to be measured again, or the
 * connection that follows the new id could not be drawn. Not on the first render: React Flow
 * measures then anyway.
 */
function useHandlesMeasured(id: string, handles: string): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const measured = useRef(handles);
  useEffect(() => {
    if (measured.current === handles) return;
    measured.current = handles;
    updateNodeInternals(id);
  }, [id, handles, updateNodeInternals]);
}
