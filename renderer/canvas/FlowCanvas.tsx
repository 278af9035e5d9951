import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Flow } from '../../flows/index.ts';
import { useText } from '../i18n/use-text.ts';
import { ProblemFocus } from '../problems/ProblemFocus.tsx';
import { FocusOnStep } from '../simulator/FocusOnStep.tsx';
import { useCanvasMarks } from '../simulator/use-canvas-marks.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useProblemsStore } from '../stores/problems-store.ts';
import { NodeCard } from './NodeCard.tsx';
import { toCanvas, type CardNode } from './to-canvas.ts';

const nodeTypes = { card: NodeCard };

/**
 * A flow laid out as saved, read only: pan and zoom, no editing (the editor comes later). React
 * Flow keeps the nodes' measured sizes through onNodesChange, which the minimap and fitView need.
 */
export function FlowCanvas({ flow }: { flow: Flow }) {
  const language = useLanguageStore((state) => state.language);
  const text = useText();
  const [initial] = useState(() => toCanvas(flow, language));
  const [nodes, setNodes, onNodesChange] = useNodesState<CardNode>(initial.nodes);
  const [edges, setEdges] = useEdgesState(initial.edges);
  useEffect(() => {
    const canvas = toCanvas(flow, language);
    setNodes(canvas.nodes);
    setEdges(canvas.edges);
  }, [flow, language, setNodes, setEdges]);
  // A problem's witness path: its connections marked, the rest of the canvas dimmed (app.css).
  const witnessEdges = useProblemsStore((state) => state.witness?.edges);
  // The simulator's path taken and current step, and the steps no test reaches.
  const marks = useCanvasMarks();
  const marked = useMemo(
    () =>
      nodes.map((node) => {
        const className = marks.node(node.id);
        return className ? { ...node, className } : node;
      }),
    [nodes, marks],
  );
  const drawnEdges = useMemo(
    () =>
      edges.map((edge) => {
        const classes = [witnessEdges?.has(edge.id) && 'edge--on-path', marks.edge(edge.id)].filter(Boolean);
        return classes.length > 0
          ? { ...edge, className: classes.join(' '), animated: marks.edge(edge.id)?.includes('sim-taken') === true }
          : edge;
      }),
    [edges, witnessEdges, marks],
  );

  return (
    <section
      className={`canvas${witnessEdges ? ' canvas--witness' : ''}`}
      aria-label={text('canvas-label', { name: flow.name })}
    >
      <ReactFlow
        nodes={marked}
        edges={drawnEdges}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        fitView
        minZoom={0.1}
      >
        <Background />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable />
        <ProblemFocus />
        <FocusOnStep />
      </ReactFlow>
    </section>
  );
}
