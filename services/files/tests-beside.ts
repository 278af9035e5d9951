import { basename, dirname, join } from 'node:path';

/**
 * Where a flow file's transcript tests are kept on disk: `X.transcript.json` beside `X.flow.json`
 * (the convention `amana test` reads). A flow file named otherwise (`X.json`, `X`) keeps its tests
 * in `X.transcript.json` too.
 */
export function testsFileBeside(flowPath: string): string {
  const name = basename(flowPath);
  const stem = name.replace(/\.flow\.json$/i, '').replace(/\.json$/i, '');
  return join(dirname(flowPath), `${stem || name}.transcript.json`);
}
