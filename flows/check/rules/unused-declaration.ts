import { isBuiltIn } from '../inventory.ts';
import { defineRule } from '../rule.ts';

/**
 * DESIGN.md §3 `unused-declaration`: a field of `data` that no node collects. A built-in
 * (`contact.phone`, `contact.name`) is never collected, only read: its declaration is used when
 * some node stores or sends it.
 */
export const unusedDeclaration = defineRule({
  id: 'unused-declaration',
  severity: 'warning',
  title: {
    en: 'Declared personal data is never collected',
    'pt-BR': 'Um dado pessoal declarado nunca é coletado',
    ar: 'بيانات شخصية مُعرَّفة لا تُجمع أبدًا',
  },
  help: {
    en: 'The privacy notice lists every declared field, so a field the flow never collects tells customers about data you do not take. Remove it, or add the step that asks for it.',
    'pt-BR':
      'O aviso de privacidade lista todos os campos declarados, então um campo que o fluxo nunca coleta informa aos clientes um dado que você não pega. Remova-o, ou adicione o passo que o pede.',
    ar: 'يسرد إشعار الخصوصية كل الحقول المُعرَّفة، فالحقل الذي لا يجمعه المسار يُخبر العملاء ببيانات لا تأخذها. احذفه، أو أضف الخطوة التي تطلبه.',
  },
  messages: {
    en: {
      field:
        '{field} is declared under Data, but no step collects it. Remove the declaration, or add the step that asks for it.',
      'built-in': '{field} ({key}) is declared under Data, but no step stores or sends it. Remove the declaration.',
    },
    'pt-BR': {
      field:
        '{field} está declarado em Dados, mas nenhum passo o coleta. Remova a declaração, ou adicione o passo que o pede.',
      'built-in': '{field} ({key}) está declarado em Dados, mas nenhum passo o guarda ou envia. Remova a declaração.',
    },
    ar: {
      field: '{field} مُعرَّف في «البيانات»، لكن لا توجد خطوة تجمعه. احذف التعريف، أو أضف الخطوة التي تطلبه.',
      'built-in': '{field} ({key}) مُعرَّف في «البيانات»، لكن لا توجد خطوة تخزّنه أو ترسله. احذف التعريف.',
    },
  },
  check({ flow, graph, naming }, report) {
    const collected = new Set<string>();
    const usedBuiltIns = new Set<string>();
    for (const list of [graph.collecting, graph.sharing])
      for (let at = 0; at < list.length; at += 1) {
        const facts = graph.facts[list[at]!]!;
        let computes = false;
        for (let i = 0; i < facts.collects.length; i += 1) {
          const collection = facts.collects[i]!;
          collected.add(collection.key);
          if (collection.source === 'computed') computes = true;
        }
        for (let i = 0; i < facts.shares.length; i += 1) {
          const keys = facts.shares[i]!.keys;
          for (let k = 0; k < keys.length; k += 1) usedBuiltIns.add(keys[k]!);
        }
        if (computes) for (const key of graph.reads[list[at]!] ?? []) usedBuiltIns.add(key);
      }
    for (const field of flow.data) {
      const params = { field: naming.field(field.key), key: naming.quote(field.key) };
      if (isBuiltIn(field.key)) {
        if (!usedBuiltIns.has(field.key) && !collected.has(field.key))
          report({ message: 'built-in', dataKey: field.key, params });
      } else if (!collected.has(field.key)) report({ message: 'field', dataKey: field.key, params });
    }
  },
});
