import type { LangText } from '../model/common.ts';
import type { TextSite } from './kind.ts';
import { whatsappLimits } from './whatsapp-limits.ts';

/** The path of a node's own `text`, shared by every site that has it. */
const textPath: readonly string[] = ['text'];

/** A plain message body (WhatsApp: 4,096 code points). */
export function bodySite(text: LangText | undefined, path: readonly (string | number)[] = textPath): TextSite[] {
  return text ? [{ path, text, maxLength: whatsappLimits.textBody, rule: 'wa-text-too-long' }] : [];
}

/** The body of an interactive (buttons or list) message (WhatsApp: 1,024 code points). */
export function interactiveBodySite(text: LangText, path: readonly (string | number)[] = textPath): TextSite {
  return { path, text, maxLength: whatsappLimits.interactiveBody, rule: 'wa-text-too-long' };
}

/** A label WhatsApp caps (button title, list button, row title, description, section title). */
export function labelSite(
  text: LangText | undefined,
  path: readonly (string | number)[],
  maxLength: number,
): TextSite[] {
  return text ? [{ path, text, maxLength, rule: 'wa-label-too-long' }] : [];
}
