import { textKeys } from '../../model/common.ts';
import { defineKind, type CountLimit } from '../kind.ts';
import { interactiveBodySite, labelSite } from '../texts.ts';
import { whatsappLimits } from '../whatsapp-limits.ts';
import { listBehaviour } from './behaviour.ts';
import { listFields } from './schema.ts';

/** A list message: a button opens sections of rows; each row id is an outcome. */
export const listKind = defineKind({
  type: 'list',
  label: { en: 'List menu', 'pt-BR': 'Menu em lista', ar: 'قائمة خيارات' },
  fields: listFields,
  outcomes: (node) => node.sections.flatMap((s) => s.rows.map((r) => ({ id: r.id, optional: false, text: r.title }))),
  facts: (node) => ({
    asksUser: true,
    reads: textKeys(node.text),
    collects: node.saveAs ? [{ key: node.saveAs, source: 'choice' }] : [],
  }),
  texts: (node) => [
    interactiveBodySite(node.text),
    ...labelSite(node.button, ['button'], whatsappLimits.listButton),
    ...node.sections.flatMap((s, si) => [
      ...labelSite(s.title, ['sections', si, 'title'], whatsappLimits.sectionTitle),
      ...s.rows.flatMap((r, ri) => [
        ...labelSite(r.title, ['sections', si, 'rows', ri, 'title'], whatsappLimits.rowTitle),
        ...labelSite(r.description, ['sections', si, 'rows', ri, 'description'], whatsappLimits.rowDescription),
      ]),
    ]),
  ],
  counts: (node): CountLimit[] => [
    {
      path: ['sections'],
      count: node.sections.reduce((total, s) => total + s.rows.length, 0),
      max: whatsappLimits.listRows,
      rule: 'wa-list-too-many-rows',
    },
    {
      path: ['sections'],
      count: node.sections.length,
      max: whatsappLimits.listSections,
      rule: 'wa-list-too-many-rows',
    },
  ],
  behaviour: listBehaviour,
});
