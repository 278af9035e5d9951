import type { EngineEffect, EngineEvent } from '../../flows/engine/index.ts';
import type { Rehearsal } from './rehearsal.ts';

/** One bubble of the chat: what the customer (or agent, or clock) did, or what the bot sent. */
export type ChatItem =
  | { from: 'customer'; key: string; turn: number; event: EngineEvent; title?: string }
  | {
      from: 'bot';
      key: string;
      turn: number;
      effect: Extract<EngineEffect, { type: 'send-text' | 'send-buttons' | 'send-list' }>;
      /** The customer can still answer it: the last interactive message while a question waits. */
      answerable: boolean;
    };

/**
 * The rehearsal as chat bubbles, oldest first. A tapped button or row shows its title, as
 * WhatsApp does; only the newest message with choices can still be answered.
 */
export function chatItemsOf(rehearsal: Rehearsal): ChatItem[] {
  const items: ChatItem[] = [];
  const titles = new Map<string, string>();
  rehearsal.turns.forEach(({ event, effects, state }, turn) => {
    if (event && event.type !== 'http-response') {
      const title = event.type === 'reply' ? (event.title ?? titles.get(event.id)) : undefined;
      items.push({ from: 'customer', key: `${turn}-in`, turn, event, ...(title ? { title } : {}) });
    }
    const last = turn === rehearsal.turns.length - 1;
    const waiting = state.waitingFor === 'answer' && !state.ended;
    effects.forEach((effect, index) => {
      if (effect.type !== 'send-text' && effect.type !== 'send-buttons' && effect.type !== 'send-list') return;
      if (effect.type === 'send-buttons') effect.buttons.forEach((button) => titles.set(button.id, button.title));
      if (effect.type === 'send-list')
        effect.sections.forEach((section) => section.rows.forEach((row) => titles.set(row.id, row.title)));
      items.push({ from: 'bot', key: `${turn}-${index}`, turn, effect, answerable: false });
    });
    if (last && waiting) {
      const newest = [...items].reverse().find((item) => item.from === 'bot' && item.effect.type !== 'send-text');
      if (newest?.from === 'bot' && newest.turn === turn) newest.answerable = true;
    }
  });
  return items;
}
