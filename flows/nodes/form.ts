import type { UiLanguage } from '../i18n/index.ts';
import type { FlowNode } from '../model/schema.ts';

/** Words in every interface language. */
export type Words = Record<UiLanguage, string>;

/**
 * How the studio's inspector edits a field (DESIGN.md §6: the form comes from the kind's definition):
 * - `text`: a language map, one input per flow language side by side;
 * - `template`: one string that may read `{{keys}}` (a URL, a body, a set step's value);
 * - `choice`: one of `choices`; `number`: a whole number;
 * - `data-key`: a declared data field or variable, with "declare a new one"; `data-keys`: several;
 * - `purposes`: declared purposes; `recipient`: a declared recipient; `identifier`: a short id;
 * - `options`, `sections`, `rules`, `headers`, `response-mappings`, `mock`: the editors of those lists.
 */
export type Widget =
  | 'text'
  | 'template'
  | 'choice'
  | 'number'
  | 'data-key'
  | 'data-keys'
  | 'purposes'
  | 'recipient'
  | 'identifier'
  | 'options'
  | 'sections'
  | 'rules'
  | 'headers'
  | 'response-mappings'
  | 'mock';

/** One field of a kind's form: which of the kind's fields, how it is edited and what it means. */
export interface FieldForm {
  name: string;
  widget: Widget;
  label: Words;
  help: Words;
  /** The field may be left out. */
  optional?: boolean;
  /** For `choice`: the values and how each reads. */
  choices?: readonly { value: string; label: Words }[];
}

/** Where a kind sits in the palette. Start is not in the palette: a flow has exactly one. */
export type PaletteGroup = 'conversation' | 'logic' | 'privacy' | 'none';

/** What a node needs to be created: its id, place and the flow's languages and declarations. */
export interface BlankContext {
  id: string;
  position: { x: number; y: number };
  /** The flow's languages: a new step's texts are written in each. */
  languages: readonly string[];
  /** The designer's interface language, for texts in flow languages the studio does not speak. */
  ui: UiLanguage;
  purposes: readonly string[];
  recipients: readonly string[];
}

/** The editor's view of a kind: its palette entry, its form and a new step of it. */
export interface KindForm {
  type: FlowNode['type'];
  group: PaletteGroup;
  /** One line shown under the kind's name in the palette. */
  explanation: Words;
  fields: readonly FieldForm[];
  /** A new step of this kind that parses: placeholder texts the designer then overwrites. */
  blank(context: BlankContext): FlowNode;
}

/** Fills a text in every flow language: the words of that language when the studio speaks it. */
export function textInLanguages(words: Words, context: BlankContext): Record<string, string> {
  const text: Record<string, string> = {};
  for (const language of context.languages) text[language] = wordsFor(words, language, context.ui);
  return text;
}

function wordsFor(words: Words, language: string, ui: UiLanguage): string {
  const primary = language.split('-')[0]?.toLowerCase();
  if (primary === 'pt') return words['pt-BR'];
  if (primary === 'ar') return words.ar;
  if (primary === 'en') return words.en;
  return words[ui];
}

/** The shared meaning of a step's main text. */
export const messageTextField: FieldForm = {
  name: 'text',
  widget: 'text',
  label: { en: 'Message', 'pt-BR': 'Mensagem', ar: 'الرسالة' },
  help: {
    en: 'What the customer reads, in each language of the flow. {{name}} inserts a saved value.',
    'pt-BR': 'O que o cliente lê, em cada idioma do fluxo. {{nome}} insere um valor guardado.',
    ar: 'ما يقرؤه العميل بكل لغة من لغات المسار. ‎{{name}}‎ يُدرج قيمة محفوظة.',
  },
};

/** The shared meaning of `saveAs`. */
export function saveAsField(optional: boolean): FieldForm {
  return {
    name: 'saveAs',
    widget: 'data-key',
    optional,
    label: { en: 'Save the answer as', 'pt-BR': 'Guardar a resposta como', ar: 'احفظ الإجابة باسم' },
    help: {
      en: 'Where the answer is kept: a declared personal data field or a plain variable.',
      'pt-BR': 'Onde a resposta fica guardada: um dado pessoal declarado ou uma variável simples.',
      ar: 'أين تُحفظ الإجابة: حقل بيانات شخصية مُعلن أو متغير عادي.',
    },
  };
}
