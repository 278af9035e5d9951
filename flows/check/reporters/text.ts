import type { Diagnostic } from '../diagnostic.ts';

/**
 * The human text report (DESIGN.md §3): one line per finding, `file:node: severity rule message`,
 * then its witness path as node ids, which a designer can look up and the simulator replay.
 * Severity and rule id stay in English whatever the language, so scripts can grep them.
 */
export function formatText(file: string, diagnostics: readonly Diagnostic[]): string[] {
  const lines: string[] = [];
  for (const diagnostic of diagnostics) {
    const where = diagnostic.nodeId ?? (diagnostic.edgeId === undefined ? undefined : `edge ${diagnostic.edgeId}`);
    const location = where === undefined ? `${file}:` : `${file}:${where}:`;
    lines.push(`${location} ${diagnostic.severity} ${diagnostic.rule} ${diagnostic.message}`);
    if (diagnostic.path && diagnostic.path.length > 0) lines.push(`  path: ${diagnostic.path.join(' → ')}`);
  }
  return lines;
}
