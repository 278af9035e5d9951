/**
 * How a total reads when every daily count in it was hidden (1 to 4, shown as "< 5"): one wording,
 * said by `node server.js stats` (../messages.ts) and by the desk's statistics page (../desk/page/texts.ts).
 */
export const allHidden = {
  en: 'hidden: under 5 on each day',
  'pt-BR': 'oculto: menos de 5 em cada dia',
  ar: 'مخفي: أقل من 5 في كل يوم',
} as const;
