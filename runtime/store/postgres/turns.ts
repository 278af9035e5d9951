import {
  ledgerColumns,
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
import { bigintArray, pipelined, type Db, type Pipeline, type Pool } from './connect.ts';
import { inbox } from './inbox.ts';
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
      // First, so that no message written meanwhile keeps its sealed payload and loses its person.
      await subjects.lock(sql, personId);
      await inbox.dropPendingOf(sql, personId, at);
      await subjects.delete(sql, personId);
    }
    await recipientErasures.queue(sql, phoneHash, requests, at);
    return subjects.recordErasure(sql, phoneHash, at);
  },

  /**
   * The turns of several people, each as if alone (see {@link apply}), in one statement: each
   * commits or fails by itself; the outcomes come back in order. No turn may erase or create a
   * person (those go through {@link apply}).
   */
  async applyMany(sql: Db, owner: Owner, batch: readonly PlainTurn[]): Promise<(TurnResult | Error)[]> {
    const described = batch.map((turn) => {
      const { ops, counts } = describe(turn.ops);
      return { person: turn.personId, ops, counts };
    });
    const [row] = await sql<{ outcomes: TurnOutcome[] }[]>`
      SELECT amana_turns(${owner.name}, ${owner.leaseSeconds}, ${sql.json(described)}::jsonb) AS outcomes`;
    const outcomes = row?.outcomes ?? [];
    if (outcomes.length !== batch.length) throw new Error('the database did not answer every turn');
    return outcomes.map((outcome, index) =>
      'code' in outcome
        ? conflictOf(Object.assign(new Error(outcome.message), { name: 'PostgresError', code: outcome.code }))
        : { personId: batch[index]!.personId, outbox: outcome.outbox.map(Number), erased: false },
    );
  },

  /**
   * Applies one turn's writes in order to the turn's current person, in one transaction sent as one
   * pipeline with its BEGIN and COMMIT (see {@link pipelined}):
   * the writes between an erasure or a new person go as one statement (migration 8), and only an
   * erasure or a new person waits for what came before it. Every check is a statement that fails,
   * so a failed one turns the COMMIT into a rollback. Throws {@link TurnConflict} when this
   * instance no longer holds the person or the message was already processed, so a turn is
   * committed once, by one instance.
   */
  async apply(pool: Pool, owner: Owner, startPersonId: number, ops: TurnOp[]): Promise<TurnResult> {
    try {
      const turn = await pipelined(pool, (tx, pipe) => sendOps(tx, pipe, owner, startPersonId, ops));
      const outbox = (await Promise.all(turn.outbox)).flatMap(([row]) => (row?.ids ?? []).map(Number));
      return { personId: turn.personId, outbox, erased: turn.erased };
    } catch (error) {
      throw conflictOf(error);
    }
  },
};

/** The instance committing turns: its name on its leases, and how long a lease it renews lasts. */
export interface Owner {
  name: string;
  leaseSeconds: number;
}

/** A turn that neither erases nor creates a person: {@link turns.applyMany} takes several at once. */
export interface PlainTurn {
  personId: number;
  ops: PlainOp[];
}

/** A write that neither erases nor creates a person. */
type PlainOp = Exclude<TurnOp, { op: 'erase' | 'new-person' }>;

/** Whether a turn can go with others in one statement ({@link turns.applyMany}). */
export function isPlain(ops: TurnOp[]): ops is PlainOp[] {
  return ops.every((op) => op.op !== 'erase' && op.op !== 'new-person');
}

type TurnOutcome = { outbox: (number | string)[] } | { code: string; message: string };

/** A write of a turn as migration 8's amana_turn_ops reads it: bytea as base64, times as numbers. */
type Described = Record<string, string | number | boolean | null>;

/** A run of writes without an erasure or a new person in it, and the counts among them, for the database. */
function describe(ops: readonly PlainOp[]): { ops: Described[]; counts: Described[] } {
  const described: Described[] = [];
  const counts: Described[] = [];
  for (const op of ops) {
    if (op.op === 'stats')
      counts.push(...op.counts.map(({ day, scope, item, metric, count }) => ({ day, scope, item, metric, count })));
    else described.push(describeOne(op));
  }
  return { ops: described, counts };
}

function describeOne(op: Exclude<PlainOp, { op: 'stats' }>): Described {
  const b64 = (value: Buffer) => value.toString('base64');
  switch (op.op) {
    case 'inbox-done':
      return { op: op.op, inboxId: op.inboxId, at: Date.now() };
    case 'field':
      return { op: op.op, key: op.key, value: b64(op.value), collectedAt: op.collectedAt, expiresAt: op.expiresAt };
    case 'ledger': {
      const [event, purposes, nodeId, flowVersion, wording, at] = ledgerColumns(op.entry);
      return { op: op.op, event, purposes, nodeId, flowVersion, wording, at };
    }
    case 'outbox':
      return { op: op.op, kind: op.kind, payload: b64(op.payload), createdAt: op.createdAt };
    case 'conversation':
      return {
        op: op.op,
        state: b64(op.state),
        updatedAt: op.updatedAt,
        valuesExpireAt: op.valuesExpireAt ?? null,
        expiresAt: op.expiresAt,
      };
    case 'end-conversation':
    case 'handoff-release':
      return { op: op.op };
    case 'handoff-open':
      return {
        op: op.op,
        ref: op.ref,
        queue: op.queue,
        nodeId: op.nodeId,
        shared: b64(op.shared),
        at: op.at,
        expiresAt: op.expiresAt,
      };
    case 'handoff-message':
      return { op: op.op, author: op.author, payload: b64(op.payload), at: op.at };
    case 'recipient-ref':
      return {
        op: op.op,
        recipient: op.recipient,
        refs: b64(op.refs),
        digest: b64(op.digest),
        complete: op.complete,
        at: op.at,
      };
  }
}

/**
 * Sends a turn's statements: the holds check, each run of writes between an erasure or a new person
 * as one statement, the counts last. Waits only where an erasure or a new person needs what came
 * before it.
 */
async function sendOps(
  sql: Db,
  pipe: Pipeline,
  owner: Owner,
  startPersonId: number,
  ops: TurnOp[],
): Promise<{ personId: number; erased: boolean; outbox: Promise<{ ids: (number | string)[] }[]>[] }> {
  pipe.send(sql`SELECT amana_turn_holds(${owner.name}, ${startPersonId}, ${owner.leaseSeconds})`);
  let personId: number | undefined = startPersonId;
  let phoneHash: Buffer | undefined;
  /** The keyed phone hash the turn started with (for the ledger, an erasure, a new person, the counts' shard). */
  const phone = async (): Promise<Buffer> => {
    if (phoneHash) return phoneHash;
    const [row] = await pipe.send(
      sql<{ phone_hash: Buffer }[]>`SELECT phone_hash FROM persons WHERE id = ${startPersonId}`,
    );
    if (!row) throw new TurnConflict(`person ${startPersonId} no longer exists`);
    return (phoneHash = row.phone_hash);
  };
  const outboxRows: Promise<{ ids: (number | string)[] }[]>[] = [];
  let run: PlainOp[] = [];
  const counts: Described[] = [];
  /** Sends the writes gathered since the last erasure or new person, as one statement. */
  const flush = () => {
    const { ops: described, counts: counted } = describe(run);
    run = [];
    counts.push(...counted);
    if (described.length === 0) return;
    if (personId === undefined && described.some((op) => op.op !== 'ledger')) {
      throw new Error('a turn wrote after an erasure without creating a new person');
    }
    outboxRows.push(
      pipe.send(sql<{ ids: (number | string)[] }[]>`
        SELECT amana_turn_ops(${personId ?? null}, ${phoneHash ?? null}, ${sql.json(described)}::jsonb) AS ids`),
    );
  };
  let erased = false;
  for (const op of ops) {
    if (op.op === 'erase') {
      const hash = await phone();
      flush();
      await pipe.settle();
      await turns.erase(sql, hash, personId, op.at, op.requests);
      personId = undefined;
      erased = true;
    } else if (op.op === 'new-person') {
      const hash = await phone();
      flush();
      await pipe.settle();
      personId = (await subjects.add(sql, hash, op.material, op.at)).id;
    } else run.push(op);
  }
  flush();
  if (counts.length > 0) {
    const shard = stats.shardOf(await phone());
    pipe.send(sql`SELECT amana_stats_add(${sql.json(counts.map((count) => ({ ...count, shard })))})`);
  }
  return { personId: personId ?? startPersonId, erased, outbox: outboxRows };
}

/**
 * A failed check that means another instance's turn stands (AM001: the person is held elsewhere;
 * AM002: the message was processed; AM004: the person is gone), as a conflict.
 */
function conflictOf<T>(error: T): T | TurnConflict {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const conflict = code === 'AM001' || code === 'AM002' || code === 'AM004';
  return conflict ? new TurnConflict(error instanceof Error ? error.message : '') : error;
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
