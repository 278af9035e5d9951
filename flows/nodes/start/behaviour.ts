import { leave, type Behaviour } from '../behaviour.ts';
import type { StartNode } from './schema.ts';

/** The conversation begins here and moves straight on. */
export const startBehaviour: Behaviour<StartNode> = {
  enter: () => leave('next'),
};
