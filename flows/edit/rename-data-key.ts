import { dataKey } from '../model/common.ts';
import type { Flow, FlowNode } from '../model/schema.ts';
import { applyEdit } from './apply-edit.ts';
import { usedKeys } from './used-keys.ts';
import { EditError, type Edit, type EditOp } from './types.ts';

/** Fields of a node that name one key or a list of keys, whatever the kind. */
const keyFields = new Set(['saveAs', 'send', 'share', 'key', 'var', 'to']);
/** Fields whose strings are not the flow's templates: a mock answer is the recipient's JSON, `from` a JSON path. */
const notTemplates = new Set(['mock', 'from', 'id', 'type', 'outcome', 'op']);

/**
 * Renames a data field or variable everywhere: its declaration, every `saveAs`, `send`, `share`,
 * response mapping, condition and set step, and every `{{placeholder}}` that reads it (spacing kept).
 * Refused when the new key is invalid or already in use, so renaming back undoes it exactly.
 */
export function renameDataKey(flow: Flow, from: string, to: string): Edit {
  if (from.startsWith('contact.')) throw new EditError('key-built-in', { key: from });
  if (!dataKey.safeParse(to).success) throw new EditError('key-invalid', { key: to });
  const used = usedKeys(flow);
  if (!used.has(from)) throw new EditError('key-unknown', { key: from });
  if (used.has(to)) throw new EditError('key-taken', { key: to });
  const ops: EditOp[] = [];
  for (const node of flow.nodes) {
    const renamed = renameIn(node, from, to, undefined);
    if (renamed !== node) ops.push({ op: 'replaceNode', node: renamed as FlowNode });
  }
  if (flow.data.some((field) => field.key === from)) {
    const data = flow.data.map((field) => (field.key === from ? { ...field, key: to } : field));
    ops.push({ op: 'setFlowField', key: 'data', value: data });
  }
  if (flow.variables.some((variable) => variable.key === from)) {
    const variables = flow.variables.map((variable) => (variable.key === from ? { ...variable, key: to } : variable));
    ops.push({ op: 'setFlowField', key: 'variables', value: variables });
  }
  return applyEdit(flow, { op: 'batch', ops });
}

/** A copy of the value with the key renamed, or the value itself when nothing in it reads the key. */
function renameIn(value: unknown, from: string, to: string, field: string | undefined): unknown {
  if (typeof value === 'string') {
    if (field !== undefined && keyFields.has(field)) return value === from ? to : value;
    return renamePlaceholders(value, from, to);
  }
  if (Array.isArray(value)) {
    let changed = false;
    const result = value.map((item) => {
      const next = renameIn(item, from, to, field);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? result : value;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const next = notTemplates.has(key) ? item : renameIn(item, from, to, key);
      if (next !== item) changed = true;
      result[key] = next;
    }
    return changed ? result : value;
  }
  return value;
}

/** The same pattern as flows/model/common.ts templateKeys, with the spaces kept. */
const placeholder = /\{\{(\s*)([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)(\s*)\}\}/g;

function renamePlaceholders(value: string, from: string, to: string): string {
  if (!value.includes('{{')) return value;
  return value.replace(placeholder, (whole, before: string, key: string, after: string) =>
    key === from ? `{{${before}${to}${after}}}` : whole,
  );
}
