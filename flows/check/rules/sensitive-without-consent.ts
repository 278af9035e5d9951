import { isSensitiveCategory } from '../../model/categories.ts';
import { defineRule } from '../rule.ts';
import { categoryName, legalBasisName } from './wording.ts';

/**
 * DESIGN.md §3 `sensitive-without-consent`: a special category of personal data (LGPD art. 5 II
 * and 11, GDPR art. 9; DESIGN.md §2 adds children's data and criminal history) whose legal basis
 * is not `consent`. Categories are matched with their aliases (`user.health_and_medical` is
 * `user.health`).
 */
export const sensitiveWithoutConsent = defineRule({
  id: 'sensitive-without-consent',
  severity: 'error',
  title: {
    en: 'Sensitive data does not rest on consent',
    'pt-BR': 'Dado sensível sem base no consentimento',
    ar: 'بيانات حساسة لا تستند إلى الموافقة',
  },
  help: {
    en: 'Health, biometric, children’s data, criminal records, and racial, religious, political or sexual information need the customer’s explicit consent. Set the field’s legal basis to consent and ask for it before collecting.',
    'pt-BR':
      'Dados de saúde, biométricos, de crianças, antecedentes criminais e informações raciais, religiosas, políticas ou sexuais exigem o consentimento explícito do cliente. Defina a base legal do campo como consentimento e peça-o antes de coletar.',
    ar: 'البيانات الصحية والحيوية وبيانات الأطفال والسوابق الجنائية والمعلومات العرقية أو الدينية أو السياسية أو الجنسية تتطلب موافقة صريحة من العميل. اجعل الأساس القانوني للحقل «الموافقة» واطلبها قبل الجمع.',
  },
  messages: {
    en: {
      basis:
        '{field} is sensitive data ({category}), but its legal basis is {basis}. Sensitive data needs the customer’s explicit consent (LGPD art. 11, GDPR art. 9): set its legal basis to consent and ask for it before collecting.',
    },
    'pt-BR': {
      basis:
        '{field} é um dado sensível ({category}), mas sua base legal é {basis}. Dados sensíveis exigem o consentimento explícito do cliente (LGPD art. 11, GDPR art. 9º): defina a base legal como consentimento e peça-o antes de coletar.',
    },
    ar: {
      basis:
        '{field} من البيانات الحساسة ({category})، لكن أساسه القانوني هو {basis}. تتطلب البيانات الحساسة موافقة صريحة من العميل: اجعل أساسه القانوني «الموافقة» واطلبها قبل الجمع.',
    },
  },
  check({ flow, naming, language }, report) {
    for (const field of flow.data) {
      if (field.legalBasis === 'consent' || !isSensitiveCategory(field.category)) continue;
      report({
        message: 'basis',
        dataKey: field.key,
        params: {
          field: naming.field(field.key),
          category: categoryName(field.category, language),
          basis: naming.quote(legalBasisName(language, field.legalBasis)),
        },
      });
    }
  },
});
