import { useText } from '../i18n/use-text.ts';
import { useNoticesStore, type NoticeText } from '../stores/notices-store.ts';

/** The last thing the studio has to tell: a confirmation, or a failure with every problem listed. */
export function NoticeBar() {
  const text = useText();
  const notice = useNoticesStore((state) => state.notice);
  const dismiss = useNoticesStore((state) => state.dismiss);
  if (!notice) return null;
  const say = (line: NoticeText) => ('key' in line ? text(line.key, line.params) : line.worded);
  return (
    <section className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      {/* A host's words may be in another language than the page's (a notice kept across a switch). */}
      <p dir="auto">{[notice.text, ...(notice.more ?? [])].map(say).join(' ')}</p>
      {notice.problems && notice.problems.length > 0 && (
        <ul className="notice__problems" aria-label={text('problems-heading')}>
          {notice.problems.map((problem, index) => (
            <li key={`${problem.path}-${index}`}>
              <code dir="ltr">{problem.path}</code> {problem.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={dismiss}>
        {text('dismiss')}
      </button>
    </section>
  );
}
