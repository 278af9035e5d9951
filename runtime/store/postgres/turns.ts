import { toConversation, toField, type ConversationColumns, type FieldColumns } from '../rows.ts';
import {
  TurnConflict,
  type ConversationRow,
  type EraseRequest,
  type PersonRow,
  type TurnOp,
  type TurnResult,
} from '../storage.ts';
import type { Db } from './connect.ts';
import { handoffs } from './handoffs.ts';
import { inbox } from './inbox.ts';
import { outbox } from './outbox.ts';
import { stats } from './stats.ts';
import { recipientErasures } from './recipient-erasures.ts';
import { subjects } from './subjects.ts';

/**
 * What a conversation holds between turns (its sealed state and the values collected) and the
 * application of one turn's writes, in order, across every area, inside the caller's transaction.
 */
export const turns = {
  async conversation(sql: Db, personId: number): Promise<ConversationRow | undefined> {
    const [row] = await sql<ConversationColumns[]>`SELECT * FROM conversations WHERE person_id = ${personId}`;
    return row ? toConversation(row) : undefined;
  },

  async fields(
    sql: Db,
    personId: number,
  ): Promise<{ key: string; value: Buffer; collectedAt: number; expiresAt: number }[]> {
    const rows = await sql<FieldColumns[]>`
      SELECT key, value, collected_at, expires_at FROM fields WHERE person_id = ${personId} ORDER BY key`;
    return rows.map(toField);
  },

  async purge(sql: Db, now: number): Promise<{ fields: number; conversations: number }> {
    const fields = await sql`DELETE FROM fields WHERE expires_at <= ${now}`;
    const conversations = await sql`DELETE FROM conversations WHERE expires_at <= ${now}`;
    return { fields: fields.count, conversations: conversations.count };
  },

  /**
   * Erases one person (if still there), records it in the ledger and the journal and queues the
   * requests that tell recipients; true when the journal did not hold it yet (a replay, ./upkeep.ts).
   */
  async erase(
    sql: Db,
    phoneHash: Buffer,
    personId: number | undefined,
    at: number,
    requests: readonly EraseRequest[] = [],
  ): Promise<boolean> {
    if (personId !== undefined) {
      await inbox.dropPendingOf(sql, personId, at);
      await subjects.delete(sql, personId);
    }
    await recipientErasures.queue(sql, phoneHash, requests, at);
    return subjects.recordErasure(sql, phoneHash, at);
  },

  /**
   * Applies one turn's writes in order to the turn's current person. Throws {@link TurnConflict}
   * when this instance no longer holds the person or the message was already processed: the
   * caller's transaction then rolls back, so a turn is committed once, by one instance.
   */
  async apply(sql: Db, owner: string, startPersonId: number, ops: TurnOp[]): Promise<TurnResult> {
    if (!(await inbox.holds(sql, owner, startPersonId))) throw new TurnConflict('another instance holds this person');
    const start = await subjects.byId(sql, startPersonId);
    if (!start) throw new TurnConflict(`person ${startPersonId} no longer exists`);
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
          if (!(await inbox.markDone(sql, op.inboxId, Date.now())))
            throw new TurnConflict('the message was already processed');
          break;
        case 'field':
          await sql`INSERT INTO fields (person_id, key, value, collected_at, expires_at)
            VALUES (${current().id}, ${op.key}, ${op.value}, ${op.collectedAt}, ${op.expiresAt})
            ON CONFLICT (person_id, key) DO UPDATE SET value = excluded.value,
              collected_at = excluded.collected_at, expires_at = excluded.expires_at`;
          break;
        case 'ledger':
          await subjects.appendLedger(sql, start.phoneHash, op.entry);
          break;
        case 'outbox':
          queued.push(await outbox.add(sql, current().id, op.kind, op.payload, op.createdAt));
          break;
        case 'conversation':
          await sql`INSERT INTO conversations (person_id, state, updated_at, values_expire_at, expires_at)
            VALUES (${current().id}, ${op.state}, ${op.updatedAt}, ${op.valuesExpireAt ?? null}, ${op.expiresAt})
            ON CONFLICT (person_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
              values_expire_at = excluded.values_expire_at, expires_at = excluded.expires_at`;
          break;
        case 'end-conversation':
          await sql`DELETE FROM conversations WHERE person_id = ${current().id}`;
          break;
        case 'handoff-open':
          await handoffs.start(sql, current().id, op);
          break;
        case 'handoff-message':
          await handoffs.addMessage(sql, current().id, op.author, op.payload, op.at);
          break;
        case 'handoff-release':
          await handoffs.release(sql, current().id);
          break;
        case 'recipient-ref':
          await recipientErasures.recordRef(sql, current().id, op);
          break;
        case 'erase':
          await turns.erase(sql, start.phoneHash, person?.id, op.at, op.requests);
          person = undefined;
          erased = true;
          break;
        case 'new-person':
          person = await subjects.add(sql, start.phoneHash, op.material, op.at);
          break;
        case 'stats':
          await stats.apply(sql, op.counts);
          break;
      }
    }
    return { personId: person?.id ?? startPersonId, outbox: queued, erased };
  },
};
