import { z } from 'zod';
import { dataKey, identifier, text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const buttonsFields = {
  text,
  // More than three is the checker's wa-too-many-buttons, so such a draft still opens.
  options: z.array(z.strictObject({ id: identifier, label: text })).min(1),
  saveAs: dataKey.optional(),
};

export type ButtonsNode = KindNode<'buttons', typeof buttonsFields>;
