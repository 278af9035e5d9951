/** What a new version of a flow changes for customers' personal data (DESIGN.md §6), in plain sentences. */
export {
  dataDiff,
  type DataChange,
  type DataChangeKind,
  type DataDiff,
  type FieldRef,
  type StepRef,
} from './data-diff.ts';
export { describeChange, describeDataDiff, describeNotice } from './describe.ts';
