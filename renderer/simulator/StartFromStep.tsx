import { useMemo, useState } from 'react';
import type { Flow } from '../../flows/index.ts';
import { useSimulator } from './simulator-store.ts';
import { proposeStartingPoint } from './starting-point.ts';
import { useSimulatorText } from './texts.ts';

/**
 * “Start from here”: pick a step (the one selected on the canvas by default); the consents and
 * values the shortest way there would give are proposed, and the designer changes any of them.
 */
export function StartFromStep({ flow }: { flow: Flow }) {
  const say = useSimulatorText();
  const focused = useSimulator((state) => state.focused);
  const startFrom = useSimulator((state) => state.startFrom);
  const steps = flow.nodes.filter((node) => node.type !== 'start');
  const [chosen, setChosen] = useState<string | null>(null);
  const node = chosen ?? focused ?? steps[0]?.id ?? '';
  const proposal = useMemo(() => proposeStartingPoint(flow, node), [flow, node]);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const isGranted = (id: string, proposed: boolean) => granted[`${node}:${id}`] ?? proposed;
  const valueOf = (key: string, proposed: string) => values[`${node}:${key}`] ?? proposed;

  return (
    <details className="simulator__section">
      <summary>{say('start-heading')}</summary>
      <label className="simulator__field">
        {say('step')}
        <select value={node} onChange={(event) => setChosen(event.target.value)}>
          {steps.map((step) => (
            <option key={step.id} value={step.id}>
              {step.id}
            </option>
          ))}
        </select>
      </label>
      {proposal.unreachable && <p className="muted">{say('start-unreachable')}</p>}
      {proposal.purposes.length > 0 && (
        <fieldset>
          <legend>{say('start-consents')}</legend>
          {proposal.purposes.map((purpose) => (
            <label key={purpose.id}>
              <input
                type="checkbox"
                checked={isGranted(purpose.id, purpose.granted)}
                onChange={(event) => setGranted({ ...granted, [`${node}:${purpose.id}`]: event.target.checked })}
              />
              <bdi>{purpose.id}</bdi>
            </label>
          ))}
        </fieldset>
      )}
      {proposal.values.length > 0 && (
        <fieldset>
          <legend>{say('start-values')}</legend>
          {proposal.values.map((entry) => (
            <label key={entry.key} className="simulator__field">
              <bdi>{entry.key}</bdi>
              <input
                dir="auto"
                value={valueOf(entry.key, entry.value)}
                onChange={(event) => setValues({ ...values, [`${node}:${entry.key}`]: event.target.value })}
              />
            </label>
          ))}
        </fieldset>
      )}
      <button
        type="button"
        onClick={() =>
          startFrom(
            node,
            proposal.purposes.filter((purpose) => isGranted(purpose.id, purpose.granted)).map((purpose) => purpose.id),
            proposal.values.map((entry) => ({ key: entry.key, value: valueOf(entry.key, entry.value) })),
          )
        }
      >
        {say('start-here')}
      </button>
    </details>
  );
}
