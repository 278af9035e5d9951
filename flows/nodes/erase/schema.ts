import { text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const eraseFields = { text: text.optional() };

export type EraseNode = KindNode<'erase', typeof eraseFields>;
