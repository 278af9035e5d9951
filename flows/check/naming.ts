import { listOf, translator, type Catalogue, type UiLanguage } from '../i18n/index.ts';
import { localText } from '../i18n/lang-text.ts';
import type { LangText } from '../model/common.ts';
import type { Flow, FlowNode } from '../model/schema.ts';
import type { TextSite } from '../nodes/kind.ts';
import { findKind } from '../nodes/registry.ts';
import { isBuiltIn, type Inventory } from './inventory.ts';

/**
 * How messages name things for a designer who does not read ids: a step by the first words of its
 * text (in the message's language when the flow has it, else the flow's first language), a field
 * or purpose by its label, a path as the steps it goes through.
 */
export interface Naming {
  node(index: number): string;
  path(indexes: readonly number[]): string;
  field(key: string): string;
  fields(keys: readonly string[]): string;
  purposes(ids: readonly string[]): string;
  recipient(id: string): string;
  /** A designer's text in the message's language (or the closest the flow has). */
  text(value: LangText): string;
  quote(value: string): string;
  list(items: readonly string[]): string;
  /** Items joined by "or". */
  alternatives(items: readonly string[]): string;
  kindLabel(type: string): string;
}

const words: Catalogue<'phone' | 'name' | 'more' | 'or'> = {
  en: {
    phone: "the customer's WhatsApp number",
    name: "the customer's WhatsApp name",
    more: '{count} more',
    or: ' or ',
  },
  'pt-BR': {
    phone: 'o número de WhatsApp do cliente',
    name: 'o nome de perfil do WhatsApp do cliente',
    more: 'mais {count}',
    or: ' ou ',
  },
  ar: { phone: 'رقم واتساب العميل', name: 'اسم العميل في واتساب', more: '{count} أخرى', or: ' أو ' },
};
const say = translator(words);

/** Longest name a step gets in a message, in words and in characters. */
const nameWords = 6;
const nameChars = 40;
/** Paths longer than this show their first and last steps around a count of the rest. */
const pathHead = 3;
const pathTail = 3;

export function namingFor(
  flow: Flow,
  inventory: Inventory,
  language: UiLanguage,
  textsOf: (index: number) => readonly TextSite[],
): Naming {
  const quote = (value: string) => (language === 'ar' ? `«${value}»` : `“${value}”`);
  const text = (value: LangText) => localText(value, language, flow.languages);
  const kindLabel = (type: string) => findKind(type)?.label[language] ?? type;
  const names = new Map<number, string>();

  const node = (index: number): string => {
    const cached = names.get(index);
    if (cached !== undefined) return cached;
    const step: FlowNode | undefined = flow.nodes[index];
    let name = '?';
    if (step) {
      const first = textsOf(index)[0];
      if (first) name = quote(firstWords(text(first.text)));
      else if (step.type === 'start') name = kindLabel(step.type);
      else name = `${kindLabel(step.type)} ${quote(step.id)}`;
    }
    names.set(index, name);
    return name;
  };

  const arrow = language === 'ar' ? ' ← ' : ' → ';
  const path = (indexes: readonly number[]): string => {
    const steps = indexes.map(node);
    if (steps.length <= pathHead + pathTail + 1) return steps.join(arrow);
    const hidden = steps.length - pathHead - pathTail;
    return [
      ...steps.slice(0, pathHead),
      `… (${say(language, 'more', { count: hidden })}) …`,
      ...steps.slice(-pathTail),
    ].join(arrow);
  };

  const field = (key: string): string => {
    const declared = inventory.fields.get(key);
    if (declared) return quote(text(declared.label));
    if (isBuiltIn(key)) return say(language, key === 'contact.phone' ? 'phone' : 'name');
    return quote(`{{${key}}}`);
  };

  const alternatives = (items: readonly string[]) => items.join(say(language, 'or'));
  const purposes = (ids: readonly string[]) =>
    alternatives(
      ids.map((id) => {
        const purpose = inventory.purposes.get(id);
        return quote(purpose ? text(purpose.label) : id);
      }),
    );

  return {
    node,
    path,
    field,
    fields: (keys) => listOf(language, keys.map(field)),
    purposes,
    recipient: (id) => quote(inventory.recipients.get(id)?.name ?? id),
    text,
    quote,
    list: (items) => listOf(language, items),
    alternatives,
    kindLabel,
  };
}

/** The first few words of a text on one line, with an ellipsis when cut. */
export function firstWords(value: string): string {
  const all = value.replace(/\s+/g, ' ').trim().split(' ');
  let shown = '';
  let count = 0;
  for (const word of all) {
    const next = shown ? `${shown} ${word}` : word;
    if (count === nameWords || (shown && [...next].length > nameChars)) return `${shown}…`;
    shown = next;
    count += 1;
  }
  return shown;
}
