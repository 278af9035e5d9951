import { z } from 'zod';
import { dataKey, identifier, text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const handoffFields = { text, queue: identifier, share: z.array(dataKey) };

export type HandoffNode = KindNode<'handoff', typeof handoffFields>;
