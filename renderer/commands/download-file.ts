import type { FlowFileContent } from '../../shared/api.ts';

/** Hands a file the host prepared to the browser as a download (the browser edition has no save dialog). */
export function downloadFile(file: FlowFileContent): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(url);
}
