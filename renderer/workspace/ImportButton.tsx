import { importPickedFile } from '../commands/import-flow.ts';
import { attempt } from '../commands/report-failure.ts';

/**
 * The page's file chooser for importing a `.flow.json` file. The toolbar's "Import flow…" action
 * opens it in the browser edition; on the desktop the action uses the system's open dialog
 * instead (so the file joins the recent files).
 */
export function ImportButton() {
  return (
    <input
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
  );
}
