import { textKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import { fixedOutcome, type Outcome } from '../outcomes.ts';
import { bodySite } from '../texts.ts';
import { handoffBehaviour } from './behaviour.ts';
import { handoffFields } from './schema.ts';

/** The outcomes of every handoff node: one shared list, which callers only read (as `next`). */
const handoffOutcomes: Outcome[] = [fixedOutcome('next', true)];

/** Passes the conversation, and the keys in `share`, to a human agent; the bot is silent until released. */
export const handoffKind = defineKind({
  type: 'handoff',
  label: { en: 'Human handoff', 'pt-BR': 'Transferir para humano', ar: 'تحويل إلى موظف' },
  fields: handoffFields,
  // An unconnected `next` ends the conversation when the agent releases it.
  outcomes: () => handoffOutcomes,
  facts: (node) => ({
    reads: textKeys(node.text),
    handsOff: true,
    shares: node.share.length > 0 ? [{ via: 'handoff', keys: node.share, recipient: node.queue }] : [],
  }),
  texts: (node) => bodySite(node.text),
  behaviour: handoffBehaviour,
});
