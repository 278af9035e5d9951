import { textKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import { fixedOutcome, type Outcome } from '../outcomes.ts';
import { bodySite } from '../texts.ts';
import { questionBehaviour } from './behaviour.ts';
import { questionFields } from './schema.ts';

/** The outcomes of every question node: one shared list, which callers only read (as `next`). */
const questionOutcomes: Outcome[] = [fixedOutcome('next'), fixedOutcome('invalid', true)];

/** Asks for one answer, validates it, re-asks up to `retries` times, then leaves by `invalid`. */
export const questionKind = defineKind({
  type: 'question',
  label: { en: 'Question', 'pt-BR': 'Pergunta', ar: 'سؤال' },
  fields: questionFields,
  outcomes: () => questionOutcomes,
  facts: (node) => ({
    asksUser: true,
    reads: textKeys(node.text),
    collects: [{ key: node.saveAs, source: 'answer', input: node.input }],
  }),
  texts: (node) => bodySite(node.text),
  behaviour: questionBehaviour,
});
