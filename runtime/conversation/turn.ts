import { randomBytes } from 'node:crypto';
import type { ConversationState, EngineEffect, EngineEvent, JsonValue } from '../../flows/engine/index.ts';
import { runtimeRetention } from '../../flows/export/index.ts';
import type { Flow } from '../../flows/index.ts';
import { sealFor, type PersonKeys, type Sealer } from '../crypto/person-keys.ts';
import { eraseRequestsFor, openRecipientRefs, recipientRefOp, type RecipientRefs } from '../erasure/recipient-refs.ts';
import { messagesOf, type OutgoingMessage } from '../graph/messages.ts';
import { handoffDesk } from '../handoff/desk.ts';
import { subjectRef, type Logger } from '../log.ts';
import type { Forward } from '../outbox/payload.ts';
import type { LedgerEntry, OutboxKind, RecipientRefRow, TurnOp } from '../store/storage.ts';
import { TurnStats, type CountedConversation } from './stats.ts';

const day = 24 * 60 * 60 * 1000;

/**
 * An unfinished conversation is forgotten after a week without messages (WhatsApp closes its
 * customer-service window after 24 hours anyway); so is a handoff no agent took in that time.
 * Undeclared personal keys (which the checker refuses) get the same retention. The privacy
 * notice states the same number: both read it from flows/export/facts.ts.
 */
const { conversationIdleDays } = runtimeRetention;

/**
 * The writes of one turn of one conversation, built while its engine effects are carried out,
 * committed at once. Values are sealed for whoever the turn is about *at that point*: after an
 * erasure, a fresh person (new key) carries on the conversation. Messages to the customer are
 * queued last and sealed for the final person, so a confirmation sent after an erasure survives it.
 */
export class Turn {
  readonly ops: TurnOp[] = [];
  private readonly sends: { kind: OutboxKind; value: OutgoingMessage | Forward }[] = [];
  private readonly handoffs: Extract<TurnOp, { op: 'handoff-open' }>[] = [];
  private valuesExpireAt: number | undefined;
  private sealer: Sealer;
  /** The aggregate counters this turn adds to (./stats.ts). */
  readonly stats: TurnStats;
  /** What recipients returned for the stored person, loaded before an erasure needs it; then for nobody. */
  private storedRefs: RecipientRefs[] | undefined;
  /** What recipients returned during this turn for the current person. */
  private turnRefs: RecipientRefs[] = [];
  erased = false;

  constructor(
    /** The stored person the turn begins with. */
    readonly personId: number,
    private readonly flow: Flow,
    /** The SHA-256 of the running flow.json (manifest.json's), recorded with each consent answer. */
    private readonly flowVersion: string,
    private readonly keys: PersonKeys,
    private readonly log: Logger,
    sealer: Sealer,
    /** The customer's number, digits only (a fresh person after an erasure needs it). */
    private readonly phone: string,
    private readonly now: number,
    /** When values the conversation already held expire (undefined for a new conversation). */
    valuesExpireAt: number | undefined,
    /** The conversation as stored before this turn, if one is going on. */
    previous?: CountedConversation,
  ) {
    this.sealer = sealer;
    this.valuesExpireAt = valuesExpireAt;
    this.stats = new TurnStats(now, previous);
  }

  /** The turn's time: what its writes are stamped with. */
  get at(): number {
    return this.now;
  }

  get subject(): string {
    return subjectRef(this.sealer.phoneHash);
  }

  /** Carries out one engine effect, except `call-http`, which the processor answers. */
  apply(effect: EngineEffect): void {
    switch (effect.type) {
      case 'send-text':
      case 'send-buttons':
      case 'send-list':
        for (const message of messagesOf(effect)) this.send(message);
        return;
      case 'collect':
        if (effect.personal) this.collect(effect.key, effect.value);
        return;
      case 'record-consent':
        this.stats.consent(effect.purposes, effect.granted);
        this.ledger({
          event: effect.granted ? 'granted' : 'declined',
          purposes: effect.purposes,
          nodeId: effect.nodeId,
          flowVersion: this.flowVersion,
          wording: effect.wording,
        });
        this.log.info('consent', {
          subject: this.subject,
          node: effect.nodeId,
          granted: effect.granted,
          purposes: effect.purposes.join(','),
        });
        return;
      case 'consent-lapsed':
        // An earlier consent was given for a wording this flow no longer has: the consent step asks
        // again. The ledger keeps the earlier answer as it was; the new one is recorded when given.
        this.log.info('consent-lapsed', { subject: this.subject, purposes: effect.purposes.join(',') });
        return;
      case 'hand-off':
        this.stats.handedOff(effect.nodeId);
        this.handOff(effect.nodeId, effect.queue, effect.shared);
        return;
      case 'erase':
        this.erase();
        return;
      case 'opt-out':
        this.stats.optedOut(true);
        this.ledger({ event: 'opted-out', purposes: [] });
        return;
      case 'opt-in':
        this.ledger({ event: 'opted-in', purposes: [] });
        return;
      case 'withhold':
        this.log.info('withheld', { subject: this.subject, node: effect.nodeId, key: effect.key, via: effect.via });
        return;
      case 'refuse':
        // A step that would have sent a hole (a value erased or never given): key names only.
        this.log.info('refused', { subject: this.subject, node: effect.nodeId, keys: effect.keys.join(',') });
        return;
      case 'call-http':
      case 'end':
        return;
    }
  }

  send(message: OutgoingMessage): void {
    this.sends.push({ kind: 'message', value: message });
  }

  forward(forward: Forward): void {
    this.sends.push({ kind: 'forward', value: forward });
  }

  ledger(entry: Omit<LedgerEntry, 'at'>): void {
    this.ops.push({ op: 'ledger', entry: { ...entry, at: this.now } });
  }

  /** A message written to (or by) the agent who has the conversation. */
  handoffMessage(author: 'customer' | 'agent', content: unknown): void {
    this.ops.push({
      op: 'handoff-message',
      author,
      payload: sealFor(this.sealer, 'handoff-message', content),
      at: this.now,
    });
  }

  /** Whether an erasure still needs the stored person's recipient references ({@link useStoredRefs}). */
  get needsStoredRefs(): boolean {
    return this.storedRefs === undefined;
  }

  /** The stored person's recipient references, opened while their key is still there. */
  useStoredRefs(rows: readonly RecipientRefRow[]): void {
    this.storedRefs = openRecipientRefs(rows, this.sealer);
  }

  /** A recipient answered a request: if it has an erase route, what it returned to erase the person's record by is kept. */
  recipientAnswered(
    call: Extract<EngineEffect, { type: 'call-http' }>,
    response: Extract<EngineEvent, { type: 'http-response' }>,
    variables: Readonly<Record<string, JsonValue>>,
  ): void {
    const kept = recipientRefOp(this.flow, call, response, variables, this.sealer, this.now);
    if (!kept) return;
    this.ops.push(kept.op);
    this.turnRefs.push(kept.opened);
  }

  /**
   * Erases the person now (their key and rows go), queues the calls that ask recipients to erase
   * what they received, and carries on as a fresh person with a new key.
   */
  erase(): void {
    if (!this.storedRefs) throw new Error('an erasure needs the stored recipient references first');
    const requests = eraseRequestsFor(
      this.flow,
      [...this.storedRefs, ...this.turnRefs],
      this.keys.keyring,
      this.sealer.phoneHash,
    );
    this.storedRefs = [];
    this.turnRefs = [];
    this.ops.push({ op: 'erase', at: this.now, ...(requests.length > 0 ? { requests } : {}) });
    const fresh = this.keys.create(this.phone);
    this.ops.push({ op: 'new-person', material: fresh.material, at: this.now });
    this.sealer = fresh.sealer;
    this.valuesExpireAt = undefined;
    this.stats.forget();
    this.erased = true;
    this.log.info('erased', { subject: this.subject, via: 'conversation', recipients: requests.length });
  }

  /** Closes the turn: the conversation's state (or its end) and then the queued messages. */
  finish(state: ConversationState | undefined): TurnOp[] {
    const idleUntil = this.now + conversationIdleDays * day;
    const expiresAt = Math.min(idleUntil, this.valuesExpireAt ?? idleUntil);
    for (const handoff of this.handoffs) handoff.expiresAt = expiresAt;
    if (state && !state.ended) {
      this.ops.push({
        op: 'conversation',
        state: sealFor(this.sealer, 'state', { ...state, counted: this.stats.countedList }),
        updatedAt: this.now,
        ...(this.valuesExpireAt === undefined ? {} : { valuesExpireAt: this.valuesExpireAt }),
        expiresAt,
      });
    } else if (state?.ended) {
      this.ops.push({ op: 'end-conversation' });
    }
    const counts = this.stats.finish(state);
    if (counts.length > 0) this.ops.push({ op: 'stats', counts });
    for (const send of this.sends) {
      this.ops.push({
        op: 'outbox',
        kind: send.kind,
        payload: sealFor(this.sealer, 'outbox', send.value),
        createdAt: this.now,
      });
    }
    return this.ops;
  }

  private collect(key: string, value: unknown): void {
    const declared = this.flow.data.find((field) => field.key === key);
    const expiresAt = this.now + (declared?.retentionDays ?? conversationIdleDays) * day;
    this.valuesExpireAt = Math.min(this.valuesExpireAt ?? expiresAt, expiresAt);
    this.ops.push({
      op: 'field',
      key,
      value: sealFor(this.sealer, `field:${key}`, value),
      collectedAt: this.now,
      expiresAt,
    });
  }

  private handOff(nodeId: string, queue: string, shared: Record<string, unknown>): void {
    const ref = randomBytes(12).toString('base64url');
    const op: Extract<TurnOp, { op: 'handoff-open' }> = {
      op: 'handoff-open',
      ref,
      queue,
      nodeId,
      shared: sealFor(this.sealer, 'handoff', shared),
      at: this.now,
      expiresAt: this.now,
    };
    this.ops.push(op);
    this.handoffs.push(op);
    this.log.info('handed-off', {
      subject: this.subject,
      node: nodeId,
      queue,
      handoff: ref,
      shared: Object.keys(shared).join(','),
    });
    const desk = handoffDesk(this.flow, queue);
    if (desk) {
      // Only the fields declared as shared with this recipient go to its URL (DESIGN.md §2 sharedWith).
      const allowed = Object.fromEntries(
        Object.entries(shared).filter(([key]) =>
          this.flow.data.some((field) => field.key === key && field.sharedWith?.includes(desk.id)),
        ),
      );
      this.forward({
        url: desk.url,
        body: {
          event: 'handoff',
          flow: this.flow.id,
          handoff: ref,
          queue,
          node: nodeId,
          at: new Date(this.now).toISOString(),
          shared: allowed,
        },
      });
    }
  }
}
