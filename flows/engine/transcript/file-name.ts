/** A flow file's name ends in `.flow.json`, in any letter case (`Agenda.FLOW.JSON` too). */
const flowSuffix = /\.flow\.json$/i;

/**
 * The name of the file that keeps a flow file's transcript tests, beside it: `X.transcript.json`
 * for `X.flow.json` (the suffix in any letter case, since Windows and macOS file names ignore it),
 * and for a flow file named otherwise (`X.json`, `X`) too. A name that is the suffix alone keeps it.
 * The studio's import and export of tests and `amana test` both follow it; it takes a file name, and
 * the caller puts it in the flow file's folder.
 */
export function transcriptFileName(flowFileName: string): string {
  const stem = flowFileName.replace(flowSuffix, '').replace(/\.json$/i, '');
  return `${stem || flowFileName}.transcript.json`;
}

/** Whether a file name is a flow file's (`.flow.json` in any letter case), as `amana test` finds them in a folder. */
export function isFlowFileName(fileName: string): boolean {
  return flowSuffix.test(fileName);
}
