import { text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const endFields = { text: text.optional() };

export type EndNode = KindNode<'end', typeof endFields>;
