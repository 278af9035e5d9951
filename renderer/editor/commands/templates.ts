import {
  clinicAppointment,
  leadCapture,
  orderStatus,
  pizzaDelivery,
  supportCpf,
} from '../../../flows/examples/index.ts';
import { parseFlow, type Flow } from '../../../flows/index.ts';
import type { UiLanguage } from '../../../flows/i18n/index.ts';

/** One template of the gallery: a flow from flows/examples and one line of what it shows. */
export interface Template {
  flow: Flow;
  shows: Record<UiLanguage, string>;
}

const lines: [unknown, Record<UiLanguage, string>][] = [
  [
    leadCapture,
    {
      en: 'Lead capture with consent before name, email and phone, sent to a CRM (LGPD).',
      'pt-BR': 'Captura de leads com consentimento antes de nome, e-mail e telefone, enviados a um CRM (LGPD).',
      ar: 'جمع العملاء المحتملين مع الموافقة قبل الاسم والبريد والهاتف، وإرسالها إلى نظام عملاء (LGPD).',
    },
  ],
  [
    clinicAppointment,
    {
      en: 'Clinic appointments: explicit consent before any health data, a list menu and a date.',
      'pt-BR': 'Consultas em clínica: consentimento explícito antes de dados de saúde, menu em lista e data.',
      ar: 'مواعيد عيادة: موافقة صريحة قبل أي بيانات صحية، مع قائمة خيارات وتاريخ.',
    },
  ],
  [
    orderStatus,
    {
      en: 'Order status: a lookup by HTTPS, a condition on the answer, loops back to the menu (GDPR).',
      'pt-BR': 'Status do pedido: consulta por HTTPS, condição sobre a resposta, volta ao menu (GDPR).',
      ar: 'حالة الطلب: استعلام عبر HTTPS وشرط على الرد والعودة إلى القائمة (GDPR).',
    },
  ],
  [
    pizzaDelivery,
    {
      en: 'Pizza delivery: the customer’s location and WhatsApp number go only to the delivery partner.',
      'pt-BR': 'Entrega de pizza: a localização e o WhatsApp do cliente vão só para o parceiro de entrega.',
      ar: 'توصيل البيتزا: موقع العميل ورقمه على واتساب يذهبان إلى شريك التوصيل فقط.',
    },
  ],
  [
    supportCpf,
    {
      en: 'Support triage with the CPF, routed by a condition to three human queues.',
      'pt-BR': 'Triagem de suporte com CPF, encaminhada por uma condição a três filas de atendimento.',
      ar: 'فرز طلبات الدعم برقم CPF وتوجيهها بشرط إلى ثلاث قوائم انتظار بشرية.',
    },
  ],
];

/** The gallery, built from the examples (the non-compliant demo is for showing the checker, not a start). */
export const templates: Template[] = lines.flatMap(([source, shows]) => {
  const parsed = parseFlow(source);
  return parsed.ok ? [{ flow: parsed.flow, shows }] : [];
});
