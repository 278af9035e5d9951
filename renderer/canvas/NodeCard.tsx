import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
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
