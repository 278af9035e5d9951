import type { CountryCode } from 'libphonenumber-js/max';
import type { JsonValue } from '../../../model/template.ts';
import type { EngineEvent } from '../../events.ts';
import type { InputKind } from '../../kind.ts';
import { validateCpf } from './cpf.ts';
import { validateDate } from './date.ts';
import { validateEmail } from './email.ts';
import { validateLocation } from './location.ts';
import { validateNumber } from './number.ts';
import { validatePhone } from './phone.ts';

export { dateOrderOf } from './date.ts';
/** What the validators need to know about the conversation. */
export interface AnswerContext {
  /** The conversation language (date order, thousands separator). */
  language: string;
  /** Where a phone number typed without `+` is read. */
  defaultCountry?: CountryCode;
}

/**
 * A customer's answer to a question asking for `input`: the value to store, or undefined when
 * the answer is not one (the question then re-asks with a hint).
 */
export function validateAnswer(input: InputKind, event: EngineEvent, context: AnswerContext): JsonValue | undefined {
  const typed = typedText(event);
  switch (input) {
    case 'text':
      return typed && typed.trim().length > 0 ? typed.trim() : undefined;
    case 'email':
      return typed === undefined ? undefined : validateEmail(typed);
    case 'phone':
      return typed === undefined ? undefined : validatePhone(typed, context.defaultCountry);
    case 'number':
      return typed === undefined ? undefined : validateNumber(typed, context.language);
    case 'date':
      return typed === undefined ? undefined : validateDate(typed, context.language);
    case 'cpf':
      return typed === undefined ? undefined : validateCpf(typed);
    case 'location':
      return validateLocation(event.type === 'location' ? event : undefined, typed);
    case 'image':
      return event.type === 'media' && event.kind === 'image' ? storedMedia(event) : undefined;
    case 'document':
      // A photo of a document is a document to the customer; accept both.
      return event.type === 'media' ? storedMedia(event) : undefined;
  }
}

/** What the customer typed; a tapped button or row counts as its title. */
function typedText(event: EngineEvent): string | undefined {
  if (event.type === 'text') return event.text;
  if (event.type === 'reply') return event.title;
  return undefined;
}

function storedMedia(event: Extract<EngineEvent, { type: 'media' }>): JsonValue {
  return {
    kind: event.kind,
    mediaId: event.mediaId,
    ...(event.mimeType ? { mimeType: event.mimeType } : {}),
    ...(event.caption ? { caption: event.caption } : {}),
    ...(event.filename ? { filename: event.filename } : {}),
  };
}
