import type { Catalogue, UiLanguage } from '../../i18n/index.ts';
import { translator } from '../../i18n/index.ts';
import { findCategory } from '../../model/categories.ts';
import type { LegalBasis } from '../../model/schema.ts';
import type { CopyAt } from '../analyses/copies-at.ts';
import type { Naming } from '../naming.ts';

/** Words several rules share: legal bases and data categories as designers know them. */
const legalBasisNames: Catalogue<LegalBasis> = {
  en: {
    consent: 'consent',
    contract: 'contract',
    legal_obligation: 'legal obligation',
    vital_interests: 'vital interests',
    public_task: 'public task',
    legitimate_interests: 'legitimate interests',
  },
  'pt-BR': {
    consent: 'consentimento',
    contract: 'execução de contrato',
    legal_obligation: 'obrigação legal',
    vital_interests: 'proteção da vida',
    public_task: 'execução de políticas públicas',
    legitimate_interests: 'legítimo interesse',
  },
  ar: {
    consent: 'الموافقة',
    contract: 'تنفيذ عقد',
    legal_obligation: 'التزام قانوني',
    vital_interests: 'المصالح الحيوية',
    public_task: 'مهمة عامة',
    legitimate_interests: 'المصلحة المشروعة',
  },
};

export const legalBasisName = translator(legalBasisNames);

/** A data category's plain-language label (aliases resolved), or its key when unknown. */
export function categoryName(key: string, language: UiLanguage): string {
  return findCategory(key)?.label[language] ?? key;
}

const copyWords: Catalogue<'holds'> = {
  en: { holds: '{copy} (which holds {fields}, copied at the step {step})' },
  'pt-BR': { holds: '{copy} (que contém {fields}, copiado no passo {step})' },
  ar: { holds: '{copy} (الذي يحمل {fields}، وقد نُسخ في الخطوة {step})' },
};

/**
 * A key that holds copies of personal fields, named with its origins and the step where it was
 * copied (lineage, ../analyses/lineage.ts): “{{note}}” (which holds “Email”, copied at the step …).
 */
function copyHolding(language: UiLanguage, names: { copy: string; fields: string; step: string }): string {
  return translator(copyWords)(language, 'holds', names);
}

/**
 * What a step sends, for a message: the personal keys it sends by name, then each key that holds
 * copies of personal fields with its origins and copy step (`copyHolding`).
 */
export function sentData(
  naming: Naming,
  language: UiLanguage,
  personal: readonly string[],
  copies: readonly CopyAt[],
): string {
  const held = new Map<string, CopyAt[]>();
  for (const copy of copies) {
    if (personal.includes(copy.copy)) continue;
    held.set(copy.copy, [...(held.get(copy.copy) ?? []), copy]);
  }
  const copyNames = [...held].map(([copy, origins]) =>
    copyHolding(language, {
      copy: naming.field(copy),
      fields: naming.fields([...new Set(origins.map((origin) => origin.origin))]),
      step: naming.node(origins.find((origin) => origin.step !== undefined)?.step ?? -1),
    }),
  );
  return naming.list([...personal.map(naming.field), ...copyNames]);
}
