import { textKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import { fixedOutcome, type Outcome } from '../outcomes.ts';
import { interactiveBodySite, labelSite } from '../texts.ts';
import { whatsappLimits } from '../whatsapp-limits.ts';
import { consentBehaviour } from './behaviour.ts';
import { consentFields } from './schema.ts';

/** The outcomes of every consent node: one shared list, which callers only read (as `next`). */
const consentOutcomes: Outcome[] = [fixedOutcome('granted'), fixedOutcome('declined')];

/** Asks for consent to purposes; on `granted` that consent holds from here on and is recorded in the ledger. */
export const consentKind = defineKind({
  type: 'consent',
  label: { en: 'Consent', 'pt-BR': 'Consentimento', ar: 'موافقة' },
  fields: consentFields,
  outcomes: () => consentOutcomes,
  facts: (node) => ({
    asksUser: true,
    reads: textKeys(node.text),
    grants: [{ outcome: 'granted', purposes: node.purposes }],
  }),
  texts: (node) => [
    interactiveBodySite(node.text),
    ...labelSite(node.accept, ['accept'], whatsappLimits.buttonTitle),
    ...labelSite(node.decline, ['decline'], whatsappLimits.buttonTitle),
  ],
  behaviour: consentBehaviour,
});
