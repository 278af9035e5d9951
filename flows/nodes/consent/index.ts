import { z } from 'zod';
import { identifier, text, textKeys } from '../../model/common.ts';
import { defineKind, type Outcome } from '../kind.ts';
import { interactiveBodySite, labelSite } from '../texts.ts';
import { whatsappLimits } from '../whatsapp-limits.ts';
import { consentBehaviour } from './behaviour.ts';

/** The outcomes of every consent node: one shared list, which callers only read (as `next`). */
const consentOutcomes: Outcome[] = [
  { id: 'granted', optional: false },
  { id: 'declined', optional: false },
];

/** Button labels used when a consent node does not set its own (accept is always the first button). */
export const defaultConsentLabels = {
  accept: { 'pt-BR': 'Aceito', pt: 'Aceito', en: 'I agree', ar: 'أوافق', es: 'Acepto' },
  decline: { 'pt-BR': 'Não aceito', pt: 'Não aceito', en: 'I do not agree', ar: 'لا أوافق', es: 'No acepto' },
} as const;

/** Asks for consent to purposes; on `granted` that consent holds from here on and is recorded in the ledger. */
export const consentKind = defineKind({
  type: 'consent',
  label: { en: 'Consent', 'pt-BR': 'Consentimento', ar: 'موافقة' },
  fields: {
    text,
    purposes: z.array(identifier).min(1),
    accept: text.optional(),
    decline: text.optional(),
  },
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
  behaviour: consentBehaviour(defaultConsentLabels),
});
