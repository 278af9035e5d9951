import { text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const messageFields = { text };

export type MessageNode = KindNode<'message', typeof messageFields>;
