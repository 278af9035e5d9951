import { useSidePanelsStore } from './side-panels.ts';

/** The panels other areas dock beside the canvas (problems, simulator, tests), in their order. */
export function SideDock() {
  const panels = useSidePanelsStore((state) => state.panels);
  if (panels.length === 0) return null;
  return (
    <div className="side-dock">
      {panels.map((panel) => (
        <panel.component key={panel.id} />
      ))}
    </div>
  );
}
