import type { Catalogue, UiLanguage } from '../../i18n/index.ts';
import { translator } from '../../i18n/index.ts';
import { findCategory } from '../../model/categories.ts';
import type { LegalBasis } from '../../model/schema.ts';

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
