import './export.css';
import { useEffect, useMemo } from 'react';
import { checkFlow } from '../../flows/check/index.ts';
import { documentLanguage, privacyNotice, recordsOfProcessing } from '../../flows/export/index.ts';
import { textDirection } from '../../flows/i18n/index.ts';
import { useDateTime } from '../i18n/use-text.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { CheckResult } from './CheckResult.tsx';
import { DataDiffList } from './DataDiffList.tsx';
import { closeExportDialog, downloadZip, exportToFolder } from './export-commands.ts';
import { useExportStore, type ExportReview } from './export-store.ts';
import { ExportSuccess } from './ExportSuccess.tsx';
import { MarkdownDocument } from './MarkdownDocument.tsx';
import { useExportText } from './texts.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/**
 * The Export dialog (DESIGN.md §6): the check result first, then the documents the bundle will
 * hold, the data diff since the last export, where to write it, and at the end where it is and
 * how to start it.
 */
export function ExportDialog() {
  const text = useExportText();
  const stage = useExportStore((state) => state.stage);
  useEffect(() => {
    if (stage.name === 'closed') return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && closeExportDialog();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stage.name]);
  if (stage.name === 'closed') return null;
  const flowName = stage.name === 'loading' ? '' : stage.review.document.flow.name;

  return (
    <div className="modal-backdrop">
      <div className="modal export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-dialog-title">
        <div className="modal__header">
          <h2 id="export-dialog-title">{isolateNames((names) => text('dialog-title', names), { flow: flowName })}</h2>
          <button type="button" onClick={closeExportDialog}>
            {text('close')}
          </button>
        </div>
        {stage.name === 'loading' && <p className="muted">{text('loading')}</p>}
        {stage.name === 'review' && <Review review={stage.review} busy={stage.busy} refusal={stage.refusal} />}
        {stage.name === 'done' && <ExportSuccess done={stage.done} />}
      </div>
    </div>
  );
}

function Review({ review, busy, refusal }: { review: ExportReview; busy: boolean; refusal: string | null }) {
  const text = useExportText();
  const dateTime = useDateTime();
  const language = useLanguageStore((state) => state.language);
  const nativeDialogs = useWorkspaceStore((state) => state.host?.nativeFileDialogs ?? false);
  const { flow, version, savedAt, hash } = review.document;
  const diagnostics = useMemo(() => checkFlow(flow, { language }), [flow, language]);
  const blocked = diagnostics.some((diagnostic) => diagnostic.severity === 'error');

  return (
    <div className="export-dialog__body">
      <p>{text('exporting-version', { version, savedAt: dateTime(savedAt) })}</p>
      <UnsavedChanges flowId={flow.id} />
      <CheckResult diagnostics={diagnostics} />
      {!blocked && (
        <>
          <Documents review={review} />
          <section className="export-section" aria-labelledby="export-diff-heading">
            <h3 id="export-diff-heading">{text('diff-heading')}</h3>
            <SinceLastExport review={review} />
          </section>
          <section className="export-section" aria-labelledby="export-destination-heading">
            <h3 id="export-destination-heading">{text('destination-heading')}</h3>
            <p className="muted">{text(nativeDialogs ? 'folder-explained' : 'zip-explained')}</p>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void (nativeDialogs ? exportToFolder() : downloadZip())}
            >
              {busy ? text('exporting') : text(nativeDialogs ? 'choose-folder' : 'download-zip')}
            </button>
            {refusal && (
              <p className="export-refusal" role="alert">
                {refusal}
              </p>
            )}
          </section>
        </>
      )}
      <p className="muted export-dialog__hash">SHA-256 {hash}</p>
    </div>
  );
}

/** The export takes the saved version: says so while the open flow has edits not saved yet. */
function UnsavedChanges({ flowId }: { flowId: string }) {
  const text = useExportText();
  const unsaved = useDocumentStore((state) => state.dirty && state.working?.id === flowId);
  if (!unsaved) return null;
  return (
    <p className="export-unsaved" role="status">
      {text('unsaved-changes')}
    </p>
  );
}

function SinceLastExport({ review }: { review: ExportReview }) {
  const text = useExportText();
  const dateTime = useDateTime();
  const { lastExport, lastExported, document } = review;
  if (!lastExport) return <p>{text('diff-first-export')}</p>;
  if (!lastExported) return <p>{text('diff-missing-version', { version: lastExport.version ?? '?' })}</p>;
  return (
    <>
      <p className="muted">
        {text('diff-since', { version: lastExport.version ?? '?', exportedAt: dateTime(lastExport.exportedAt) })}
      </p>
      <DataDiffList before={lastExported} after={document.flow} label={text('diff-heading')} />
    </>
  );
}

/** The privacy notice in each flow language and the record of processing, as the bundle will hold them. */
function Documents({ review }: { review: ExportReview }) {
  const text = useExportText();
  const language = useLanguageStore((state) => state.language);
  const { flow, hash } = review.document;
  const documents = useMemo(() => {
    const context = { exportedAt: new Date().toISOString(), flowHash: hash };
    return [
      ...[...new Set(flow.languages)].map((tag) => {
        const written = documentLanguage(tag).language;
        return {
          key: `privacy-notice.${tag}.md`,
          title: isolateNames((names) => text('notice-document', names), { language: tag }),
          body: privacyNotice(flow, tag, context),
          lang: written,
        };
      }),
      {
        key: 'records-of-processing.md',
        title: text('records-document'),
        body: recordsOfProcessing(flow, language, context),
        lang: language,
      },
    ];
  }, [flow, hash, language, text]);
  return (
    <section className="export-section" aria-labelledby="export-documents-heading">
      <h3 id="export-documents-heading">{text('documents-heading')}</h3>
      {documents.map((item) => (
        <details key={item.key} className="export-document">
          <summary>
            {item.title} <code>{item.key}</code>
          </summary>
          <MarkdownDocument text={item.body} lang={item.lang} dir={textDirection(item.lang)} />
        </details>
      ))}
    </section>
  );
}
