import Database from 'better-sqlite3';
import { StoreAccess } from '../access.ts';
import { ledgersOnly } from '../erasure-rows.ts';
import { ownerOnly } from '../file-mode.ts';
import { GroupCommit } from '../group-commit.ts';
import { baseSchemaVersion, schema, schemaSteps, schemaVersion } from '../schema.ts';
import type {
  ErasureEntry,
  HandoffMessageRow,
  HandoffRow,
  InboxRow,
  IngestMessage,
  IngestResult,
  LedgerEntry,
  DueOutbox,
  EraseRequest,
  EraseRequestRow,
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
import { SqliteDesk } from './desk.ts';
import { SqliteHandoffs } from './handoffs.ts';
import { SqliteInbox } from './inbox.ts';
import { SqliteOutbox } from './outbox.ts';
import { SqliteStats } from './stats.ts';
import { SqliteRecipientErasures } from './recipient-erasures.ts';
import { SqliteSubjects } from './subjects.ts';
import { SqliteTurns } from './turns.ts';
import { SqliteUpkeep } from './upkeep.ts';

/**
 * The storage on SQLite in WAL mode, one file (plus its -wal and -shm). Writes are group-committed
 * with synchronous=FULL, so an acknowledged webhook survives a power cut, not only a crash.
 * `secure_delete` overwrites deleted content with zeros, and {@link scrub} checkpoints and
 * truncates the WAL, so erased rows leave no bytes behind in either file.
 *
 * Each area (inbox, outbox, turns, handoffs, subjects) prepares its statements once, when the
 * store opens; this class opens the file, runs the writes in group commits and composes them.
 */
export class SqliteStorage implements Storage {
  readonly shared = false;
  readonly desk: SqliteDesk;
  /** One process has the file: it never pauses. */
  readonly access = new StoreAccess();
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly subjects: SqliteSubjects;
  private readonly inbox: SqliteInbox;
  private readonly outbox: SqliteOutbox;
  private readonly handoffs: SqliteHandoffs;
  private readonly turns: SqliteTurns;
  private readonly upkeep: SqliteUpkeep;
  private readonly stats: SqliteStats;
  private readonly recipientErasures: SqliteRecipientErasures;
  private readonly readKeyCheck;
  private readonly writeKeyCheck;
  private readonly personById = (id: number): PersonRow | undefined => this.subjects.byIdNow(id);

  constructor(file: string) {
    ownerOnly(file);
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('secure_delete = ON');
    this.migrate();
    this.writes = new GroupCommit(this.db);
    this.desk = new SqliteDesk(this.db, this.writes);
    this.subjects = new SqliteSubjects(this.db);
    this.inbox = new SqliteInbox(this.db);
    this.outbox = new SqliteOutbox(this.db);
    this.handoffs = new SqliteHandoffs(this.db);
    this.stats = new SqliteStats(this.db);
    this.recipientErasures = new SqliteRecipientErasures(this.db);
    this.turns = new SqliteTurns(this.db, {
      subjects: this.subjects,
      inbox: this.inbox,
      outbox: this.outbox,
      handoffs: this.handoffs,
      stats: this.stats,
      recipientErasures: this.recipientErasures,
    });
    this.upkeep = new SqliteUpkeep(this.db, this.turns);
    this.readKeyCheck = this.db.prepare<[], { value: Buffer }>("SELECT value FROM meta WHERE key = 'key-check'");
    this.writeKeyCheck = this.db.prepare<[Buffer]>("INSERT INTO meta (key, value) VALUES ('key-check', ?)");
  }

  async keyCheck(): Promise<Buffer | undefined> {
    return this.readKeyCheck.get()?.value;
  }

  setKeyCheck(value: Buffer): Promise<void> {
    return this.writes.run(() => {
      this.writeKeyCheck.run(value);
    });
  }

  ingest(messages: IngestMessage[], statuses: StatusRecord[]): Promise<IngestResult> {
    return this.writes.run(() =>
      this.inbox.ingest(
        messages,
        statuses,
        (message) => this.subjects.ensure(message.phoneHash, message.newPerson, message.receivedAt),
        Date.now(),
      ),
    );
  }

  async claimInbox(limit: number, held: ReadonlySet<number>): Promise<InboxRow[]> {
    return this.inbox.pendingExcept(held, limit);
  }

  /** One instance per file: nothing to give back. */
  async releaseInbox(): Promise<void> {}

  async holdPerson(): Promise<boolean> {
    return true;
  }

  async personContext(personId: number): Promise<PersonContext | undefined> {
    const person = this.subjects.byIdNow(personId);
    if (!person) return undefined;
    const conversation = this.turns.conversation(personId);
    const openHandoff = this.handoffs.ofPerson(person);
    return { person, ...(conversation ? { conversation } : {}), ...(openHandoff ? { openHandoff } : {}) };
  }

  async findPerson(phoneHash: Buffer): Promise<PersonRow | undefined> {
    return this.subjects.byPhoneHash(phoneHash);
  }

  ensurePerson(phoneHash: Buffer, material: () => PersonMaterial): Promise<PersonRow> {
    return this.writes.run(() => this.subjects.ensure(phoneHash, material, Date.now()));
  }

  commitTurn(personId: number, ops: TurnOp[]): Promise<TurnResult> {
    return this.writes.run(() => this.turns.apply(personId, ops));
  }

  async dueOutbox(now: number, limit: number, busy: ReadonlySet<number>, rate: number): Promise<DueOutbox> {
    return this.outbox.dueRows(now, limit, busy, rate);
  }

  async nextOutboxDue(): Promise<number | undefined> {
    return this.outbox.nextDueAt();
  }

  outboxSent(id: number, messageHash?: Buffer): Promise<void> {
    return this.writes.run(() => this.outbox.sent(id, messageHash));
  }

  outboxRetry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    return this.writes.run(() => this.outbox.retryLater(id, attempts, nextAttemptAt, error));
  }

  outboxFailed(id: number, attempts: number, error: string, at: number): Promise<void> {
    return this.writes.run(() => this.outbox.failed(id, attempts, error, at));
  }

  async openHandoffs(): Promise<HandoffRow[]> {
    return this.handoffs.open(this.personById);
  }

  async handoff(ref: string): Promise<HandoffRow | undefined> {
    return this.handoffs.find(ref, this.personById);
  }

  async handoffMessages(handoffId: number): Promise<HandoffMessageRow[]> {
    return this.handoffs.messages(handoffId);
  }

  async purge(now: number): Promise<PurgeReport> {
    const report = await this.writes.run(() => ({
      ...this.turns.purge(now),
      ...this.handoffs.purge(now),
      ...this.inbox.purge(now),
      ...this.outbox.purge(now),
      // Last: a person is forgotten once the other areas hold nothing about them.
      ...this.subjects.purge(),
    }));
    if (Object.values(report).some((count) => count > 0)) await this.scrub();
    return report;
  }

  async erasePerson(phoneHash: Buffer, at: number, requests: readonly EraseRequest[] = []): Promise<boolean> {
    const erased = await this.writes.run(() => {
      const person = this.subjects.byPhoneHash(phoneHash);
      this.turns.erase(phoneHash, person?.id, at, requests);
      return person !== undefined;
    });
    await this.scrub();
    return erased;
  }

  /**
   * Brings the file to {@link schemaVersion}: the base schema (which runs again harmlessly and adds
   * what a version 1 file lacks), then each later step the file has not had, in one transaction.
   */
  private migrate(): void {
    this.db.exec(schema);
    const recorded = this.db.prepare<[], { value: Buffer }>("SELECT value FROM meta WHERE key = 'schema'").get();
    const version = recorded ? Number(recorded.value.toString()) : undefined;
    if (version !== undefined && version > schemaVersion) {
      throw new Error(`the database was written by a newer Amana runtime (schema ${version})`);
    }
    this.db.transaction(() => {
      // A new file, or one of version 1, is at the base version once the schema above has run.
      const from = Math.max(version ?? baseSchemaVersion, baseSchemaVersion);
      for (const step of schemaSteps) if (step.version > from) this.db.exec(step.sql);
      this.db
        .prepare(
          "INSERT INTO meta (key, value) VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .run(Buffer.from(String(schemaVersion)));
    })();
  }

  async consentLedger(phoneHash: Buffer): Promise<LedgerEntry[]> {
    return this.subjects.ledgerOf(phoneHash);
  }

  async erasureJournal(): Promise<ErasureEntry[]> {
    return this.upkeep.erasureJournal();
  }

  async replayErasures(entries: readonly ErasureEntry[]): Promise<ReplayReport> {
    const report = await this.writes.run(() => this.upkeep.replay(entries));
    if (report.erased > 0) await this.scrub();
    return report;
  }

  async readMeta(name: string): Promise<Buffer | undefined> {
    return this.upkeep.meta(name);
  }

  writeMeta(values: Record<string, Buffer | null>): Promise<void> {
    return this.writes.run(() => this.upkeep.writeMeta(values));
  }

  async personsNotWrappedBy(keyId: string, limit: number): Promise<PersonRow[]> {
    return this.upkeep.personsNotWrappedBy(keyId, limit);
  }

  rewrapPersonKeys(rows: readonly { id: number; wrappedKey: Buffer }[], keyId: string): Promise<void> {
    return this.writes.run(() => this.upkeep.rewrapPersonKeys(rows, keyId));
  }

  /**
   * A consistent copy of the live database into `file` with SQLite's online backup API, while
   * the bot may be writing. Every page is copied in one step, inside one read transaction: a
   * snapshot (WAL lets the bot keep writing meanwhile), where copying in small steps would restart
   * at each write of another process and might never finish under load. `file` must not exist.
   */
  async backupTo(file: string): Promise<void> {
    this.writes.flush();
    await this.db.backup(file, { progress: () => 0x7fffffff });
  }

  async recipientRefs(personId: number): Promise<RecipientRefRow[]> {
    return this.recipientErasures.refs(personId);
  }

  /** A claimed request whose call never settled (the process died) is tried again after this long. */
  dueErasures(now: number, limit: number): Promise<EraseRequestRow[]> {
    return this.writes.run(() => this.recipientErasures.claim(now, limit, now + erasureLeaseMs));
  }

  async nextErasureDue(): Promise<number | undefined> {
    return this.recipientErasures.nextDueAt();
  }

  erasureRetry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    return this.writes.run(() => this.recipientErasures.retryLater(id, attempts, nextAttemptAt, error));
  }

  async erasureSettled(id: number, outcome: RecipientErasureOutcome): Promise<void> {
    await this.writes.run(() => this.recipientErasures.settle(id, outcome));
    // The sealed reference is gone from the files too, not only from the table.
    await this.scrub();
  }

  async subjectRecords(phoneHash: Buffer): Promise<SubjectRecords | undefined> {
    const person = this.subjects.byPhoneHash(phoneHash);
    const ledger = this.subjects.ledgerOf(phoneHash);
    const recipientErasures = this.recipientErasures.ledgerOf(phoneHash);
    if (!person)
      return ledger.length > 0 || recipientErasures.length > 0 ? ledgersOnly(ledger, recipientErasures) : undefined;
    const conversation = this.turns.conversation(person.id);
    const handoff = this.handoffs.ofPerson(person);
    return {
      person,
      fields: this.turns.fields(person.id),
      ...(conversation ? { conversation } : {}),
      ledger,
      recipientErasures,
      handoffs: handoff ? [{ ...withoutPerson(handoff), messages: this.handoffs.messages(handoff.id) }] : [],
      pendingInbox: this.inbox.pendingOf(person.id),
      pendingOutbox: this.outbox.pendingOf(person.id),
    };
  }

  async scrub(): Promise<void> {
    this.writes.flush();
    // TRUNCATE waits for readers (busy_timeout) and then empties the WAL file; retry if another
    // process kept it busy, so erased frames do not linger in the -wal file.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = this.db.pragma('wal_checkpoint(TRUNCATE)');
      const busy = Array.isArray(result) && result.some((row: { busy?: number }) => row.busy === 1);
      if (!busy) return;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
    throw new Error('the WAL could not be checkpointed: another process keeps the database busy');
  }

  async counts(): Promise<StoreCounts> {
    return {
      persons: this.subjects.count(),
      pendingInbox: this.inbox.pendingCount(),
      pendingOutbox: this.outbox.count(),
      openHandoffs: this.handoffs.count(),
    };
  }

  async statsCounts(from: string, to: string): Promise<StatsCount[]> {
    return this.stats.counts(from, to);
  }

  async health(now: number): Promise<StoreHealth> {
    const oldest = this.inbox.oldestPendingAt();
    return { inboxLagMs: oldest === undefined ? 0 : Math.max(0, now - oldest) };
  }

  async close(): Promise<void> {
    this.writes.flush();
    this.db.close();
  }
}

/** How long a claimed erase request is left to its call before it is due again (longer than any call takes). */
const erasureLeaseMs = 2 * 60 * 1000;

function withoutPerson(handoff: HandoffRow): Omit<HandoffRow, 'person'> {
  const { person: _person, ...rest } = handoff;
  return rest;
}
