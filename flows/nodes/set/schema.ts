import { dataKey, template } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const setFields = { key: dataKey, value: template };

export type SetNode = KindNode<'set', typeof setFields>;
