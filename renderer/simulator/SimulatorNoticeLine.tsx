import { useSimulator } from './simulator-store.ts';
import { useSimulatorText } from './texts.ts';

/** What happened to the rehearsal: the flow was edited, its step is gone, a path was replayed. */
export function SimulatorNoticeLine() {
  const say = useSimulatorText();
  const notice = useSimulator((state) => state.notice);
  const restart = useSimulator((state) => state.restart);
  if (!notice) return null;
  switch (notice.kind) {
    case 'edited':
      return (
        <p className="simulator__notice" role="status">
          {say('notice-edited')}
        </p>
      );
    case 'started-here':
      return (
        <p className="simulator__notice" role="status">
          {say('notice-started-here', { node: notice.node })}
        </p>
      );
    case 'step-gone':
      return (
        <div className="simulator__notice simulator__notice--warning" role="alert">
          <p>{say('notice-step-gone', { node: notice.node })}</p>
          <button type="button" onClick={restart}>
            {say('restart')}
          </button>
        </div>
      );
    case 'replayed': {
      const node = notice.reached ?? '—';
      const stop = notice.stop;
      const text =
        stop.reason === 'done'
          ? say('replay-done', { node })
          : stop.reason === 'diverged'
            ? say('replay-diverged', { node, expected: stop.expected, actual: stop.actual ?? '—' })
            : stop.reason === 'cannot-steer'
              ? say('replay-cannot-steer', { node, outcome: stop.outcome })
              : stop.reason === 'no-connection'
                ? say('replay-no-connection', { node, to: stop.to })
                : say('replay-ended', { node });
      return (
        <p className="simulator__notice" role="status">
          {text}
        </p>
      );
    }
  }
}
