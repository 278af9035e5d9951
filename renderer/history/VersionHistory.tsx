import type { VersionSummary } from '../../shared/api.ts';
import { openFlow, showVersion } from '../commands/open-flow.ts';
import { attempt } from '../commands/report-failure.ts';
import { restoreVersion } from '../commands/restore-version.ts';
import { useDateTime, useText } from '../i18n/use-text.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { ExportLog } from '../export/ExportLog.tsx';
import { VersionDataDiff } from '../export/VersionDataDiff.tsx';

/** The open flow's versions, newest first: look at any of them, restore an older one. */
export function VersionHistory() {
  const text = useText();
  const dateTime = useDateTime();
  const { shown, currentVersion, versions } = useDocumentStore();
  if (!shown || currentVersion === null) return null;
  const viewingOld = shown.version !== currentVersion;

  const origin = (version: VersionSummary) =>
    version.origin === 'restore'
      ? text('origin-restore', { from: version.restoredFrom ?? '?' })
      : text(`origin-${version.origin}`);

  return (
    <aside className="history" id="history" tabIndex={-1} aria-labelledby="history-heading">
      <h2 id="history-heading">{text('history-heading')}</h2>
      {viewingOld && (
        <div className="history__viewing" role="status">
          <p>{text('viewing-old', { version: shown.version, current: currentVersion })}</p>
          <button type="button" onClick={() => void attempt(() => restoreVersion(shown.version))}>
            {text('restore')}
          </button>
          <button type="button" onClick={() => void attempt(() => openFlow(shown.flow.id))}>
            {text('back-to-current')}
          </button>
        </div>
      )}
      <ol>
        {versions.map((version) => (
          <li key={version.version}>
            <button
              type="button"
              className="history__version"
              aria-current={version.version === shown.version ? 'true' : undefined}
              onClick={() => void attempt(() => showVersion(version.version))}
            >
              <span>
                {text('version-name', { version: version.version })}
                {version.version === currentVersion && <em> · {text('current-version')}</em>}
              </span>
              <span className="muted">{origin(version)}</span>
              <time className="muted" dateTime={version.savedAt}>
                {dateTime(version.savedAt)}
              </time>
            </button>
          </li>
        ))}
      </ol>
      <VersionDataDiff shown={shown} currentVersion={currentVersion} />
      <ExportLog flowId={shown.flow.id} />
    </aside>
  );
}
