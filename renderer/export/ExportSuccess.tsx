import type { ExportDone } from './export-store.ts';
import { useExportText } from './texts.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/** Where the bundle is and the two commands that start it. */
export function ExportSuccess({ done }: { done: ExportDone }) {
  const text = useExportText();
  const folder = done.destination === 'folder' ? done.folder : done.fileName.replace(/\.zip$/, '');
  return (
    <div className="export-dialog__body export-success" role="status">
      <p className="export-success__where">
        {done.destination === 'folder'
          ? isolateNames((names) => text('written-folder', names), { folder: done.folder })
          : isolateNames((names) => text('written-download', names), { file: done.fileName })}
      </p>
      {done.destination === 'download' && (
        <p>{isolateNames((names) => text('start-unzip', names), { file: done.fileName, folder })}</p>
      )}
      <p>{text('start-commands')}</p>
      <pre className="export-success__commands" dir="ltr">
        <code>{'npm install\nnode server.js serve'}</code>
      </pre>
      <p className="muted">{text('readme-hint')}</p>
    </div>
  );
}
