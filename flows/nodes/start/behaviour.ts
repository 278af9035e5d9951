import { leave, type Behaviour } from '../../engine/behaviour.ts';

/** The conversation begins here and moves straight on. */
export const startBehaviour: Behaviour<{ id: string }> = {
  enter: () => leave('next'),
};
