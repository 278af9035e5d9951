import { useSimulator } from './simulator-store.ts';
import { useSimulatorText } from './texts.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

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
          {isolateNames((names) => say('notice-started-here', names), { node: notice.node })}
        </p>
      );
    case 'step-gone':
      return (
        <div className="simulator__notice simulator__notice--warning" role="alert">
          <p>{isolateNames((names) => say('notice-step-gone', names), { node: notice.node })}</p>
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
          ? isolateNames((names) => say('replay-done', names), { node })
          : stop.reason === 'diverged'
            ? isolateNames((names) => say('replay-diverged', names), {
                node,
                expected: stop.expected,
                actual: stop.actual ?? '—',
              })
            : stop.reason === 'cannot-steer'
              ? isolateNames((names) => say('replay-cannot-steer', names), { node, outcome: stop.outcome })
              : stop.reason === 'no-connection'
                ? isolateNames((names) => say('replay-no-connection', names), { node, to: stop.to })
                : isolateNames((names) => say('replay-ended', names), { node });
      return (
        <p className="simulator__notice" role="status">
          {text}
        </p>
      );
    }
  }
}
