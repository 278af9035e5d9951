import type { ButtonChoice, EngineEffect, ListSection } from '../../flows/engine/index.ts';

/** A message to a customer, as the outbox keeps it (sealed) until the Graph API accepts it. */
export type OutgoingMessage =
  | { type: 'text'; text: string }
  | { type: 'buttons'; text: string; buttons: ButtonChoice[] }
  | { type: 'list'; text: string; button: string; sections: ListSection[] };

/**
 * WhatsApp Cloud API limits, in Unicode code points: text body 4,096; interactive body 1,024;
 * reply-button title 20; list button 20; section title 24; row title 24; row description 72;
 * at most 3 buttons and 10 rows. The checker refuses flows over them, but a filled template
 * (`Thanks, {{name}}!`) can still grow past one; the message is then cut rather than refused.
 */
const cloudApiLimits = {
  textBody: 4096,
  interactiveBody: 1024,
  buttonTitle: 20,
  listButton: 20,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
} as const;

/** The messages an engine effect sends, if it sends any. */
export function messagesOf(effect: EngineEffect): OutgoingMessage[] {
  switch (effect.type) {
    case 'send-text':
      return splitText(effect.text).map((text) => ({ type: 'text', text }));
    case 'send-buttons':
      return [{ type: 'buttons', text: effect.text, buttons: effect.buttons }];
    case 'send-list':
      return [{ type: 'list', text: effect.text, button: effect.button, sections: effect.sections }];
    default:
      return [];
  }
}

/** The body of `POST /{phone-number-id}/messages` for one message to `to` (digits, no `+`). */
export function graphRequestBody(to: string, message: OutgoingMessage): Record<string, unknown> {
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  switch (message.type) {
    case 'text':
      return {
        ...envelope,
        type: 'text',
        text: { preview_url: false, body: cut(message.text, cloudApiLimits.textBody) },
      };
    case 'buttons':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: cut(message.text, cloudApiLimits.interactiveBody) },
          action: {
            buttons: message.buttons.map((button) => ({
              type: 'reply',
              reply: { id: button.id, title: cut(button.title, cloudApiLimits.buttonTitle) },
            })),
          },
        },
      };
    case 'list':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: cut(message.text, cloudApiLimits.interactiveBody) },
          action: {
            button: cut(message.button, cloudApiLimits.listButton),
            sections: message.sections.map((section) => ({
              title: cut(section.title, cloudApiLimits.sectionTitle),
              rows: section.rows.map((row) => ({
                id: row.id,
                title: cut(row.title, cloudApiLimits.rowTitle),
                ...(row.description ? { description: cut(row.description, cloudApiLimits.rowDescription) } : {}),
              })),
            })),
          },
        },
      };
  }
}

/** Cuts a text to `max` code points, ending with an ellipsis when something was cut. */
export function cut(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/** Splits a long text into WhatsApp-sized messages, at a line break or space when there is one. */
export function splitText(text: string, max: number = cloudApiLimits.textBody): string[] {
  const parts: string[] = [];
  let rest = [...text];
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const newline = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const at = newline > max / 2 ? newline : space > max / 2 ? space : max;
    parts.push(rest.slice(0, at).join('').trimEnd());
    rest = rest.slice(at);
    while (rest[0] === '\n' || rest[0] === ' ') rest = rest.slice(1);
  }
  parts.push(rest.join(''));
  return parts;
}
