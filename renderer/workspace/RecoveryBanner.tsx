import { discardDraft, recoverDraft } from '../commands/drafts.ts';
import { attempt } from '../commands/report-failure.ts';
import { useDateTime, useText } from '../i18n/use-text.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/** Unsaved work found in the workspace (after a crash): keep it as a version, or discard it. */
export function RecoveryBanner() {
  const text = useText();
  const dateTime = useDateTime();
  const drafts = useWorkspaceStore((state) => state.drafts);
  if (drafts.length === 0) return null;
  return (
    <section className="recovery" role="region" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{text('recovery-heading')}</h2>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.flowId}>
            <span>
              {isolateNames((names) => text('recovery-item', { ...names, time: dateTime(draft.savedAt) }), {
                name: draft.name,
              })}
            </span>
            <button type="button" onClick={() => void attempt(() => recoverDraft(draft.flowId, draft.name))}>
              {text('recover')}
            </button>
            <button type="button" onClick={() => void attempt(() => discardDraft(draft.flowId))}>
              {text('discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
