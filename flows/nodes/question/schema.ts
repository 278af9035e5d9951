import { z } from 'zod';
import { dataKey, text } from '../../model/common.ts';
import { inputKinds, type KindNode } from '../kind.ts';

export const questionFields = {
  text,
  input: z.enum(inputKinds),
  saveAs: dataKey,
  retries: z.number().int().min(0).max(10).optional(),
};

export type QuestionNode = KindNode<'question', typeof questionFields>;
