import { useEffect } from 'react';
import { attempt } from '../commands/report-failure.ts';
import { useDateTime } from '../i18n/use-text.ts';
import { loadExportLog } from './export-commands.ts';
import { useExportStore } from './export-store.ts';
import { useExportText } from './texts.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/** The workspace's audit log of this flow's exports: when, which version, where, and the check's counts. */
export function ExportLog({ flowId }: { flowId: string }) {
  const text = useExportText();
  const dateTime = useDateTime();
  const log = useExportStore((state) => state.log);
  useEffect(() => void attempt(() => loadExportLog(flowId)), [flowId]);
  return (
    <section className="export-log" aria-labelledby="export-log-heading">
      <h3 id="export-log-heading">{text('log-heading')}</h3>
      {log.length === 0 ? (
        <p className="muted">{text('log-empty')}</p>
      ) : (
        <ol>
          {log.map((record) => (
            <li key={record.id}>
              <time dateTime={record.exportedAt}>{dateTime(record.exportedAt)}</time>
              <span>
                {isolateNames(
                  (names) =>
                    text(record.destination === 'download' ? 'log-entry-download' : 'log-entry-folder', {
                      ...names,
                      version: record.version ?? '?',
                    }),
                  { folder: record.folder },
                )}
              </span>
              <span className="muted">
                {isolateNames(
                  (names) =>
                    text('log-summary', {
                      ...names,
                      errors: record.checker.errors,
                      warnings: record.checker.warnings,
                    }),
                  { hash: record.flowHash.slice(0, 12) },
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
