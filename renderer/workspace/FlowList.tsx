import { attempt } from '../commands/report-failure.ts';
import { openFlow } from '../commands/open-flow.ts';
import { useDateTime, useText } from '../i18n/use-text.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { withLanguageCodes } from '../bidi/language-codes.tsx';

/** The workspace's flows, most recently saved first. */
export function FlowList() {
  const text = useText();
  const language = useLanguageStore((state) => state.language);
  const dateTime = useDateTime();
  const flows = useWorkspaceStore((state) => state.flows);
  const openId = useDocumentStore((state) => state.shown?.flow.id);
  return (
    <nav className="flow-list" aria-labelledby="flows-heading">
      <h2 id="flows-heading">{text('flows-heading')}</h2>
      {flows.length === 0 ? (
        <p className="muted">{text('flows-empty')}</p>
      ) : (
        <ul>
          {flows.map((flow) => (
            <li key={flow.id}>
              <button
                type="button"
                className="flow-list__item"
                aria-current={flow.id === openId ? 'true' : undefined}
                onClick={() => void attempt(() => openFlow(flow.id))}
              >
                <span className="flow-list__name" dir="auto">
                  {flow.name}
                </span>
                <span className="flow-list__meta">
                  {withLanguageCodes(
                    (languages) => text('flow-meta', { version: flow.version, nodes: flow.nodeCount, languages }),
                    flow.languages,
                    language,
                  )}
                </span>
                <time className="flow-list__meta" dateTime={flow.savedAt}>
                  {dateTime(flow.savedAt)}
                </time>
                {flow.hasDraft && <span className="badge">{text('unsaved-badge')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
