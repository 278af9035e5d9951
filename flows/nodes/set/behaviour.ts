import { fillTemplate, missingKeys, soleKey } from '../../model/template.ts';
import { leave, type Behaviour } from '../behaviour.ts';
import type { SetNode } from './schema.ts';

/**
 * Stores a template's result under `key`. A template that is exactly one placeholder copies the
 * value as it is (a number stays a number, a location stays a location); anything else is text.
 * Consent-based keys whose consent is not (or no longer) granted have no value here, so a `set`
 * cannot copy them into a key that is not protected; a consent-based `key` without consent is not
 * stored. A template reading a key without a value (erased, never collected, withheld) stores
 * nothing and is reported (`refuse`): a copy of nothing must not read later as a real value.
 */
export const setBehaviour: Behaviour<SetNode> = {
  enter(node, conversation) {
    const read = (key: string) => (conversation.mayUse(key) ? conversation.read(key) : undefined);
    const missing = missingKeys(node.value, read);
    if (missing.length > 0) {
      conversation.refuse(node.id, missing);
      return leave('next');
    }
    const copied = soleKey(node.value);
    const value = copied === undefined ? fillTemplate(node.value, read) : read(copied);
    if (value !== undefined) conversation.store(node.id, node.key, value);
    return leave('next');
  },
};
