import type { Flow } from './schema.ts';

/** Writes a flow as the file designers keep in version control: two-space JSON and a final newline. */
export function serializeFlow(flow: Flow): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}
