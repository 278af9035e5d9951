import { computes } from '../graph.ts';
import { isBuiltIn } from '../inventory.ts';
import { defineRule } from '../rule.ts';
import { item, firstOf, endOf } from '../lists.ts';

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
    for (let at = 0; at < graph.collections.length; at += 1) collected.add(item(graph.collections, at).key);
    for (let at = 0; at < graph.shares.length; at += 1)
      for (const key of item(graph.shares, at).keys) usedBuiltIns.add(key);
    // A computed value reads what it is made of: a `set` copying a built-in stores it.
    for (let at = 0; at < graph.collecting.length; at += 1) {
      const node = item(graph.collecting, at);
      if (!computes(graph, node)) continue;
      for (let read = firstOf(graph.readStart, node); read < endOf(graph.readStart, node); read += 1)
        usedBuiltIns.add(item(graph.reads, read));
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
