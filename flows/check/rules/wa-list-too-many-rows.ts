import { defineRule } from '../rule.ts';

/**
 * DESIGN.md §3 `wa-list-too-many-rows`: a WhatsApp list holds at most 10 rows in all its
 * sections together, and at most 10 sections. A list kind reports both counts under this rule;
 * every section has a row, so the larger count is the rows and the smaller the sections.
 */
export const waListTooManyRows = defineRule({
  id: 'wa-list-too-many-rows',
  severity: 'error',
  title: {
    en: 'A list has more rows or sections than WhatsApp allows',
    'pt-BR': 'Uma lista tem mais linhas ou seções do que o WhatsApp permite',
    ar: 'قائمة فيها خيارات أو أقسام أكثر مما يسمح به واتساب',
  },
  help: {
    en: 'A WhatsApp list holds at most 10 rows, counting all its sections together, in at most 10 sections. Split a longer list into two steps (for example a first list of categories).',
    'pt-BR':
      'Uma lista do WhatsApp comporta no máximo 10 linhas, somando todas as seções, em no máximo 10 seções. Divida uma lista maior em dois passos (por exemplo, uma primeira lista de categorias).',
    ar: 'تتسع قائمة واتساب لعشرة خيارات على الأكثر في جميع أقسامها معًا، وعشرة أقسام على الأكثر. قسّم القائمة الأطول إلى خطوتين (مثلًا قائمة أولى بالفئات).',
  },
  messages: {
    en: {
      rows: 'The list {node} has {count} rows in all; WhatsApp allows at most {max}. Split it into two lists.',
      sections: 'The list {node} has {count} sections; WhatsApp allows at most {max}. Merge some sections.',
    },
    'pt-BR': {
      rows: 'A lista {node} tem {count} linhas no total; o WhatsApp permite no máximo {max}. Divida-a em duas listas.',
      sections: 'A lista {node} tem {count} seções; o WhatsApp permite no máximo {max}. Junte algumas seções.',
    },
    ar: {
      rows: 'في القائمة {node} {count} خيارًا إجمالًا، ويسمح واتساب بـ {max} على الأكثر. قسّمها إلى قائمتين.',
      sections: 'في القائمة {node} {count} أقسام، ويسمح واتساب بـ {max} على الأكثر. ادمج بعض الأقسام.',
    },
  },
  check({ textSurvey }, report) {
    for (const { node, limit, all } of textSurvey().overCounts) {
      if (limit.rule !== 'wa-list-too-many-rows') continue;
      // The largest of the node's list counts is its rows; any other is its sections.
      const rows = all.filter((each) => each.rule === 'wa-list-too-many-rows').sort((a, b) => b.count - a.count)[0];
      report({ message: limit === rows ? 'rows' : 'sections', node, params: { count: limit.count, max: limit.max } });
    }
  },
});
