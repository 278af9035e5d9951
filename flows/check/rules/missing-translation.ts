import type { LangText } from '../../model/common.ts';
import type { Keywords } from '../../model/schema.ts';
import { hasKeyword } from '../inventory.ts';
import { defineRule } from '../rule.ts';
import { item } from '../lists.ts';

const complete: readonly string[] = [];

/** The flow languages a text lacks (allocating only when some are missing). */
function missingFrom(text: LangText | undefined, languages: readonly string[]): readonly string[] {
  if (text === undefined) return complete;
  let missing = 0;
  for (let at = 0; at < languages.length; at += 1) if (!(item(languages, at) in text)) missing += 1;
  return missing === 0 ? complete : languages.filter((language) => !(language in text));
}

const keywordGroups: readonly (keyof Keywords)[] = ['human', 'erase', 'stop'];

/**
 * DESIGN.md §3 `missing-translation`: a text lacks one of the flow's `languages`. Checked in every
 * text a customer reads: node texts and labels, purpose labels and descriptions (consent and the
 * privacy notice), data labels (the privacy notice) and each keyword group that is set.
 */
export const missingTranslation = defineRule({
  id: 'missing-translation',
  severity: 'warning',
  title: {
    en: 'A text is missing in one of the flow’s languages',
    'pt-BR': 'Falta um texto em um dos idiomas do fluxo',
    ar: 'نص ناقص في إحدى لغات المسار',
  },
  help: {
    en: 'A customer who writes in one of the flow’s languages gets every text in that language. Add the missing translations, or remove the language from the flow.',
    'pt-BR':
      'O cliente que escreve num dos idiomas do fluxo recebe todos os textos nesse idioma. Adicione as traduções que faltam, ou tire o idioma do fluxo.',
    ar: 'العميل الذي يكتب بإحدى لغات المسار يتلقى كل النصوص بتلك اللغة. أضف الترجمات الناقصة أو احذف اللغة من المسار.',
  },
  messages: {
    en: {
      node: 'The step {node} has no {languages} version of {count} of its texts. Add the translation, or customers writing in {languages} will read another language.',
      purpose:
        'The purpose {name} is not written in {languages}. Add the translation: customers read it when asked for consent and in the privacy notice.',
      field:
        'The data field {name} is not written in {languages}. Add the translation: customers read it in the privacy notice.',
      keywords:
        'The {group} keywords have no words in {languages}, so customers writing in {languages} cannot use them. Add them.',
    },
    'pt-BR': {
      node: 'O passo {node} não tem versão em {languages} de {count} dos seus textos. Adicione a tradução, senão clientes que escrevem em {languages} lerão outro idioma.',
      purpose:
        'A finalidade {name} não está escrita em {languages}. Adicione a tradução: o cliente a lê ao dar consentimento e no aviso de privacidade.',
      field:
        'O campo de dados {name} não está escrito em {languages}. Adicione a tradução: o cliente o lê no aviso de privacidade.',
      keywords:
        'As palavras-chave {group} não têm palavras em {languages}, então clientes que escrevem em {languages} não conseguem usá-las. Adicione-as.',
    },
    ar: {
      node: 'الخطوة {node} ليس لها نسخة بلغة {languages} في {count} من نصوصها. أضف الترجمة، وإلا قرأ العملاء الذين يكتبون بلغة {languages} لغةً أخرى.',
      purpose:
        'الغرض {name} غير مكتوب بلغة {languages}. أضف الترجمة، فالعميل يقرؤه عند طلب موافقته وفي إشعار الخصوصية.',
      field: 'حقل البيانات {name} غير مكتوب بلغة {languages}. أضف الترجمة، فالعميل يقرؤه في إشعار الخصوصية.',
      keywords:
        'الكلمات المفتاحية {group} ليس لها كلمات بلغة {languages}، فلا يستطيع العملاء الذين يكتبون بها استخدامها. أضفها.',
    },
  },
  check({ flow, textSurvey, naming }, report) {
    const languages = flow.languages;
    const names = (tags: readonly string[]) => naming.list([...tags]);
    for (const { node, languages: lacking, count } of textSurvey().untranslated)
      report({ message: 'node', node, params: { languages: names(lacking), count } });
    for (const purpose of flow.purposes) {
      const lacking = [
        ...new Set([...missingFrom(purpose.label, languages), ...missingFrom(purpose.description, languages)]),
      ];
      if (lacking.length > 0)
        report({
          message: 'purpose',
          params: { name: naming.quote(naming.text(purpose.label)), languages: names(lacking) },
        });
    }
    for (const field of flow.data) {
      const lacking = missingFrom(field.label, languages);
      if (lacking.length > 0)
        report({
          message: 'field',
          dataKey: field.key,
          params: { name: naming.field(field.key), languages: names(lacking) },
        });
    }
    for (const group of keywordGroups) {
      if (!hasKeyword(flow.keywords, group)) continue;
      const words = flow.keywords?.[group] ?? {};
      const lacking = languages.filter((language) => (words[language] ?? []).length === 0);
      if (lacking.length > 0)
        report({ message: 'keywords', params: { group: naming.quote(group), languages: names(lacking) } });
    }
  },
});
