/** What a new version of a flow changes for customers' personal data (DESIGN.md §6), in plain sentences. */
export { dataDiff } from './data-diff.ts';
export { describeDataDiff, describeNotice } from './describe.ts';
