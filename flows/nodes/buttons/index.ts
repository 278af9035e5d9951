import { textKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import { interactiveBodySite, labelSite } from '../texts.ts';
import { whatsappLimits } from '../whatsapp-limits.ts';
import { buttonsBehaviour } from './behaviour.ts';
import { buttonsFields } from './schema.ts';

/** Up to three reply buttons; each option is an outcome. */
export const buttonsKind = defineKind({
  type: 'buttons',
  label: { en: 'Buttons', 'pt-BR': 'Botões', ar: 'أزرار' },
  fields: buttonsFields,
  outcomes: (node) => node.options.map((option) => ({ id: option.id, optional: false, text: option.label })),
  facts: (node) => ({
    asksUser: true,
    reads: textKeys(node.text),
    collects: node.saveAs ? [{ key: node.saveAs, source: 'choice' }] : [],
  }),
  texts: (node) => [
    interactiveBodySite(node.text),
    ...node.options.flatMap((option, index) =>
      labelSite(option.label, ['options', index, 'label'], whatsappLimits.buttonTitle),
    ),
  ],
  counts: (node) => [
    { path: ['options'], count: node.options.length, max: whatsappLimits.buttons, rule: 'wa-too-many-buttons' },
  ],
  behaviour: buttonsBehaviour,
});
