import type { UiLanguage } from '../i18n/index.ts';
import { parseFlow, type ParseError } from '../model/parse.ts';
import type { Flow } from '../model/schema.ts';

/** A problem with one field of a node, with the path below the node (`text.pt-BR`, `options[1].label`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * What the parser says about a candidate node, read against the flow's declarations: the
 * inspector shows these beside the fields and keeps the candidate out of the document.
 * An empty list means the node may be written.
 */
export function validateNode(flow: Flow, candidate: unknown, language: UiLanguage = 'en'): FieldProblem[] {
  const probe = { ...flow, nodes: [candidate], edges: [] };
  const result = parseFlow(probe, { language });
  if (result.ok) return [];
  return result.errors.filter((error) => error.path.startsWith('$.nodes[0]')).map((error) => fieldProblem(error));
}

function fieldProblem(error: ParseError): FieldProblem {
  return { path: error.path.slice('$.nodes[0]'.length).replace(/^\./, ''), message: error.message };
}
