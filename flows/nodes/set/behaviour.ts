import { fillTemplate, soleKey } from '../../model/template.ts';
import { leave, type Behaviour } from '../behaviour.ts';
import type { SetNode } from './schema.ts';

/**
 * Stores a template's result under `key`. A template that is exactly one placeholder copies the
 * value as it is (a number stays a number, a location stays a location); anything else is text.
 * Consent-based keys whose consent is not (or no longer) granted read as empty, so a `set` cannot
 * copy them into a key that is not protected; a consent-based `key` without consent is not stored.
 */
export const setBehaviour: Behaviour<SetNode> = {
  enter(node, conversation) {
    const read = (key: string) => (conversation.mayUse(key) ? conversation.read(key) : undefined);
    const copied = soleKey(node.value);
    const value = copied === undefined ? fillTemplate(node.value, read) : (read(copied) ?? '');
    conversation.store(node.id, node.key, value);
    return leave('next');
  },
};
