import { z } from 'zod';
import { dataKey, identifier, text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

const row = z.strictObject({ id: identifier, title: text, description: text.optional() });
const section = z.strictObject({ title: text, rows: z.array(row).min(1) });

export const listFields = {
  text,
  button: text,
  sections: z.array(section).min(1),
  saveAs: dataKey.optional(),
};

export type ListNode = KindNode<'list', typeof listFields>;
