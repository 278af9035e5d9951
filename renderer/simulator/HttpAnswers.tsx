import type { HttpAnswer } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';
import { useSimulator } from './simulator-store.ts';
import { useSimulatorText } from './texts.ts';

/** Error statuses a designer most often rehearses: refused, missing, broken, overloaded. */
const statuses = [400, 404, 500, 503];

/** How each http step's recipient answers in this rehearsal: its mock, a network error, or an error status. */
export function HttpAnswers({ flow }: { flow: Flow }) {
  const say = useSimulatorText();
  const answers = useSimulator((state) => state.setup.http);
  const setHttpAnswer = useSimulator((state) => state.setHttpAnswer);
  const steps = flow.nodes.filter((node) => node.type === 'http');
  if (steps.length === 0) return null;
  const valueOf = (answer: HttpAnswer | undefined) =>
    answer === undefined ? 'mock' : answer.error !== undefined ? 'error' : String(answer.status ?? 'mock');
  const answerOf = (value: string): HttpAnswer | null =>
    value === 'mock' ? null : value === 'error' ? { error: 'network error' } : { status: Number(value) };
  return (
    <details className="simulator__section">
      <summary>{say('http-heading')}</summary>
      {steps.map((step) => (
        <label key={step.id} className="simulator__field">
          <bdi>{step.id}</bdi>
          <select
            value={valueOf(answers[step.id])}
            onChange={(event) => setHttpAnswer(step.id, answerOf(event.target.value))}
          >
            <option value="mock">{say('http-mock')}</option>
            <option value="error">{say('http-error')}</option>
            {statuses.map((status) => (
              <option key={status} value={String(status)}>
                {say('http-status', { status })}
              </option>
            ))}
          </select>
        </label>
      ))}
    </details>
  );
}
