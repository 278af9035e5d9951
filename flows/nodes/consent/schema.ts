import { z } from 'zod';
import { identifier, text } from '../../model/common.ts';
import type { KindNode } from '../kind.ts';

export const consentFields = {
  text,
  purposes: z.array(identifier).min(1),
  accept: text.optional(),
  decline: text.optional(),
};

export type ConsentNode = KindNode<'consent', typeof consentFields>;

/** Button labels used when a consent node does not set its own (accept is always the first button). */
export const defaultConsentLabels = {
  accept: { 'pt-BR': 'Aceito', pt: 'Aceito', en: 'I agree', ar: 'أوافق', es: 'Acepto' },
  decline: { 'pt-BR': 'Não aceito', pt: 'Não aceito', en: 'I do not agree', ar: 'لا أوافق', es: 'No acepto' },
} as const;
