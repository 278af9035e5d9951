import { textKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import { next } from '../outcomes.ts';
import { bodySite } from '../texts.ts';
import { disclosureBehaviour } from './behaviour.ts';
import { disclosureFields } from './schema.ts';

/** Tells the customer they are talking to an automated assistant and where the privacy notice is. */
export const disclosureKind = defineKind({
  type: 'disclosure',
  label: { en: 'Bot disclosure', 'pt-BR': 'Aviso de robô', ar: 'إفصاح عن المساعد الآلي' },
  fields: disclosureFields,
  outcomes: () => next,
  facts: (node) => ({ discloses: true, reads: textKeys(node.text) }),
  texts: (node) => bodySite(node.text),
  behaviour: disclosureBehaviour,
});
