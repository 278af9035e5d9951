// The benchmark's baseline (bench/editor.bench.ts): bare React Flow drawing the same nodes and
// edges as the studio, with React Flow's own default nodes, state hooks and the same view options.
import { Background, MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

interface Drawn {
  nodes: Node[];
  edges: Edge[];
}

function Bare({ drawn }: { drawn: Drawn }) {
  const [nodes, , onNodesChange] = useNodesState(drawn.nodes);
  const [edges, , onEdgesChange] = useEdgesState(drawn.edges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      minZoom={0.05}
      onlyRenderVisibleElements
    >
      <Background />
      <MiniMap />
    </ReactFlow>
  );
}

const started = performance.now();
const drawn = (await (await fetch('./flow.json')).json()) as Drawn;
(window as unknown as { benchStarted: number }).benchStarted = started;
const root = document.getElementById('root');
if (root) createRoot(root).render(<Bare drawn={drawn} />);
