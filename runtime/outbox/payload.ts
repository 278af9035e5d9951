import type { OutgoingMessage } from '../graph/messages.ts';

/** A handoff notification for a recipient's agent desk (`recipients[].url`). */
export interface Forward {
  url: string;
  body: Record<string, unknown>;
}

export function isOutgoingMessage(value: unknown): value is OutgoingMessage {
  if (typeof value !== 'object' || value === null || !('type' in value) || !('text' in value)) return false;
  if (typeof value.text !== 'string') return false;
  if (value.type === 'text') return true;
  if (value.type === 'buttons') return 'buttons' in value && Array.isArray(value.buttons);
  if (value.type === 'list') return 'sections' in value && Array.isArray(value.sections) && 'button' in value;
  return false;
}

export function isForward(value: unknown): value is Forward {
  return (
    typeof value === 'object' &&
    value !== null &&
    'url' in value &&
    typeof value.url === 'string' &&
    'body' in value &&
    typeof value.body === 'object' &&
    value.body !== null
  );
}
