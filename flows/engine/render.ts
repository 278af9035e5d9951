import type { EngineEffect } from '../nodes/events.ts';

/**
 * A message as the customer reads it, in plain text: the body, then reply buttons and list rows
 * as numbered choices (the numbers the engine accepts as answers), list rows numbered across
 * sections. Undefined for effects that send nothing. Used by `amana simulate` and by transcript
 * tests, so a test can expect exactly what the simulator shows.
 */
export function renderMessage(effect: EngineEffect): string | undefined {
  switch (effect.type) {
    case 'send-text':
      return effect.text;
    case 'send-buttons':
      return [effect.text, ...effect.buttons.map((button, index) => `  ${index + 1}. ${button.title}`)].join('\n');
    case 'send-list': {
      const lines = [effect.text, `  [${effect.button}]`];
      let number = 0;
      for (const section of effect.sections) {
        if (section.title) lines.push(`  ${section.title}`);
        for (const row of section.rows) {
          number += 1;
          lines.push(`    ${number}. ${row.title}${row.description ? ` — ${row.description}` : ''}`);
        }
      }
      return lines.join('\n');
    }
    default:
      return undefined;
  }
}
