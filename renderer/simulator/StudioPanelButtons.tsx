import { useTests } from '../tests/tests-store-instance.ts';
import { useSimulator } from './simulator-store.ts';
import { useSimulatorText } from './texts.ts';

/** The toolbar's “Simulate” and “Tests” buttons: each shows or hides its panel beside the canvas. */
export function StudioPanelButtons() {
  const say = useSimulatorText();
  const simulating = useSimulator((state) => state.open);
  const setSimulating = useSimulator((state) => state.setOpen);
  const testing = useTests((state) => state.open);
  const setTesting = useTests((state) => state.setOpen);
  return (
    <>
      <button type="button" aria-pressed={simulating} onClick={() => setSimulating(!simulating)}>
        {say('simulate')}
      </button>
      <button type="button" aria-pressed={testing} onClick={() => setTesting(!testing)}>
        {say('tests-region')}
      </button>
    </>
  );
}
