import { earlierConsents } from './earlier-consents.ts';
import {
  matchKeyword,
  start,
  step,
  engineText,
  type ConversationState,
  type EngineEffect,
  type EngineEvent,
  type EngineResult,
} from '../../flows/engine/index.ts';
import { closestUiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import { openFor, type PersonKeys, type Sealer } from '../crypto/person-keys.ts';
import { handoffDesk } from '../handoff/desk.ts';
import type { Logger } from '../log.ts';
import { runtimeText } from '../messages.ts';
import type { HandoffRow, InboxRow, PersonContext, Storage, TurnResult } from '../store/storage.ts';
import type { InboundContent } from '../webhook/payload.ts';
import { valuesAfterResponse } from '../erasure/recipient-refs.ts';
import { languageFor } from './language.ts';
import { splitCounted } from './stats.ts';
import type { callRecipient } from './recipient-call.ts';
import { Turn } from './turn.ts';

/** What the inbox keeps of a customer's message (sealed): no WhatsApp id, no number. */
export interface InboxPayload {
  name?: string;
  timestamp: number;
  content: InboundContent;
}

export interface ProcessorOptions {
  flow: Flow;
  /** The SHA-256 of flow.json as exported (manifest.json's, checked by ../bundle.ts), recorded with every consent answer. */
  flowHash: string;
  store: Storage;
  keys: PersonKeys;
  clock: () => number;
  log: Logger;
  callRecipient: typeof callRecipient;
  /** Told after every commit (the outbox sender wakes; the files are scrubbed after an erasure). */
  committed(result: TurnResult): void;
}

/** An http node that keeps calling recipients without ever waiting for the customer is cut off. */
const maxRecipientCalls = 20;

/**
 * Runs one turn of a conversation through the engine and commits what it did in one write:
 * the inbox row is marked done in the same transaction that stores the new state and queues the
 * replies, so after a crash a message is either wholly processed or processed again from scratch.
 * The caller runs turns of one person one at a time (./inbox-worker.ts).
 */
export class ConversationProcessor {
  constructor(private readonly options: ProcessorOptions) {}

  /** Processes one message from the inbox. */
  async inbound(row: InboxRow): Promise<void> {
    const { store, keys } = this.options;
    const context = await store.personContext(row.personId);
    // The person was erased after the message arrived: the erasure already closed the row.
    if (!context) return;
    const sealer = keys.of(context.person);
    const message = openFor(sealer, 'inbox', row.payload);
    if (!isInboxPayload(message)) throw new Error('malformed inbox payload');
    const { turn, state } = this.begin(context, sealer);
    turn.ops.push({ op: 'inbox-done', inboxId: row.id });

    if (state?.waitingFor === 'agent' && context.openHandoff) {
      // A person has the chat: the bot stays silent and the message goes to the agent.
      turn.handoffMessage('customer', message.content);
      this.forwardToDesk(turn, context.openHandoff, { event: 'message', content: message.content });
      await this.commit(context, turn, state);
      return;
    }
    const contact = { phone: `+${keys.phoneOf(context.person)}`, ...(message.name ? { name: message.name } : {}) };
    const event = eventOf(message.content);
    let final: ConversationState | undefined;
    if (state && state.waitingFor === 'agent') {
      // The handoff record is gone (it expired with its values): hand the conversation back.
      final = await this.run(turn, step(this.options.flow, state, { type: 'agent-released' }));
    } else if (state && !state.ended) {
      if (!event) {
        turn.send({ type: 'text', text: runtimeText(closestUiLanguage(state.language), 'unsupported-message') });
        final = state;
      } else {
        final = await this.run(turn, step(this.options.flow, state, event));
      }
    } else {
      final = await this.newConversation(turn, context, contact, event);
    }
    await this.commit(context, turn, final);
  }

  /** The agent hands the conversation back to the bot; false when it was no longer waiting. */
  async release(handoff: HandoffRow): Promise<boolean> {
    const context = await this.options.store.personContext(handoff.personId);
    if (!context || context.openHandoff?.ref !== handoff.ref) return false;
    const { turn, state } = this.begin(context, this.options.keys.of(context.person));
    turn.ops.push({ op: 'handoff-release' });
    const final = state ? await this.run(turn, step(this.options.flow, state, { type: 'agent-released' })) : undefined;
    this.options.log.info('released', { subject: turn.subject, handoff: handoff.ref });
    await this.commit(context, turn, final);
    return true;
  }

  /**
   * The agent writes to the customer (desk or admin API); false when the handoff is over. Says
   * which outbox row carries the message and the time the handoff records it with, for its
   * delivery status. `key` (the desk's key for the reply) is sealed with the agent's message, so
   * the desk can tell a reply sent again after a lost answer from a new one.
   */
  async agentReply(
    handoff: HandoffRow,
    text: string,
    key?: string,
  ): Promise<{ outboxId?: number; at: number } | false> {
    const context = await this.options.store.personContext(handoff.personId);
    if (!context || context.openHandoff?.ref !== handoff.ref) return false;
    const { turn, state } = this.begin(context, this.options.keys.of(context.person));
    turn.send({ type: 'text', text });
    turn.handoffMessage('agent', { type: 'text', text, ...(key === undefined ? {} : { key }) });
    const result = await this.commit(context, turn, state);
    const outboxId = result.outbox[0];
    return outboxId === undefined ? { at: turn.at } : { outboxId, at: turn.at };
  }

  private begin(context: PersonContext, sealer: Sealer): { turn: Turn; state: ConversationState | undefined } {
    const { flow, keys, log, clock } = this.options;
    const opened = context.conversation ? openFor(sealer, 'state', context.conversation.state) : undefined;
    const { state: stored, counted } = isRecord(opened)
      ? splitCounted(opened)
      : { state: undefined, counted: undefined };
    // A state from another flow (the bot was re-exported with a different flow) is not resumed.
    const state = isConversationState(stored) && stored.flowId === flow.id ? stored : undefined;
    const turn = new Turn(
      context.person.id,
      flow,
      this.options.flowHash,
      keys,
      log,
      sealer,
      keys.phoneOf(context.person),
      clock(),
      state ? context.conversation?.valuesExpireAt : undefined,
      state && context.conversation
        ? { state, updatedAt: context.conversation.updatedAt, ...(counted ? { counted } : {}) }
        : undefined,
    );
    return { turn, state };
  }

  /**
   * The first message of a conversation starts the flow; it is not taken as an answer, except a
   * global keyword. With no conversation going on, `stop` only records the opt-out and `erase`
   * erases and confirms, without starting anything.
   */
  private async newConversation(
    turn: Turn,
    context: PersonContext,
    contact: { phone: string; name?: string },
    event: EngineEvent | undefined,
  ): Promise<ConversationState | undefined> {
    const { flow } = this.options;
    const language = languageFor(flow, contact.phone.slice(1));
    const keyword = event?.type === 'text' ? matchKeyword(flow.keywords, event.text) : undefined;
    if (keyword === 'stop') {
      turn.stats.optedOut(false);
      turn.ledger({ event: 'opted-out', purposes: [] });
      return undefined;
    }
    if (keyword === 'erase') {
      await this.prepareErasure(turn);
      turn.erase();
      turn.send({ type: 'text', text: engineText(closestUiLanguage(language), 'erased') });
      return undefined;
    }
    // Read only for a conversation that starts: `stop` and `erase` above need no history.
    const consents = earlierConsents(await this.options.store.consentLedger(context.person.phoneHash));
    const started = await this.run(turn, start(flow, { language, contact, consents }));
    if (keyword === 'human' && event && started && !started.ended) {
      return this.run(turn, step(flow, started, event));
    }
    return started;
  }

  /** Carries out the effects of an engine result, answering http nodes, until the engine waits. */
  private async run(turn: Turn, first: EngineResult): Promise<ConversationState> {
    let result = first;
    for (let calls = 0; ; calls += 1) {
      const call = result.effects.find(
        (effect): effect is Extract<EngineEffect, { type: 'call-http' }> => effect.type === 'call-http',
      );
      turn.stats.reached(result.trace.nodes);
      if (result.effects.some((effect) => effect.type === 'erase')) await this.prepareErasure(turn);
      for (const effect of result.effects) turn.apply(effect);
      if (!call) return result.state;
      const response =
        calls < maxRecipientCalls
          ? await this.callRecipient(call)
          : { type: 'http-response' as const, status: 0, body: null, error: 'too many calls in one turn' };
      this.options.log.info('recipient-called', {
        subject: turn.subject,
        node: call.nodeId,
        recipient: call.recipient,
        status: response.status,
        error: response.error,
        shared: call.shared.join(','),
      });
      const before = result.state;
      result = step(this.options.flow, before, response);
      turn.recipientAnswered(call, response, valuesAfterResponse(before.variables, result.effects));
    }
  }

  /** An erasure asks the recipients the person's data reached: what they returned is read while the key is there. */
  private async prepareErasure(turn: Turn): Promise<void> {
    if (turn.needsStoredRefs) turn.useStoredRefs(await this.options.store.recipientRefs(turn.personId));
  }

  /**
   * Asks the recipient, and whatever goes wrong on the way becomes the step's `error` outcome:
   * a customer's answer must never make the turn itself fail (and the message be retried, then dropped).
   */
  private async callRecipient(
    call: Extract<EngineEffect, { type: 'call-http' }>,
  ): Promise<Extract<EngineEvent, { type: 'http-response' }>> {
    try {
      return await this.options.callRecipient(this.options.flow, call);
    } catch (error) {
      const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
      this.options.log.error('recipient-call-failed', { node: call.nodeId, recipient: call.recipient, error: code });
      return { type: 'http-response', status: 0, body: null, error: 'call failed' };
    }
  }

  private forwardToDesk(turn: Turn, handoff: HandoffRow, body: Record<string, unknown>): void {
    const desk = handoffDesk(this.options.flow, handoff.queue);
    if (!desk) return;
    turn.forward({ url: desk.url, body: { ...body, flow: this.options.flow.id, handoff: handoff.ref } });
  }

  private async commit(context: PersonContext, turn: Turn, state: ConversationState | undefined): Promise<TurnResult> {
    const ops = turn.finish(state);
    const result = await this.options.store.commitTurn(context.person.id, ops);
    if (result.erased) this.options.keys.forget(context.person.id);
    this.options.committed(result);
    return result;
  }
}

/** The engine event of a customer's message; undefined for kinds the engine cannot read. */
function eventOf(content: InboundContent): EngineEvent | undefined {
  return content.type === 'unsupported' ? undefined : content;
}

function isInboxPayload(value: unknown): value is InboxPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    'content' in value &&
    typeof value.content === 'object' &&
    value.content !== null &&
    'type' in value.content &&
    typeof value.content.type === 'string'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isConversationState(value: unknown): value is ConversationState {
  return (
    typeof value === 'object' &&
    value !== null &&
    'flowId' in value &&
    typeof value.flowId === 'string' &&
    'variables' in value &&
    typeof value.variables === 'object' &&
    'language' in value &&
    typeof value.language === 'string'
  );
}
