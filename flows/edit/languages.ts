import { languageTag, type LangText } from '../model/common.ts';
import type { Flow } from '../model/schema.ts';
import { textsOf } from '../nodes/registry.ts';
import { applyEdit } from './apply-edit.ts';
import { nodeWith } from './node-fields.ts';
import { EditError, type Edit, type EditOp } from './types.ts';

/**
 * Adds a language to the flow. Its texts are not invented: the checker reports each one missing
 * (`missing-translation`) until the designer writes it.
 */
export function addFlowLanguage(flow: Flow, language: string): Edit {
  if (!languageTag.safeParse(language).success) throw new EditError('language-invalid', { language });
  if (flow.languages.includes(language)) throw new EditError('language-present', { language });
  return applyEdit(flow, { op: 'setFlowField', key: 'languages', value: [...flow.languages, language] });
}

/**
 * Removes a language from the flow and its texts in that language from every step, purpose,
 * field label and keyword list. A text written only in that language is kept, so the flow still
 * parses; the checker points at it.
 */
export function removeFlowLanguage(flow: Flow, language: string): Edit {
  if (!flow.languages.includes(language)) throw new EditError('language-absent', { language });
  if (flow.languages.length === 1) throw new EditError('last-language', { language });
  const ops: EditOp[] = [
    { op: 'setFlowField', key: 'languages', value: flow.languages.filter((tag) => tag !== language) },
  ];
  for (const node of flow.nodes) {
    let changed = node;
    for (const site of textsOf(node)) {
      const trimmed = withoutLanguage(site.text, language);
      if (trimmed !== site.text) changed = nodeWith(changed, site.path, trimmed);
    }
    if (changed !== node) ops.push({ op: 'replaceNode', node: changed });
  }
  const purposes = mapIfChanged(flow.purposes, (purpose) => trimmedFields(purpose, language, ['label', 'description']));
  if (purposes !== flow.purposes) ops.push({ op: 'setFlowField', key: 'purposes', value: purposes });
  const data = mapIfChanged(flow.data, (field) => trimmedFields(field, language, ['label']));
  if (data !== flow.data) ops.push({ op: 'setFlowField', key: 'data', value: data });
  const variables = mapIfChanged(flow.variables, (variable) => trimmedFields(variable, language, ['label']));
  if (variables !== flow.variables) ops.push({ op: 'setFlowField', key: 'variables', value: variables });
  const keywords = flow.keywords && withoutKeywords(flow.keywords, language);
  if (keywords !== flow.keywords) ops.push({ op: 'setFlowField', key: 'keywords', value: keywords });
  return applyEdit(flow, { op: 'batch', ops });
}

function withoutLanguage(text: LangText, language: string): LangText {
  if (!Object.hasOwn(text, language) || Object.keys(text).length === 1) return text;
  const { [language]: _removed, ...rest } = text;
  return rest;
}

function trimmedFields<Item extends object>(item: Item, language: string, fields: (keyof Item)[]): Item {
  let result = item;
  for (const field of fields) {
    const text = item[field];
    if (typeof text !== 'object' || text === null) continue;
    // The fields named are language maps of the item's own type.
    const trimmed = withoutLanguage(text as LangText, language);
    if (trimmed !== text) result = { ...result, [field]: trimmed };
  }
  return result;
}

function withoutKeywords(keywords: NonNullable<Flow['keywords']>, language: string): NonNullable<Flow['keywords']> {
  let result = keywords;
  for (const kind of ['human', 'erase', 'stop'] as const) {
    const lists = keywords[kind];
    if (!lists || !Object.hasOwn(lists, language)) continue;
    const { [language]: _removed, ...rest } = lists;
    result = { ...result, [kind]: rest };
  }
  return result;
}

/** Maps a list, returning the same list when no item changed. */
function mapIfChanged<Item>(list: Item[], change: (item: Item) => Item): Item[] {
  let changed = false;
  const result = list.map((item) => {
    const next = change(item);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? result : list;
}
