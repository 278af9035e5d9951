import { useRef } from 'react';
import { importFromSystemDialog, importPickedFile } from '../commands/import-flow.ts';
import { attempt } from '../commands/report-failure.ts';
import { useText } from '../i18n/use-text.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';

/**
 * Imports a `.flow.json` file. On the desktop the system's open dialog is used (so the file joins
 * the recent files); in the browser edition, the page's file chooser.
 */
export function ImportButton() {
  const text = useText();
  const input = useRef<HTMLInputElement>(null);
  const nativeDialogs = useWorkspaceStore((state) => state.host?.nativeFileDialogs ?? false);
  return (
    <>
      <button
        type="button"
        onClick={() => (nativeDialogs ? void attempt(importFromSystemDialog) : input.current?.click())}
      >
        {text('import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void attempt(() => importPickedFile(file));
        }}
      />
    </>
  );
}
