import type { KindNode } from '../kind.ts';

export const startFields = {};

export type StartNode = KindNode<'start', typeof startFields>;
