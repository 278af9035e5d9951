import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { Flow } from '../../flows/index.ts';
import { useText } from '../i18n/use-text.ts';
import { useLanguageStore } from '../stores/language-store.ts';
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

  return (
    <section className="canvas" aria-label={text('canvas-label', { name: flow.name })}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
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
      </ReactFlow>
    </section>
  );
}
