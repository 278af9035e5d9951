import { computes } from '../graph.ts';
import { isBuiltIn, isDeclared } from '../inventory.ts';
import { defineRule } from '../rule.ts';
import { item, firstOf, endOf } from '../lists.ts';

/**
 * DESIGN.md §3 `undeclared-data`: a node stores a value under a key declared in neither `data`
 * nor `variables`. Also a node that computes what it stores from the built-in `contact.phone` /
 * `contact.name` (a `set` copying them) without a declaration of that built-in in `data`:
 * DESIGN.md §2 requires one for reading them in a node that stores data.
 */
export const undeclaredData = defineRule({
  id: 'undeclared-data',
  severity: 'error',
  title: {
    en: 'A step stores data that is not declared',
    'pt-BR': 'Um passo guarda um dado que não foi declarado',
    ar: 'خطوة تخزّن بيانات غير مُعرَّفة',
  },
  help: {
    en: 'Everything the bot keeps must be in the data inventory: personal data under Data, with its purpose, legal basis and retention; anything else (a menu choice, a product code) under Variables.',
    'pt-BR':
      'Tudo o que o robô guarda precisa estar no inventário: dados pessoais em Dados, com finalidade, base legal e prazo de retenção; o resto (uma opção de menu, um código de produto) em Variáveis.',
    ar: 'كل ما يحتفظ به المساعد يجب أن يكون في جرد البيانات: البيانات الشخصية في «البيانات» مع الغرض والأساس القانوني ومدة الاحتفاظ، وما سواها (اختيار من قائمة، رمز منتج) في «المتغيرات».',
  },
  messages: {
    en: {
      answer:
        "The step {node} saves the customer's answer as {key}, which is declared neither under Data nor under Variables. Declare it under Data, with its purpose, legal basis and retention, or under Variables if it is not personal.",
      choice:
        "The step {node} saves the customer's choice as {key}, which is declared neither under Data nor under Variables. Declare it under Variables (or under Data if it says something personal).",
      response:
        'The step {node} saves a value from the response as {key}, which is declared neither under Data nor under Variables. Declare it under Data if it is about the customer, otherwise under Variables.',
      computed:
        'The step {node} stores a value as {key}, which is declared neither under Data nor under Variables. Declare it under Data if it is about the customer, otherwise under Variables.',
      'built-in':
        'The step {node} stores {field} without declaring it. Add a field with the key {key} under Data, with its purpose, legal basis and retention.',
    },
    'pt-BR': {
      answer:
        'O passo {node} guarda a resposta do cliente como {key}, que não está declarado em Dados nem em Variáveis. Declare-o em Dados, com finalidade, base legal e prazo de retenção, ou em Variáveis se não for um dado pessoal.',
      choice:
        'O passo {node} guarda a opção escolhida pelo cliente como {key}, que não está declarado em Dados nem em Variáveis. Declare-o em Variáveis (ou em Dados, se revelar algo pessoal).',
      response:
        'O passo {node} guarda um valor da resposta como {key}, que não está declarado em Dados nem em Variáveis. Declare-o em Dados se for sobre o cliente; caso contrário, em Variáveis.',
      computed:
        'O passo {node} guarda um valor como {key}, que não está declarado em Dados nem em Variáveis. Declare-o em Dados se for sobre o cliente; caso contrário, em Variáveis.',
      'built-in':
        'O passo {node} guarda {field} sem declará-lo. Adicione em Dados um campo com a chave {key}, com finalidade, base legal e prazo de retenção.',
    },
    ar: {
      answer:
        'الخطوة {node} تحفظ إجابة العميل باسم {key}، وهو غير مُعرَّف في «البيانات» ولا في «المتغيرات». عرّفه في «البيانات» مع الغرض والأساس القانوني ومدة الاحتفاظ، أو في «المتغيرات» إن لم يكن بيانات شخصية.',
      choice:
        'الخطوة {node} تحفظ اختيار العميل باسم {key}، وهو غير مُعرَّف في «البيانات» ولا في «المتغيرات». عرّفه في «المتغيرات» (أو في «البيانات» إن كان يكشف أمرًا شخصيًا).',
      response:
        'الخطوة {node} تحفظ قيمة من الرد باسم {key}، وهو غير مُعرَّف في «البيانات» ولا في «المتغيرات». عرّفه في «البيانات» إن كان يخص العميل، وإلا ففي «المتغيرات».',
      computed:
        'الخطوة {node} تخزّن قيمة باسم {key}، وهو غير مُعرَّف في «البيانات» ولا في «المتغيرات». عرّفه في «البيانات» إن كان يخص العميل، وإلا ففي «المتغيرات».',
      'built-in':
        'الخطوة {node} تخزّن {field} دون تعريفه. أضف في «البيانات» حقلًا بالمفتاح {key} مع الغرض والأساس القانوني ومدة الاحتفاظ.',
    },
  },
  check({ graph, inventory, naming }, report) {
    for (let at = 0; at < graph.collecting.length; at += 1) {
      const node = item(graph.collecting, at);
      const reported: string[] = [];
      for (let at = firstOf(graph.collectStart, node); at < endOf(graph.collectStart, node); at += 1) {
        const collection = item(graph.collections, at);
        const key = collection.key;
        if (reported.includes(key)) continue;
        if (isBuiltIn(key) ? inventory.fields.has(key) : isDeclared(inventory, key)) continue;
        reported.push(key);
        const builtIn = isBuiltIn(key);
        report({
          message: builtIn ? 'built-in' : collection.source,
          node,
          dataKey: key,
          params: { key: naming.quote(key), field: naming.field(key) },
        });
      }
      // A computed value built from the built-ins stores them (DESIGN.md §2).
      if (!computes(graph, node)) continue;
      for (let at = firstOf(graph.readStart, node); at < endOf(graph.readStart, node); at += 1) {
        const key = item(graph.reads, at);
        if (!isBuiltIn(key) || inventory.fields.has(key) || reported.includes(key)) continue;
        reported.push(key);
        report({
          message: 'built-in',
          node,
          dataKey: key,
          params: { key: naming.quote(key), field: naming.field(key) },
        });
      }
    }
  },
});
