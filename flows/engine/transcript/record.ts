import { renderMessage } from '../render.ts';
import type { ConversationState } from '../state.ts';
import type { JsonValue } from '../../model/template.ts';
import type { EngineEffect, EngineEvent } from '../../nodes/events.ts';
import type { Expectation, TranscriptTest, Turn } from './schema.ts';

/** One turn of a conversation as a host saw it: what was sent in, and what came out. */
export interface RecordedTurn {
  /** The customer's (or agent's, or clock's) event; none for the opening. */
  event?: EngineEvent;
  /** Every effect of the turn, including those after http answers. */
  effects: EngineEffect[];
  /** The state after the turn. */
  state: ConversationState;
}

/**
 * Turns a conversation rehearsed in a simulator into a transcript test that expects what
 * happened: the first line of each bot message, where the conversation stood, what was stored,
 * consented, shared, handed off, erased or withheld, and whether it ended. http responses are
 * part of the turn that caused them, not turns of their own. The studio's “save as test” uses it.
 */
export function transcriptTestFrom(
  name: string,
  turns: readonly RecordedTurn[],
  options: { language?: string; contact?: { phone: string; name?: string } } = {},
): TranscriptTest {
  return {
    name,
    ...(options.language ? { language: options.language } : {}),
    ...(options.contact ? { contact: options.contact } : {}),
    turns: turns
      .filter((turn) => turn.event?.type !== 'http-response')
      .map((turn) => ({ ...inputOf(turn.event), expect: expectationOf(turn) })),
  };
}

function inputOf(event: EngineEvent | undefined): Omit<Turn, 'expect'> {
  switch (event?.type) {
    case undefined:
    case 'http-response':
      return {};
    case 'text':
      return { user: event.text };
    case 'reply':
      return { reply: event.id };
    case 'location':
      return {
        location: {
          latitude: event.latitude,
          longitude: event.longitude,
          ...(event.name ? { name: event.name } : {}),
          ...(event.address ? { address: event.address } : {}),
        },
      };
    case 'media':
      return {
        media: {
          kind: event.kind,
          mediaId: event.mediaId,
          ...(event.mimeType ? { mimeType: event.mimeType } : {}),
          ...(event.caption ? { caption: event.caption } : {}),
          ...(event.filename ? { filename: event.filename } : {}),
        },
      };
    case 'agent-released':
      return { release: true };
    case 'timeout':
      return { timeout: true };
  }
}

function expectationOf({ effects, state }: RecordedTurn): Expectation {
  const says = effects.flatMap((effect) => {
    const first = renderMessage(effect)
      ?.split('\n')
      .find((line) => line.trim().length > 0);
    return first === undefined ? [] : [first.trim()];
  });
  const collected: Record<string, JsonValue> = {};
  const consent: Record<string, boolean> = {};
  const shared: Record<string, string[]> = {};
  const withheld = new Set<string>();
  let handedOff: Expectation['handedOff'];
  for (const effect of effects) {
    const stored = effect.type === 'collect' ? state.variables[effect.key] : undefined;
    if (effect.type === 'collect' && stored !== undefined) collected[effect.key] = stored;
    if (effect.type === 'record-consent')
      for (const purpose of effect.purposes) consent[purpose] = state.granted.includes(purpose);
    if (effect.type === 'call-http')
      shared[effect.recipient] = [...new Set([...(shared[effect.recipient] ?? []), ...effect.shared])];
    if (effect.type === 'hand-off') handedOff = { queue: effect.queue, shared: Object.keys(effect.shared) };
    if (effect.type === 'withhold') withheld.add(effect.key);
  }
  return {
    ...(says.length > 0 ? { says } : { saysNothing: true as const }),
    ...(state.node !== null ? { node: state.node } : {}),
    ...(Object.keys(collected).length > 0 ? { collected } : {}),
    ...(Object.keys(consent).length > 0 ? { consent } : {}),
    ...(Object.keys(shared).length > 0 ? { shared } : {}),
    ...(handedOff ? { handedOff } : {}),
    ...(effects.some((effect) => effect.type === 'erase') ? { erased: true } : {}),
    ...(state.optedOut ? { optedOut: true } : {}),
    ...(withheld.size > 0 ? { withheld: [...withheld] } : {}),
    ...(state.ended ? { ended: true } : {}),
  };
}
