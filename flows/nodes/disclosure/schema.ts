import { text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const disclosureFields = { text };

export type DisclosureNode = KindNode<'disclosure', typeof disclosureFields>;
