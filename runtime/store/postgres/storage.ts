import { StoreAccess } from '../access.ts';
import { ledgersOnly } from '../erasure-rows.ts';
import { randomUUID } from 'node:crypto';
import type {
  DueOutbox,
  ErasureEntry,
  EraseRequest,
  EraseRequestRow,
  HandoffMessageRow,
  HandoffRow,
  InboxRow,
  IngestMessage,
  IngestResult,
  LedgerEntry,
  PersonContext,
  PersonMaterial,
  PersonRow,
  PurgeReport,
  ReplayReport,
  StatsCount,
  RecipientErasureOutcome,
  RecipientRefRow,
  StatusRecord,
  Storage,
  StoreCounts,
  StoreHealth,
  SubjectRecords,
  TurnOp,
  TurnResult,
} from '../storage.ts';
import { Batch } from './batch.ts';
import { bigintArray, byteaArray, connect, guardWrites, lazily, pipelined, transaction, type Pool } from './connect.ts';
import { PostgresDesk } from './desk.ts';
import { handoffs } from './handoffs.ts';
import { inbox, toInboxRow } from './inbox.ts';
import { InstanceLock } from './instances.ts';
import { KnownPeople } from './known-people.ts';
import { lockKeys, migrate } from './migrations.ts';
import { outbox, type SentMark } from './outbox.ts';
import { stats } from './stats.ts';
import { recipientErasures } from './recipient-erasures.ts';
import { subjects } from './subjects.ts';
import { isPlain, turns, type Owner, type PlainTurn } from './turns.ts';
import { upkeep } from './upkeep.ts';

export interface PostgresOptions {
  /** The business number whose send rate the instances share (WHATSAPP_PHONE_NUMBER_ID). */
  phoneNumber: string;
  /** How long a claim on a person or an outbox row lasts without renewal (renewed every third of it). */
  leaseSeconds?: number;
  /** Connections in the pool (the instance lock has one more of its own). */
  connections?: number;
  /** Open only when no other process has the database open, and keep them out meanwhile (rotate-key). */
  alone?: boolean;
}

/**
 * The storage on PostgreSQL, for several instances of the bot on one database. Work is shared
 * through leases: an instance claims people (their messages are then processed by it alone, in
 * order) and outbox rows (each sent by it alone); it renews its claims while it lives, and when
 * it dies they run out and the others take over. A turn commits only while its instance still
 * holds the person and its message is unprocessed, so each message is processed once.
 *
 * Erasure deletes the person's key and rows in one transaction. PostgreSQL keeps dead row
 * versions until VACUUM reclaims them, and backups keep what they copied: what is left there is
 * ciphertext under a key that no longer exists (crypto-shredding), so {@link scrub} has no files
 * to clean.
 *
 * Every process with the store open holds the instance lock (./instances.ts), so `rotate-key`
 * knows whether it runs alone, and works only while it holds it: without it the store is paused
 * ({@link access}) until the lock is back.
 */
export class PostgresStorage implements Storage {
  readonly shared = true;
  /** This process's name on its leases and claims. */
  readonly owner = randomUUID();
  readonly desk: PostgresDesk;
  /** Paused while this process does not hold the instance lock (./instances.ts). */
  readonly access: StoreAccess;
  private readonly leaseSeconds: number;
  private readonly renewTimer: NodeJS.Timeout;
  /** The senders met lately, for deliveries written in one round trip. */
  private readonly people = new KnownPeople();
  private readonly ingests = new Batch((calls: IngestCall[]) => this.ingestBatch(calls));
  private readonly contexts = new Batch(async (personIds: number[]) => {
    const found = await turns.contexts(this.sql, personIds);
    // Someone whose turn runs here may write next through another instance's share of the
    // deliveries, then through this one's: met now, their next delivery here is one round trip.
    this.people.remember([...found.values()].map((context) => context.person));
    return personIds.map((personId) => found.get(personId));
  });
  private readonly plainTurns = new Batch((batch: PlainTurn[]) => this.plainTurnsAtOnce(batch));
  private readonly sentMarks = new Batch(async (marks: SentMark[]) => {
    await outbox.sent(this.sql, marks);
    return marks.map(() => undefined);
  });
  /** The business number's token bucket exists (created once, by whichever instance is first). */
  private bucket: Promise<void> | undefined;

  private constructor(
    private readonly sql: Pool,
    private readonly options: PostgresOptions,
    private readonly lock: InstanceLock,
    access: StoreAccess,
  ) {
    this.access = access;
    this.leaseSeconds = options.leaseSeconds ?? 10;
    this.desk = new PostgresDesk(sql);
    this.renewTimer = setInterval(() => void this.renew(), (this.leaseSeconds * 1000) / 3);
    this.renewTimer.unref();
  }

  /**
   * Connects, brings the schema up to date (see ./migrations.ts) and takes the instance lock;
   * rejects with StoreInUse when that is held the other way (see {@link PostgresOptions.alone}).
   */
  static async open(url: string, options: PostgresOptions): Promise<PostgresStorage> {
    const sql = connect(url, options.connections);
    try {
      await migrate(sql);
      const access = new StoreAccess();
      const lock = await InstanceLock.take(url, options.alone ?? false, access);
      // Its writes hold the lock themselves from now on, so none commits while rotate-key has it (connect.ts).
      if (!options.alone) guardWrites(sql);
      return new PostgresStorage(sql, options, lock, access);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
  }

  async keyCheck(): Promise<Buffer | undefined> {
    const [row] = await this.sql<{ value: Buffer }[]>`SELECT value FROM meta WHERE key = 'key-check'`;
    return row?.value;
  }

  async setKeyCheck(value: Buffer): Promise<void> {
    // Instances starting at once on a new database: the first one's value stands.
    await this.sql`INSERT INTO meta (key, value) VALUES ('key-check', ${value}) ON CONFLICT (key) DO NOTHING`;
  }

  /**
   * Group commit: deliveries arriving in the same turn of the event loop are written in one
   * transaction (one WAL flush); callers are answered once it has committed.
   */
  async ingest(messages: IngestMessage[], statuses: StatusRecord[]): Promise<IngestResult> {
    this.access.assertOpen();
    return this.ingests.add({ messages, statuses });
  }

  /** Claims and leases are committed lazily ({@link lazily}): a turn's durable commit covers what it relies on. */
  async claimInbox(limit: number, held: ReadonlySet<number>): Promise<InboxRow[]> {
    if (this.access.pause) return [];
    const rows = await lazily(this.sql, (tx) => inbox.claim(tx, this.owner, this.leaseSeconds, limit, held));
    return rows.map(toInboxRow);
  }

  async releaseInbox(personIds: readonly number[]): Promise<void> {
    if (personIds.length > 0) await lazily(this.sql, (tx) => inbox.release(tx, this.owner, personIds));
  }

  async holdPerson(personId: number): Promise<boolean> {
    this.access.assertOpen();
    const rows = await lazily(this.sql, (tx) => inbox.hold(tx, this.owner, this.leaseSeconds, personId));
    return rows.count > 0;
  }

  /** The turns starting in one turn of the event loop read their people in one statement. */
  personContext(personId: number): Promise<PersonContext | undefined> {
    return this.contexts.add(personId);
  }

  findPerson(phoneHash: Buffer): Promise<PersonRow | undefined> {
    return subjects.byPhoneHash(this.sql, phoneHash);
  }

  async ensurePerson(phoneHash: Buffer, material: () => PersonMaterial): Promise<PersonRow> {
    this.access.assertOpen();
    const key = phoneHash.toString('hex');
    const persons = await transaction(this.sql, async (tx) =>
      subjects.ensureAll(
        tx,
        new Map([[key, { phoneHash, material, at: Date.now() }]]),
        await subjects.byPhoneHashes(tx, [phoneHash]),
      ),
    );
    const person = persons.get(key);
    if (!person) throw new Error('the person was not created');
    return person;
  }

  /**
   * Turns that neither erase nor create a person, arriving in one turn of the event loop, go to the
   * database as one statement (each still commits or fails alone: {@link turns.applyMany}); the
   * others as one pipelined transaction each ({@link turns.apply}).
   */
  async commitTurn(personId: number, ops: TurnOp[]): Promise<TurnResult> {
    this.access.assertOpen();
    if (isPlain(ops)) {
      const outcome = await this.plainTurns.add({ personId, ops });
      if (outcome instanceof Error) throw outcome;
      return outcome;
    }
    return turns.apply(this.sql, this.turnOwner(), personId, ops);
  }

  async dueOutbox(now: number, limit: number, busy: ReadonlySet<number>, rate: number): Promise<DueOutbox> {
    if (this.access.pause) return { rows: [], waitMs: pausedPollMs };
    const { phoneNumber } = this.options;
    this.bucket ??= outbox.ensureBucket(this.sql, phoneNumber, rate).catch((error: unknown) => {
      this.bucket = undefined;
      throw error;
    });
    await this.bucket;
    const rows = await lazily(this.sql, (tx) =>
      outbox.claimDue(tx, this.owner, this.leaseSeconds, phoneNumber, rate, now, limit, busy),
    );
    return outbox.due(rows, limit, rate);
  }

  nextOutboxDue(): Promise<number | undefined> {
    return outbox.nextDueAt(this.sql);
  }

  /** Rows sent during one turn of the event loop go in one commit. */
  async outboxSent(id: number, messageHash?: Buffer): Promise<void> {
    await this.sentMarks.add({ id, messageHash: messageHash ?? null });
  }

  outboxRetry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    return outbox.retryLater(this.sql, id, attempts, nextAttemptAt, error);
  }

  outboxFailed(id: number, attempts: number, error: string, at: number): Promise<void> {
    return outbox.failed(this.sql, id, attempts, error, at);
  }

  openHandoffs(): Promise<HandoffRow[]> {
    return handoffs.open(this.sql);
  }

  handoff(ref: string): Promise<HandoffRow | undefined> {
    return handoffs.find(this.sql, ref);
  }

  handoffMessages(handoffId: number): Promise<HandoffMessageRow[]> {
    return handoffs.messages(this.sql, handoffId);
  }

  /** One instance at a time (a transaction-scoped advisory lock): another finding it taken purges nothing. */
  async purge(now: number): Promise<PurgeReport> {
    this.access.assertOpen();
    return transaction(this.sql, async (tx) => {
      const [lock] = await tx<{ got: boolean }[]>`SELECT pg_try_advisory_xact_lock(${lockKeys.purge}::bigint) AS got`;
      if (!lock?.got) return { ...nothingPurged };
      return {
        ...(await turns.purge(tx, now)),
        ...(await handoffs.purge(tx, now)),
        ...(await inbox.purge(tx, now)),
        ...(await outbox.purge(tx, now)),
        // Last: a person is forgotten once the other areas hold nothing about them.
        ...(await subjects.purge(tx)),
      };
    });
  }

  erasePerson(phoneHash: Buffer, at: number, requests: readonly EraseRequest[] = []): Promise<boolean> {
    this.people.forget([phoneHash]);
    return transaction(this.sql, async (tx) => {
      const person = await subjects.byPhoneHash(tx, phoneHash);
      await turns.erase(tx, phoneHash, person?.id, at, requests);
      return person !== undefined;
    });
  }

  async consentLedger(phoneHash: Buffer): Promise<LedgerEntry[]> {
    return subjects.ledgerOf(this.sql, phoneHash);
  }

  erasureJournal(): Promise<ErasureEntry[]> {
    return upkeep.erasureJournal(this.sql);
  }

  replayErasures(entries: readonly ErasureEntry[]): Promise<ReplayReport> {
    return transaction(this.sql, (tx) => upkeep.replay(tx, entries));
  }

  readMeta(name: string): Promise<Buffer | undefined> {
    return upkeep.meta(this.sql, name);
  }

  async writeMeta(values: Record<string, Buffer | null>): Promise<void> {
    await transaction(this.sql, (tx) => upkeep.writeMeta(tx, values));
  }

  personsNotWrappedBy(keyId: string, limit: number): Promise<PersonRow[]> {
    return upkeep.personsNotWrappedBy(this.sql, keyId, limit);
  }

  async rewrapPersonKeys(rows: readonly { id: number; wrappedKey: Buffer }[], keyId: string): Promise<void> {
    await transaction(this.sql, (tx) => upkeep.rewrapPersonKeys(tx, rows, keyId));
  }

  recipientRefs(personId: number): Promise<RecipientRefRow[]> {
    return recipientErasures.refs(this.sql, personId);
  }

  /** A claim lasts as long as other leases here, at least a minute: longer than any call to a recipient takes. */
  async dueErasures(now: number, limit: number): Promise<EraseRequestRow[]> {
    if (this.access.pause) return [];
    const leaseMs = Math.max(60_000, this.leaseSeconds * 1000);
    return transaction(this.sql, (tx) => recipientErasures.claim(tx, now, limit, now + leaseMs));
  }

  nextErasureDue(): Promise<number | undefined> {
    return recipientErasures.nextDueAt(this.sql);
  }

  erasureRetry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    return recipientErasures.retryLater(this.sql, id, attempts, nextAttemptAt, error);
  }

  erasureSettled(id: number, outcome: RecipientErasureOutcome): Promise<void> {
    return transaction(this.sql, (tx) => recipientErasures.settle(tx, id, outcome));
  }

  async subjectRecords(phoneHash: Buffer): Promise<SubjectRecords | undefined> {
    return transaction(
      this.sql,
      async (tx) => {
        const person = await subjects.byPhoneHash(tx, phoneHash);
        const ledger = await subjects.ledgerOf(tx, phoneHash);
        const askedOfRecipients = await recipientErasures.ledgerOf(tx, phoneHash);
        if (!person)
          return ledger.length > 0 || askedOfRecipients.length > 0 ? ledgersOnly(ledger, askedOfRecipients) : undefined;
        const conversation = await turns.conversation(tx, person.id);
        const handoff = await handoffs.ofPerson(tx, person);
        const records: SubjectRecords = {
          person,
          fields: await turns.fields(tx, person.id),
          ...(conversation ? { conversation } : {}),
          ledger,
          recipientErasures: askedOfRecipients,
          handoffs: handoff ? [{ ...withoutPerson(handoff), messages: await handoffs.messages(tx, handoff.id) }] : [],
          pendingInbox: await inbox.pendingOf(tx, person.id),
          pendingOutbox: await outbox.pendingOf(tx, person.id),
        };
        return records;
      },
      { mode: 'ISOLATION LEVEL REPEATABLE READ READ ONLY' },
    );
  }

  /** Nothing to do: erased rows are ciphertext under a deleted key (see the class comment). */
  async scrub(): Promise<void> {}

  async counts(): Promise<StoreCounts> {
    const [persons, pendingInbox, pendingOutbox, openHandoffs] = await Promise.all([
      subjects.count(this.sql),
      inbox.pendingCount(this.sql),
      outbox.count(this.sql),
      handoffs.count(this.sql),
    ]);
    return { persons, pendingInbox, pendingOutbox, openHandoffs };
  }

  async statsCounts(from: string, to: string): Promise<StatsCount[]> {
    return stats.counts(this.sql, from, to);
  }

  async health(now: number): Promise<StoreHealth> {
    this.access.assertOpen();
    const oldest = await inbox.oldestPendingAt(this.sql);
    return { inboxLagMs: oldest === undefined ? 0 : Math.max(0, now - oldest) };
  }

  /** Gives this instance's people back and closes the pool (outbox claims simply run out). */
  async close(): Promise<void> {
    clearInterval(this.renewTimer);
    await Promise.all([this.ingests.flush(), this.contexts.flush(), this.plainTurns.flush(), this.sentMarks.flush()]);
    await this.sql`DELETE FROM inbox_leases WHERE owner = ${this.owner}`.catch(() => undefined);
    await this.sql`UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ${this.owner}`.catch(
      () => undefined,
    );
    await this.sql.end({ timeout: 5 });
    await this.lock.release();
  }

  /**
   * Plain turns of one tick, in statements of at most {@link turnsPerStatement}, in person order
   * (the order claims take leases in, so a statement and a claim never wait on each other
   * crosswise). Each turn hears its own outcome: a statement that fails as a whole (its counts
   * refused, its connection lost) had committed nothing, and its turns are tried again one by one,
   * so one turn's failure is not its neighbours'.
   */
  private async plainTurnsAtOnce(batch: PlainTurn[]): Promise<(TurnResult | Error)[]> {
    const order = batch.map((_, index) => index).sort((a, b) => batch[a]!.personId - batch[b]!.personId);
    const chunks: number[][] = [];
    for (let start = 0; start < order.length; start += turnsPerStatement) {
      chunks.push(order.slice(start, start + turnsPerStatement));
    }
    const outcomes: (TurnResult | Error)[] = new Array<TurnResult | Error>(batch.length);
    const owner = this.turnOwner();
    const commit = async (chunk: number[]): Promise<void> => {
      try {
        const results = await turns.applyMany(
          this.sql,
          owner,
          chunk.map((index) => batch[index]!),
        );
        results.forEach((result, at) => (outcomes[chunk[at]!] = result));
      } catch (error) {
        if (chunk.length === 1) outcomes[chunk[0]!] = error instanceof Error ? error : new Error(String(error));
        else await Promise.all(chunk.map((index) => commit([index])));
      }
    };
    // A few statements at a time: a backlog of hundreds of turns must leave connections for webhooks.
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) await commit(chunks[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(statementsAtOnce, chunks.length) }, worker));
    return outcomes;
  }

  /** This instance as its turns name it (./turns.ts). */
  private turnOwner(): Owner {
    return { name: this.owner, leaseSeconds: this.leaseSeconds };
  }

  private async renew(): Promise<void> {
    try {
      await Promise.all([
        lazily(this.sql, (tx) => inbox.renew(tx, this.owner, this.leaseSeconds)),
        lazily(this.sql, (tx) => outbox.renew(tx, this.owner, this.leaseSeconds)),
      ]);
    } catch {
      // The database is unreachable: the next renewal tries again, and /healthz says so meanwhile.
    }
  }

  /**
   * One transaction for the deliveries of one turn of the event loop. When every sender is someone
   * this instance met lately ({@link KnownPeople}), the messages and statuses are written in one
   * round trip; when one of them was erased or forgotten meanwhile, or their id is someone else's
   * now (after a restore), the database refuses the write and the batch goes the long way: which
   * messages are new and which senders exist are asked together, the senders met for the first time
   * are created, then the new messages written.
   */
  private async ingestBatch(batch: IngestCall[]): Promise<IngestResult[]> {
    const messages = batch.flatMap((item) => item.messages);
    const statuses = batch.flatMap((item) => item.statuses);
    const senders = this.people.all(messages.map((message) => message.phoneHash));
    let inserted = senders
      ? await this.ingestFromKnown(messages, statuses, senders).catch((error: unknown) => {
          if (!isStaleSender(error)) throw error;
          this.people.forget(messages.map((message) => message.phoneHash));
          return undefined;
        })
      : undefined;
    inserted ??= await this.ingestMeeting(messages, statuses);
    return batch.map((item) => {
      const ids: number[] = [];
      let duplicates = 0;
      for (const message of item.messages) {
        const key = message.dedupeHash.toString('hex');
        const id = inserted.get(key);
        if (id === undefined) duplicates += 1;
        else {
          ids.push(id);
          inserted.delete(key);
        }
      }
      return { inserted: ids, duplicates };
    });
  }

  private async ingestFromKnown(
    messages: IngestMessage[],
    statuses: StatusRecord[],
    senders: ReadonlyMap<string, PersonRow>,
  ): Promise<Map<string, number>> {
    const [written] = await pipelined(this.sql, (tx, pipe) => {
      const known = [...senders.values()];
      pipe.send(
        tx`SELECT amana_persons_are(${bigintArray(
          tx,
          known.map((person) => person.id),
        )}::bigint[], ${byteaArray(
          tx,
          known.map((person) => person.phoneHash),
        )}::bytea[])`,
      );
      const write = messages.length > 0 ? pipe.send(inbox.write(tx, messages, senders)) : undefined;
      if (statuses.length > 0) pipe.send(inbox.statuses(tx, statuses, Date.now()));
      return [write];
    });
    return inbox.written((await written) ?? []);
  }

  private async ingestMeeting(messages: IngestMessage[], statuses: StatusRecord[]): Promise<Map<string, number>> {
    const { inserted, persons } = await transaction(this.sql, async (tx) => {
      const [known, senders] = await Promise.all([
        inbox.known(
          tx,
          messages.map((message) => message.dedupeHash),
        ),
        subjects.byPhoneHashes(
          tx,
          messages.map((message) => message.phoneHash),
        ),
      ]);
      // A message id seen twice in one batch (Meta batched a redelivery) is new only once.
      const fresh: IngestMessage[] = [];
      for (const message of messages) {
        const key = message.dedupeHash.toString('hex');
        if (known.has(key)) continue;
        known.add(key);
        fresh.push(message);
      }
      const wanted = new Map(
        fresh.map((message) => [
          message.phoneHash.toString('hex'),
          { phoneHash: message.phoneHash, material: message.newPerson, at: message.receivedAt },
        ]),
      );
      const persons = await subjects.ensureAll(tx, wanted, senders);
      const written = fresh.length > 0 ? inbox.written(await inbox.write(tx, fresh, persons)) : new Map();
      if (statuses.length > 0) await inbox.statuses(tx, statuses, Date.now());
      return { inserted: written, persons: [...senders.values(), ...persons.values()] };
    });
    this.people.remember(persons);
    return inserted;
  }
}

/**
 * At most this many turns in one statement: each is a subtransaction, and a transaction with more
 * than 64 of them overflows PostgreSQL's per-backend cache of them, which slows every other session.
 */
const turnsPerStatement = 32;
/** At most this many of those statements at once, of the pool's connections (10 by default). */
const statementsAtOnce = 4;

/** How soon a paused sender asks again (it claims nothing until the store resumes, which wakes it too). */
const pausedPollMs = 1000;

interface IngestCall {
  messages: IngestMessage[];
  statuses: StatusRecord[];
}

const nothingPurged: PurgeReport = {
  fields: 0,
  conversations: 0,
  handoffs: 0,
  persons: 0,
  inboxKeys: 0,
  statuses: 0,
  failedSends: 0,
};

function withoutPerson(handoff: HandoffRow): Omit<HandoffRow, 'person'> {
  const { person: _person, ...rest } = handoff;
  return rest;
}

/**
 * A remembered sender is gone or someone else now (AM005, migration 8), or went between that check
 * and the write (the inbox row would refer to nobody: SQLSTATE 23503).
 */
function isStaleSender(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'AM005' || error.code === '23503');
}
