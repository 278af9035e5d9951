import { defineRule } from '../rule.ts';
import { item, firstOf, endOf } from '../lists.ts';

/**
 * DESIGN.md §3 `missing-purpose`: a field without purposes, or naming a purpose that is not
 * declared (a typo leaves it without one); also a consent node asking for an undeclared purpose.
 */
export const missingPurpose = defineRule({
  id: 'missing-purpose',
  severity: 'error',
  title: {
    en: 'A data field has no declared purpose',
    'pt-BR': 'Um campo de dados não tem finalidade declarada',
    ar: 'حقل بيانات بلا غرض مُعرَّف',
  },
  help: {
    en: 'Personal data may only be used for declared purposes (purpose limitation). Give every field at least one of the flow’s purposes, and declare every purpose a consent step asks for.',
    'pt-BR':
      'Dados pessoais só podem ser usados para finalidades declaradas. Dê a cada campo pelo menos uma das finalidades do fluxo, e declare toda finalidade pedida num passo de consentimento.',
    ar: 'لا يجوز استخدام البيانات الشخصية إلا لأغراض مُعرَّفة. أعطِ كل حقل غرضًا واحدًا على الأقل من أغراض المسار، وعرّف كل غرض تطلب خطوة الموافقة الموافقة عليه.',
  },
  messages: {
    en: {
      none: '{field} has no purpose. Say what it is used for by picking one of the flow’s purposes.',
      unknown:
        '{field} names the purpose {purpose}, which is not declared. Declare it under Purposes, or pick a declared one.',
      consent:
        'The consent step {node} asks for the purpose {purpose}, which is not declared. Declare it under Purposes, or pick a declared one.',
    },
    'pt-BR': {
      none: '{field} não tem finalidade. Diga para que ele é usado escolhendo uma das finalidades do fluxo.',
      unknown:
        '{field} cita a finalidade {purpose}, que não está declarada. Declare-a em Finalidades, ou escolha uma declarada.',
      consent:
        'O passo de consentimento {node} pede a finalidade {purpose}, que não está declarada. Declare-a em Finalidades, ou escolha uma declarada.',
    },
    ar: {
      none: 'لا يوجد غرض للحقل {field}. حدّد فيمَ يُستخدم باختيار أحد أغراض المسار.',
      unknown: 'الحقل {field} يذكر الغرض {purpose}، وهو غير مُعرَّف. عرّفه في «الأغراض» أو اختر غرضًا مُعرَّفًا.',
      consent:
        'خطوة الموافقة {node} تطلب الموافقة على الغرض {purpose}، وهو غير مُعرَّف. عرّفه في «الأغراض» أو اختر غرضًا مُعرَّفًا.',
    },
  },
  check({ flow, graph, inventory, naming }, report) {
    for (const field of flow.data) {
      const name = naming.field(field.key);
      if (field.purposes.length === 0) report({ message: 'none', dataKey: field.key, params: { field: name } });
      for (const purpose of field.purposes) {
        if (!inventory.purposes.has(purpose))
          report({ message: 'unknown', dataKey: field.key, params: { field: name, purpose: naming.quote(purpose) } });
      }
    }
    graph.granting.forEach((node) => {
      // Each undeclared purpose once per step, though its outcomes may grant it more than once.
      let reported: string[] | undefined;
      for (let at = firstOf(graph.grantStart, node); at < endOf(graph.grantStart, node); at += 1) {
        for (const purpose of item(graph.grants, at).purposes) {
          if (inventory.purposes.has(purpose) || reported?.includes(purpose)) continue;
          (reported ??= []).push(purpose);
          report({ message: 'consent', node, params: { purpose: naming.quote(purpose) } });
        }
      }
    });
  },
});
