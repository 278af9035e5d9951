import type Database from 'better-sqlite3';
import { toConversation, toField, type ConversationColumns, type FieldColumns } from '../rows.ts';
import {
  TurnConflict,
  type ConversationRow,
  type EraseRequest,
  type PersonRow,
  type TurnOp,
  type TurnResult,
} from '../storage.ts';
import type { SqliteHandoffs } from './handoffs.ts';
import type { SqliteInbox } from './inbox.ts';
import type { SqliteOutbox } from './outbox.ts';
import type { SqliteStats } from './stats.ts';
import type { SqliteRecipientErasures } from './recipient-erasures.ts';
import type { SqliteSubjects } from './subjects.ts';

/** The areas a turn writes to besides its own tables. */
export interface TurnAreas {
  subjects: SqliteSubjects;
  inbox: SqliteInbox;
  outbox: SqliteOutbox;
  handoffs: SqliteHandoffs;
  stats: SqliteStats;
  recipientErasures: SqliteRecipientErasures;
}

/**
 * What a conversation holds between turns (its sealed state and the values collected) and the
 * application of one turn's writes, in order, across every area.
 */
export class SqliteTurns {
  private readonly conversationOf;
  private readonly upsertConversation;
  private readonly removeConversation;
  private readonly purgeConversations;
  private readonly upsertField;
  private readonly fieldsOf;
  private readonly purgeFields;

  constructor(
    db: Database.Database,
    private readonly areas: TurnAreas,
  ) {
    this.conversationOf = db.prepare<[number], ConversationColumns>('SELECT * FROM conversations WHERE person_id = ?');
    this.upsertConversation = db.prepare<[number, Buffer, number, number | null, number]>(
      `INSERT INTO conversations (person_id, state, updated_at, values_expire_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
         values_expire_at = excluded.values_expire_at, expires_at = excluded.expires_at`,
    );
    this.removeConversation = db.prepare<[number]>('DELETE FROM conversations WHERE person_id = ?');
    this.purgeConversations = db.prepare<[number]>('DELETE FROM conversations WHERE expires_at <= ?');
    this.upsertField = db.prepare<[number, string, Buffer, number, number]>(
      `INSERT INTO fields (person_id, key, value, collected_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (person_id, key) DO UPDATE SET value = excluded.value,
         collected_at = excluded.collected_at, expires_at = excluded.expires_at`,
    );
    this.fieldsOf = db.prepare<[number], FieldColumns>(
      'SELECT key, value, collected_at, expires_at FROM fields WHERE person_id = ? ORDER BY key',
    );
    this.purgeFields = db.prepare<[number]>('DELETE FROM fields WHERE expires_at <= ?');
  }

  conversation(personId: number): ConversationRow | undefined {
    const row = this.conversationOf.get(personId);
    return row ? toConversation(row) : undefined;
  }

  fields(personId: number): { key: string; value: Buffer; collectedAt: number; expiresAt: number }[] {
    return this.fieldsOf.all(personId).map(toField);
  }

  purge(now: number): { fields: number; conversations: number } {
    return { fields: this.purgeFields.run(now).changes, conversations: this.purgeConversations.run(now).changes };
  }

  /**
   * Erases one person (if still there), records it in the ledger and queues the requests that tell
   * recipients; inside a transaction.
   */
  erase(phoneHash: Buffer, personId: number | undefined, at: number, requests: readonly EraseRequest[] = []): boolean {
    const { inbox, subjects, recipientErasures } = this.areas;
    if (personId !== undefined) {
      inbox.dropPendingOf(personId, at);
      subjects.delete(personId);
    }
    recipientErasures.queue(phoneHash, requests, at);
    return subjects.recordErasure(phoneHash, at);
  }

  /** Applies one turn's writes in order to the turn's current person; inside a transaction. */
  apply(startPersonId: number, ops: TurnOp[]): TurnResult {
    const { subjects, inbox, outbox, handoffs, stats } = this.areas;
    const start = subjects.byIdNow(startPersonId);
    if (!start) throw new Error(`person ${startPersonId} no longer exists`);
    let person: PersonRow | undefined = start;
    const queued: number[] = [];
    let erased = false;
    const current = (): PersonRow => {
      if (!person) throw new Error('a turn wrote after an erasure without creating a new person');
      return person;
    };
    for (const op of ops) {
      switch (op.op) {
        case 'inbox-done':
          if (!inbox.markDone(op.inboxId, Date.now())) throw new TurnConflict('the message was already processed');
          break;
        case 'field':
          this.upsertField.run(current().id, op.key, op.value, op.collectedAt, op.expiresAt);
          break;
        case 'ledger':
          subjects.appendLedger(start.phoneHash, op.entry);
          break;
        case 'outbox':
          queued.push(outbox.add(current().id, op.kind, op.payload, op.createdAt));
          break;
        case 'conversation':
          this.upsertConversation.run(current().id, op.state, op.updatedAt, op.valuesExpireAt ?? null, op.expiresAt);
          break;
        case 'end-conversation':
          this.removeConversation.run(current().id);
          break;
        case 'handoff-open':
          handoffs.start(current().id, op);
          break;
        case 'handoff-message':
          handoffs.addMessage(current().id, op.author, op.payload, op.at);
          break;
        case 'handoff-release':
          handoffs.release(current().id);
          break;
        case 'recipient-ref':
          this.areas.recipientErasures.recordRef(current().id, op);
          break;
        case 'erase':
          this.erase(start.phoneHash, person?.id, op.at, op.requests);
          person = undefined;
          erased = true;
          break;
        case 'new-person':
          person = subjects.add(start.phoneHash, op.material, op.at);
          break;
        case 'stats':
          stats.apply(op.counts);
          break;
      }
    }
    return { personId: person?.id ?? startPersonId, outbox: queued, erased };
  }
}
