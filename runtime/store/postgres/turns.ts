import {
  toConversation,
  toField,
  toHandoff,
  toPerson,
  type ConversationColumns,
  type FieldColumns,
  type PersonColumns,
} from '../rows.ts';
import {
  TurnConflict,
  type ConversationRow,
  type EraseRequest,
  type PersonContext,
  type TurnOp,
  type TurnResult,
} from '../storage.ts';
import { bigintArray, Pipeline, type Db } from './connect.ts';
import { handoffs } from './handoffs.ts';
import { inbox } from './inbox.ts';
import { outbox } from './outbox.ts';
import { stats } from './stats.ts';
import { recipientErasures } from './recipient-erasures.ts';
import { subjects } from './subjects.ts';

/** A person joined with their conversation (`c_`) and open handoff (`h_`), each null when there is none. */
type ContextColumns = PersonColumns & {
  c_state: Buffer | null;
  c_updated_at: number | null;
  c_values_expire_at: number | null;
  c_expires_at: number | null;
  h_id: number | null;
  h_ref: string | null;
  h_queue: string | null;
  h_node_id: string | null;
  h_shared: Buffer | null;
  h_created_at: number | null;
  h_expires_at: number | null;
};

/**
 * What a conversation holds between turns (its sealed state and the values collected) and the
 * application of one turn's writes, in order, across every area, inside the caller's transaction.
 */
export const turns = {
  /**
   * People with their conversation and open handoff, in one statement (read before every turn; the
   * turns starting at once ask together), by person id; a person erased meanwhile is missing.
   */
  async contexts(sql: Db, personIds: readonly number[]): Promise<Map<number, PersonContext>> {
    const rows = await sql<ContextColumns[]>`
      SELECT p.*, c.state AS c_state, c.updated_at AS c_updated_at, c.values_expire_at AS c_values_expire_at,
             c.expires_at AS c_expires_at, h.id AS h_id, h.ref AS h_ref, h.queue AS h_queue, h.node_id AS h_node_id,
             h.shared AS h_shared, h.created_at AS h_created_at, h.expires_at AS h_expires_at
      FROM persons p LEFT JOIN conversations c ON c.person_id = p.id LEFT JOIN handoffs h ON h.person_id = p.id
      WHERE p.id = ANY(${bigintArray(sql, [...personIds])}::bigint[])`;
    return new Map(rows.map((row) => [row.id, toContext(row)]));
  },

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
   * Applies one turn's writes in order to the turn's current person, in one transaction on `tx` (a
   * reserved connection) sent as one pipeline with its BEGIN and COMMIT: one round trip (see
   * {@link Pipeline}). Every check is a statement that fails, so a failed one turns the COMMIT into
   * a rollback. Throws {@link TurnConflict} when this instance no longer holds the person or the
   * message was already processed, so a turn is committed once, by one instance. An erasure or a
   * new person waits for what was sent before it: the statements after depend on its outcome.
   */
  async apply(tx: Db, owner: string, startPersonId: number, ops: TurnOp[]): Promise<TurnResult> {
    const pipe = new Pipeline();
    pipe.send(tx`BEGIN`);
    try {
      const turn = await sendOps(tx, pipe, owner, startPersonId, ops);
      pipe.send(tx`COMMIT`);
      await pipe.settle();
      const outbox = await Promise.all(turn.outbox.map(async (rows) => (await rows)[0]?.id ?? NaN));
      return { personId: turn.personId, outbox, erased: turn.erased };
    } catch (error) {
      // Nothing to roll back when the COMMIT was sent (it rolled back itself); otherwise end the transaction here.
      await tx`ROLLBACK`.catch(() => undefined);
      // The first statement that failed says why; those after it only say the transaction was aborted.
      await pipe.settle().catch((first: unknown) => {
        throw conflictOf(first);
      });
      throw conflictOf(error);
    }
  },
};

/** Sends a turn's statements; waits only where an erasure or a new person needs what came before. */
async function sendOps(
  sql: Db,
  pipe: Pipeline,
  owner: string,
  startPersonId: number,
  ops: TurnOp[],
): Promise<{ personId: number; erased: boolean; outbox: Promise<{ id: number }[]>[] }> {
  pipe.send(sql`SELECT amana_turn_holds(${owner}, ${startPersonId})`);
  let personId: number | undefined = startPersonId;
  let phoneHash: Buffer | undefined;
  /** The keyed phone hash the turn started with (for the ledger, an erasure, a new person). */
  const phone = async (): Promise<Buffer> => {
    if (phoneHash) return phoneHash;
    const [row] = await pipe.send(
      sql<{ phone_hash: Buffer }[]>`SELECT phone_hash FROM persons WHERE id = ${startPersonId}`,
    );
    if (!row) throw new TurnConflict(`person ${startPersonId} no longer exists`);
    return (phoneHash = row.phone_hash);
  };
  const current = (): number => {
    if (personId === undefined) throw new Error('a turn wrote after an erasure without creating a new person');
    return personId;
  };
  const outboxRows: Promise<{ id: number }[]>[] = [];
  let erased = false;
  for (const op of ops) {
    switch (op.op) {
      case 'inbox-done':
        pipe.send(sql`SELECT amana_inbox_done(${op.inboxId}, ${Date.now()})`);
        break;
      case 'field':
        pipe.send(sql`INSERT INTO fields (person_id, key, value, collected_at, expires_at)
          VALUES (${current()}, ${op.key}, ${op.value}, ${op.collectedAt}, ${op.expiresAt})
          ON CONFLICT (person_id, key) DO UPDATE SET value = excluded.value,
            collected_at = excluded.collected_at, expires_at = excluded.expires_at`);
        break;
      case 'ledger':
        pipe.send(subjects.appendLedger(sql, await phone(), op.entry));
        break;
      case 'outbox':
        outboxRows.push(pipe.send(outbox.add(sql, current(), op.kind, op.payload, op.createdAt)));
        break;
      case 'conversation':
        pipe.send(sql`INSERT INTO conversations (person_id, state, updated_at, values_expire_at, expires_at)
          VALUES (${current()}, ${op.state}, ${op.updatedAt}, ${op.valuesExpireAt ?? null}, ${op.expiresAt})
          ON CONFLICT (person_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
            values_expire_at = excluded.values_expire_at, expires_at = excluded.expires_at`);
        break;
      case 'end-conversation':
        pipe.send(sql`DELETE FROM conversations WHERE person_id = ${current()}`);
        break;
      case 'handoff-open':
        pipe.send(handoffs.release(sql, current()));
        pipe.send(handoffs.insert(sql, current(), op));
        break;
      case 'handoff-message':
        pipe.send(handoffs.addMessage(sql, current(), op.author, op.payload, op.at));
        break;
      case 'handoff-release':
        pipe.send(handoffs.release(sql, current()));
        break;
      case 'recipient-ref':
        pipe.send(recipientErasures.recordRef(sql, current(), op));
        break;
      case 'erase': {
        const hash = await phone();
        await pipe.settle();
        await turns.erase(sql, hash, personId, op.at, op.requests);
        personId = undefined;
        erased = true;
        break;
      }
      case 'new-person': {
        const hash = await phone();
        await pipe.settle();
        personId = (await subjects.add(sql, hash, op.material, op.at)).id;
        break;
      }
      case 'stats': {
        const subject = personId === undefined ? { phoneHash: await phone() } : { personId };
        for (const statement of stats.add(sql, op.counts, subject)) pipe.send(statement);
        break;
      }
    }
  }
  return { personId: personId ?? startPersonId, erased, outbox: outboxRows };
}

/** A failed check of migration 7's functions that means another instance's turn stands, as a conflict. */
function conflictOf(error: unknown): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'AM001' || code === 'AM002' ? new TurnConflict(error instanceof Error ? error.message : '') : error;
}

function toContext(row: ContextColumns): PersonContext {
  const person = toPerson(row);
  const conversation =
    row.c_state === null
      ? undefined
      : toConversation({
          state: row.c_state,
          updated_at: Number(row.c_updated_at),
          values_expire_at: row.c_values_expire_at,
          expires_at: Number(row.c_expires_at),
        });
  const openHandoff =
    row.h_id === null
      ? undefined
      : toHandoff(
          {
            id: row.h_id,
            ref: String(row.h_ref),
            person_id: person.id,
            queue: String(row.h_queue),
            node_id: String(row.h_node_id),
            shared: row.h_shared ?? Buffer.alloc(0),
            created_at: Number(row.h_created_at),
            expires_at: Number(row.h_expires_at),
          },
          person,
        );
  return { person, ...(conversation ? { conversation } : {}), ...(openHandoff ? { openHandoff } : {}) };
}
