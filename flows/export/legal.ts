import type { Catalogue } from '../i18n/index.ts';
import type { LegalBasis } from '../model/schema.ts';

/**
 * Legal bases in plain words with their articles: GDPR art. 6(1)(a)–(f) and LGPD art. 7; for
 * special categories, explicit consent under GDPR art. 9(2)(a) and LGPD art. 11 I.
 */
export const legalBasisText: Catalogue<LegalBasis | 'explicit_consent'> = {
  en: {
    consent: 'your consent (GDPR art. 6(1)(a); LGPD art. 7 I)',
    explicit_consent: 'your explicit consent (GDPR art. 9(2)(a); LGPD art. 11 I)',
    contract: 'a contract with you, or steps you asked for before one (GDPR art. 6(1)(b); LGPD art. 7 V)',
    legal_obligation: 'a legal obligation of the controller (GDPR art. 6(1)(c); LGPD art. 7 II)',
    vital_interests: 'protecting your life or physical safety, or someone else’s (GDPR art. 6(1)(d); LGPD art. 7 VII)',
    public_task: 'a task in the public interest or official authority (GDPR art. 6(1)(e); LGPD art. 7 III)',
    legitimate_interests:
      'the controller’s legitimate interests, weighed against your rights; you may object (GDPR art. 6(1)(f); LGPD art. 7 IX)',
  },
  'pt-BR': {
    consent: 'o seu consentimento (LGPD art. 7º, I; GDPR art. 6(1)(a))',
    explicit_consent: 'o seu consentimento específico e destacado (LGPD art. 11, I; GDPR art. 9(2)(a))',
    contract:
      'a execução de contrato com você ou de procedimentos preliminares que você pediu (LGPD art. 7º, V; GDPR art. 6(1)(b))',
    legal_obligation: 'o cumprimento de obrigação legal do controlador (LGPD art. 7º, II; GDPR art. 6(1)(c))',
    vital_interests:
      'a proteção da sua vida ou incolumidade física, ou de terceiros (LGPD art. 7º, VII; GDPR art. 6(1)(d))',
    public_task: 'a execução de políticas públicas ou de interesse público (LGPD art. 7º, III; GDPR art. 6(1)(e))',
    legitimate_interests:
      'o legítimo interesse do controlador, ponderado com os seus direitos; você pode se opor (LGPD art. 7º, IX; GDPR art. 6(1)(f))',
  },
  ar: {
    consent: 'موافقتك (اللائحة العامة لحماية البيانات GDPR المادة 6(1)(أ)؛ القانون البرازيلي LGPD المادة 7 أولًا)',
    explicit_consent: 'موافقتك الصريحة (GDPR المادة 9(2)(أ)؛ LGPD المادة 11 أولًا)',
    contract: 'تنفيذ عقد معك أو خطوات طلبتها قبل التعاقد (GDPR المادة 6(1)(ب)؛ LGPD المادة 7 خامسًا)',
    legal_obligation: 'التزام قانوني على المتحكم (GDPR المادة 6(1)(ج)؛ LGPD المادة 7 ثانيًا)',
    vital_interests: 'حماية حياتك أو سلامتك الجسدية أو حياة غيرك (GDPR المادة 6(1)(د)؛ LGPD المادة 7 سابعًا)',
    public_task: 'مهمة للمصلحة العامة أو ممارسة سلطة رسمية (GDPR المادة 6(1)(هـ)؛ LGPD المادة 7 ثالثًا)',
    legitimate_interests:
      'المصالح المشروعة للمتحكم بعد موازنتها بحقوقك، ولك حق الاعتراض (GDPR المادة 6(1)(و)؛ LGPD المادة 7 تاسعًا)',
  },
};
