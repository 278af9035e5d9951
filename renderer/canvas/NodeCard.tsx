import { Handle, Position, type NodeProps } from '@xyflow/react';
import { isRightToLeft } from '../../flows/i18n/index.ts';
import { ProblemBadge, useOnWitnessPath } from '../problems/ProblemBadge.tsx';
import { useLanguageStore } from '../stores/language-store.ts';
import { outcomeLabel } from './outcome-label.ts';
import { TemplateText } from './TemplateText.tsx';
import type { CardNode } from './to-canvas.ts';

/** One node on the canvas: its kind, its text, an entry at the top and one exit per outcome. */
export function NodeCard({ id, data }: NodeProps<CardNode>) {
  const language = useLanguageStore((state) => state.language);
  const exits = data.outcomes;
  const onPath = useOnWitnessPath(id);
  return (
    <article
      className={`node-card node-card--${data.kind}${onPath ? ' node-card--on-path' : ''}`}
      data-node-id={id}
      aria-label={`${data.kindLabel}: ${id}`}
    >
      {data.kind !== 'start' && <Handle type="target" position={Position.Top} isConnectable={false} />}
      <header className="node-card__kind">
        {data.kindLabel}
        <ProblemBadge nodeId={id} />
      </header>
      {data.text && (
        <p className="node-card__text" lang={data.text.lang} dir={isRightToLeft(data.text.lang) ? 'rtl' : 'ltr'}>
          <TemplateText value={data.text.value} />
        </p>
      )}
      {exits.length > 1 && (
        <footer className="node-card__exits">
          {exits.map((exit) => (
            <span key={exit.id} className="node-card__exit">
              {outcomeLabel(exit.id, language)}
            </span>
          ))}
        </footer>
      )}
      {exits.map((exit, index) => (
        <Handle
          key={exit.id}
          id={exit.id}
          type="source"
          position={Position.Bottom}
          isConnectable={false}
          style={{ left: `${((index + 1) * 100) / (exits.length + 1)}%` }}
        />
      ))}
    </article>
  );
}
