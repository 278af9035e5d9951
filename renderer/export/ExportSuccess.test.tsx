import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../shared/api.ts';
import { ExportSuccess } from './ExportSuccess.tsx';

// The record is not shown by the success message; only where the bot went is.
const record = {} as ExportRecord;

/**
 * The export's success message names the folder or the zip file the designer chose, each in an
 * isolate of its own (`<bdi>`), so a Latin path keeps its order inside an Arabic sentence (the
 * Arabic rendering is proved in test/e2e/isolated-names.test.ts).
 */
describe('the export’s success message', () => {
  it('isolates the folder the bot was written to', () => {
    const html = renderToStaticMarkup(
      <ExportSuccess done={{ destination: 'folder', folder: '/home/ana/Bots/clínica (2)', record }} />,
    );
    expect(html).toContain('The bot was written to <bdi>/home/ana/Bots/clínica (2)</bdi>.');
  });

  it('isolates the zip file and the folder inside it', () => {
    const html = renderToStaticMarkup(
      <ExportSuccess done={{ destination: 'download', fileName: 'clinica-bot.zip', record }} />,
    );
    expect(html).toContain('The bot was downloaded as <bdi>clinica-bot.zip</bdi>.');
    expect(html).toContain(
      'Unzip it first: unzip <bdi>clinica-bot.zip</bdi>, then go into the folder <bdi>clinica-bot</bdi>.',
    );
  });
});
