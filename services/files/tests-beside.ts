import { basename, dirname, join } from 'node:path';
import { transcriptFileName } from '../../flows/engine/index.ts';

/**
 * Where a flow file's transcript tests are kept on disk: beside it, named by `transcriptFileName`
 * (`X.transcript.json` beside `X.flow.json`, the convention `amana test` reads).
 */
export function testsFileBeside(flowPath: string): string {
  return join(dirname(flowPath), transcriptFileName(basename(flowPath)));
}
