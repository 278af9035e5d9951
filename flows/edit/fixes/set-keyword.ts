import type { Flow } from '../../model/schema.ts';
import { fixLabel, quoted } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';
import { perFlowLanguage } from './step-words.ts';

/** The words customers most often write for each global keyword (DESIGN.md §2's examples). */
const keywordWords = {
  human: {
    en: ['agent', 'human'],
    pt: ['atendente', 'humano'],
    ar: ['موظف', 'خدمة العملاء'],
    es: ['agente', 'humano'],
  },
  erase: {
    en: ['delete my data'],
    pt: ['apagar meus dados'],
    ar: ['احذف بياناتي'],
    es: ['borrar mis datos'],
  },
};

function keywordFix(which: 'human' | 'erase', label: 'human-keyword' | 'erase-keyword'): FixBuilder {
  return (flow: Flow, _problem, language) => {
    const words = perFlowLanguage(flow, (wording) => [...keywordWords[which][wording]]);
    const shown = Object.values(words)[0] ?? [];
    return [
      {
        kind: label,
        label: fixLabel(language, label, { words: shown.map((word) => quoted(language, word)).join(', ') }),
        op: { op: 'setFlowField', key: 'keywords', value: { ...flow.keywords, [which]: words } },
      },
    ];
  };
}

/** `no-human-path`: the `human` keyword, so a customer can reach a person from any question. */
export const setHumanKeyword = keywordFix('human', 'human-keyword');

/** `no-erasure-path`: the `erase` keyword, so a customer can erase their data from any question. */
export const setEraseKeyword = keywordFix('erase', 'erase-keyword');
