/**
 * A designer's words inside a sentence of the interface that can only be plain text (a notice, a
 * title), in a first-strong isolate (FSI … PDI, UAX #9): a Portuguese flow name keeps its own
 * direction inside an Arabic title, and the quotation marks around it stay where the sentence put
 * them. Where the sentence is rendered as elements, `isolateNames` uses `<bdi>` instead.
 */
export function isolated(value: string): string {
  return `\u2068${value}\u2069`;
}
