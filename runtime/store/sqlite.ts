import Database from 'better-sqlite3';
import { runtimeRetention } from '../../flows/export/index.ts';
import { ownerOnly } from './file-mode.ts';
import { GroupCommit } from './group-commit.ts';
import { schema, schemaVersion } from './schema.ts';
import type {
  ConversationRow,
  HandoffMessageRow,
  HandoffRow,
  InboxRow,
  IngestMessage,
  IngestResult,
  LedgerEntry,
  OutboxKind,
  OutboxRow,
  PersonContext,
  PersonMaterial,
  PersonRow,
  PurgeReport,
  StatusRecord,
  Storage,
  StoreCounts,
  SubjectRecords,
  TurnOp,
  TurnResult,
} from './storage.ts';

const day = 24 * 60 * 60 * 1000;
/** Dedupe keys outlive Meta's 7 days of redelivery; statuses and failed-send records serve the operator. */
const { dedupeKeyDays, operationalRecordDays } = runtimeRetention;

interface PersonColumns {
  id: number;
  phone_hash: Buffer;
  wrapped_key: Buffer;
  phone_sealed: Buffer;
  created_at: number;
}
interface ConversationColumns {
  state: Buffer;
  updated_at: number;
  values_expire_at: number | null;
  expires_at: number;
}
interface HandoffColumns {
  id: number;
  ref: string;
  person_id: number;
  queue: string;
  node_id: string;
  shared: Buffer;
  created_at: number;
  expires_at: number;
}
interface OutboxColumns {
  id: number;
  person_id: number;
  kind: OutboxKind;
  payload: Buffer;
  attempts: number;
  created_at: number;
}
interface OutboxWithPersonColumns extends OutboxColumns {
  p_id: number;
  phone_hash: Buffer;
  wrapped_key: Buffer;
  phone_sealed: Buffer;
  p_created_at: number;
}
interface LedgerColumns {
  event: LedgerEntry['event'];
  purposes: string;
  node_id: string | null;
  at: number;
}
interface HandoffMessageColumns {
  id: number;
  handoff_id: number;
  author: 'customer' | 'agent';
  payload: Buffer;
  at: number;
}

/**
 * The storage on SQLite in WAL mode, one file (plus its -wal and -shm). Writes are group-committed
 * with synchronous=FULL, so an acknowledged webhook survives a power cut, not only a crash.
 * `secure_delete` overwrites deleted content with zeros, and {@link scrub} checkpoints and
 * truncates the WAL, so erased rows leave no bytes behind in either file.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    ownerOnly(file);
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('secure_delete = ON');
    this.db.exec(schema);
    const version = this.db.prepare<[], { value: Buffer }>("SELECT value FROM meta WHERE key = 'schema'").get();
    if (!version) {
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(Buffer.from(String(schemaVersion)));
    } else if (Number(version.value.toString()) > schemaVersion) {
      throw new Error(`the database was written by a newer Amana runtime (schema ${version.value.toString()})`);
    }
    this.writes = new GroupCommit(this.db);
  }

  async keyCheck(): Promise<Buffer | undefined> {
    return this.statement<[], { value: Buffer }>("SELECT value FROM meta WHERE key = 'key-check'").get()?.value;
  }

  setKeyCheck(value: Buffer): Promise<void> {
    return this.writes.run(() => {
      this.statement("INSERT INTO meta (key, value) VALUES ('key-check', ?)").run(value);
    });
  }

  ingest(messages: IngestMessage[], statuses: StatusRecord[]): Promise<IngestResult> {
    return this.writes.run(() => {
      const known = this.statement<[Buffer], { id: number }>('SELECT id FROM inbox WHERE dedupe_hash = ?');
      const insert = this.statement<[Buffer, number, Buffer, number]>(
        'INSERT INTO inbox (dedupe_hash, person_id, payload, received_at) VALUES (?, ?, ?, ?)',
      );
      const inserted: number[] = [];
      let duplicates = 0;
      for (const message of messages) {
        if (known.get(message.dedupeHash)) {
          duplicates += 1;
          continue;
        }
        const person = this.ensurePersonNow(message.phoneHash, message.newPerson, message.receivedAt);
        const result = insert.run(message.dedupeHash, person.id, message.seal(person), message.receivedAt);
        inserted.push(Number(result.lastInsertRowid));
      }
      const recordStatus = this.statement<[Buffer, string, number, number | null, number]>(
        'INSERT INTO statuses (message_hash, status, at, error_code, recorded_at) VALUES (?, ?, ?, ?, ?)',
      );
      const now = Date.now();
      for (const status of statuses) {
        recordStatus.run(status.messageHash, status.status, status.at, status.errorCode ?? null, now);
      }
      return { inserted, duplicates };
    });
  }

  async pendingInbox(afterId: number, limit: number): Promise<InboxRow[]> {
    return this.db
      .prepare<[number, number], { id: number; person_id: number; payload: Buffer; received_at: number }>(
        `SELECT id, person_id, payload, received_at FROM inbox
         WHERE processed_at IS NULL AND id > ? AND person_id IS NOT NULL AND payload IS NOT NULL
         ORDER BY id LIMIT ?`,
      )
      .all(afterId, limit)
      .map((row) => ({ id: row.id, personId: row.person_id, payload: row.payload, receivedAt: row.received_at }));
  }

  async personContext(personId: number): Promise<PersonContext | undefined> {
    const person = this.personById(personId);
    if (!person) return undefined;
    const conversation = this.db
      .prepare<[number], ConversationColumns>('SELECT * FROM conversations WHERE person_id = ?')
      .get(personId);
    const handoff = this.statement<[number], HandoffColumns>('SELECT * FROM handoffs WHERE person_id = ?').get(
      personId,
    );
    return {
      person,
      ...(conversation ? { conversation: toConversation(conversation) } : {}),
      ...(handoff ? { openHandoff: toHandoff(handoff, person) } : {}),
    };
  }

  async findPerson(phoneHash: Buffer): Promise<PersonRow | undefined> {
    const row = this.statement<[Buffer], PersonColumns>('SELECT * FROM persons WHERE phone_hash = ?').get(phoneHash);
    return row ? toPerson(row) : undefined;
  }

  ensurePerson(phoneHash: Buffer, material: () => PersonMaterial): Promise<PersonRow> {
    return this.writes.run(() => this.ensurePersonNow(phoneHash, material, Date.now()));
  }

  commitTurn(personId: number, ops: TurnOp[]): Promise<TurnResult> {
    return this.writes.run(() => this.applyTurn(personId, ops));
  }

  async dueOutbox(now: number, limit: number, busy: ReadonlySet<number>): Promise<OutboxRow[]> {
    const rows = this.db
      .prepare<[number, string, number], OutboxWithPersonColumns>(
        `SELECT o.id, o.person_id, o.kind, o.payload, o.attempts, o.created_at,
                p.id AS p_id, p.phone_hash, p.wrapped_key, p.phone_sealed, p.created_at AS p_created_at
         FROM outbox o JOIN persons p ON p.id = o.person_id
         WHERE o.next_attempt_at <= ?
           AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.person_id = o.person_id AND earlier.id < o.id)
           AND o.person_id NOT IN (SELECT value FROM json_each(?))
         ORDER BY o.id LIMIT ?`,
      )
      .all(now, JSON.stringify([...busy]), limit);
    return rows.map((row) => ({
      id: row.id,
      personId: row.person_id,
      kind: row.kind,
      payload: row.payload,
      attempts: row.attempts,
      createdAt: row.created_at,
      person: {
        id: row.p_id,
        phoneHash: row.phone_hash,
        wrappedKey: row.wrapped_key,
        phoneSealed: row.phone_sealed,
        createdAt: row.p_created_at,
      },
    }));
  }

  async nextOutboxDue(): Promise<number | undefined> {
    const row = this.db
      .prepare<[], { due: number | null }>(
        // Only each person's oldest row can go next; later rows wait behind it whatever their time.
        'SELECT MIN(next_attempt_at) AS due FROM outbox WHERE id IN (SELECT MIN(id) FROM outbox GROUP BY person_id)',
      )
      .get();
    return row?.due ?? undefined;
  }

  outboxSent(id: number): Promise<void> {
    return this.writes.run(() => {
      this.statement('DELETE FROM outbox WHERE id = ?').run(id);
    });
  }

  outboxRetry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
    return this.writes.run(() => {
      this.db
        .prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?')
        .run(attempts, nextAttemptAt, error, id);
    });
  }

  outboxFailed(id: number, attempts: number, error: string, at: number): Promise<void> {
    return this.writes.run(() => {
      const row = this.statement<[number], { kind: string }>('SELECT kind FROM outbox WHERE id = ?').get(id);
      this.statement('DELETE FROM outbox WHERE id = ?').run(id);
      if (row) {
        this.db
          .prepare('INSERT INTO failed_sends (kind, attempts, error, at) VALUES (?, ?, ?, ?)')
          .run(row.kind, attempts, error, at);
      }
    });
  }

  async openHandoffs(): Promise<HandoffRow[]> {
    return this.db
      .prepare<[], HandoffColumns>('SELECT * FROM handoffs ORDER BY created_at, id')
      .all()
      .flatMap((row) => {
        const person = this.personById(row.person_id);
        return person ? [toHandoff(row, person)] : [];
      });
  }

  async handoff(ref: string): Promise<HandoffRow | undefined> {
    const row = this.statement<[string], HandoffColumns>('SELECT * FROM handoffs WHERE ref = ?').get(ref);
    const person = row && this.personById(row.person_id);
    return row && person ? toHandoff(row, person) : undefined;
  }

  async handoffMessages(handoffId: number): Promise<HandoffMessageRow[]> {
    return this.db
      .prepare<[number], HandoffMessageColumns>('SELECT * FROM handoff_messages WHERE handoff_id = ? ORDER BY id')
      .all(handoffId)
      .map(toHandoffMessage);
  }

  async purge(now: number): Promise<PurgeReport> {
    const report = await this.writes.run(() => {
      const run = (sql: string, ...params: number[]) => this.statement(sql).run(...params).changes;
      const fields = run('DELETE FROM fields WHERE expires_at <= ?', now);
      const conversations = run('DELETE FROM conversations WHERE expires_at <= ?', now);
      const handoffs = run('DELETE FROM handoffs WHERE expires_at <= ?', now);
      const inboxKeys = run(
        'DELETE FROM inbox WHERE processed_at IS NOT NULL AND processed_at <= ?',
        now - dedupeKeyDays * day,
      );
      const statuses = run('DELETE FROM statuses WHERE recorded_at <= ?', now - operationalRecordDays * day);
      const failedSends = run('DELETE FROM failed_sends WHERE at <= ?', now - operationalRecordDays * day);
      // A person with nothing left about them (no values, conversation, handoff or pending work)
      // is forgotten too: their key and sealed number go.
      const persons = run(
        `DELETE FROM persons WHERE
           NOT EXISTS (SELECT 1 FROM fields f WHERE f.person_id = persons.id)
           AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.person_id = persons.id)
           AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.person_id = persons.id)
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.person_id = persons.id)
           AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.person_id = persons.id AND i.processed_at IS NULL)`,
      );
      return { fields, conversations, handoffs, persons, inboxKeys, statuses, failedSends };
    });
    if (Object.values(report).some((count) => count > 0)) await this.scrub();
    return report;
  }

  async erasePerson(phoneHash: Buffer, at: number): Promise<boolean> {
    const erased = await this.writes.run(() => {
      const person = this.statement<[Buffer], { id: number }>('SELECT id FROM persons WHERE phone_hash = ?').get(
        phoneHash,
      );
      this.eraseNow(phoneHash, person?.id, at);
      return person !== undefined;
    });
    await this.scrub();
    return erased;
  }

  async subjectRecords(phoneHash: Buffer): Promise<SubjectRecords | undefined> {
    const row = this.statement<[Buffer], PersonColumns>('SELECT * FROM persons WHERE phone_hash = ?').get(phoneHash);
    const ledger = this.ledgerOf(phoneHash);
    if (!row) return ledger.length > 0 ? { ...nothingHeld, ledger } : undefined;
    const person = toPerson(row);
    const conversation = this.db
      .prepare<[number], ConversationColumns>('SELECT * FROM conversations WHERE person_id = ?')
      .get(person.id);
    return {
      person,
      fields: this.db
        .prepare<[number], { key: string; value: Buffer; collected_at: number; expires_at: number }>(
          'SELECT key, value, collected_at, expires_at FROM fields WHERE person_id = ? ORDER BY key',
        )
        .all(person.id)
        .map((field) => ({
          key: field.key,
          value: field.value,
          collectedAt: field.collected_at,
          expiresAt: field.expires_at,
        })),
      ...(conversation ? { conversation: toConversation(conversation) } : {}),
      ledger,
      handoffs: this.db
        .prepare<[number], HandoffColumns>('SELECT * FROM handoffs WHERE person_id = ?')
        .all(person.id)
        .map((handoff) => {
          const { person: _person, ...rest } = toHandoff(handoff, person);
          return {
            ...rest,
            messages: this.db
              .prepare<[number], HandoffMessageColumns>(
                'SELECT * FROM handoff_messages WHERE handoff_id = ? ORDER BY id',
              )
              .all(handoff.id)
              .map(toHandoffMessage),
          };
        }),
      pendingInbox: this.db
        .prepare<[number], { payload: Buffer; received_at: number }>(
          'SELECT payload, received_at FROM inbox WHERE person_id = ? AND payload IS NOT NULL ORDER BY id',
        )
        .all(person.id)
        .map((inbox) => ({ payload: inbox.payload, receivedAt: inbox.received_at })),
      pendingOutbox: this.db
        .prepare<[number], { kind: OutboxKind; payload: Buffer; created_at: number }>(
          'SELECT kind, payload, created_at FROM outbox WHERE person_id = ? ORDER BY id',
        )
        .all(person.id)
        .map((outbox) => ({ kind: outbox.kind, payload: outbox.payload, createdAt: outbox.created_at })),
    };
  }

  /** The consent ledger of one subject (also after their erasure: it keeps the erasure event). */
  ledgerOf(phoneHash: Buffer): LedgerEntry[] {
    return this.db
      .prepare<[Buffer], LedgerColumns>(
        'SELECT event, purposes, node_id, at FROM consent_ledger WHERE subject = ? ORDER BY id',
      )
      .all(phoneHash)
      .map((row) => ({
        event: row.event,
        purposes: parsePurposes(row.purposes),
        ...(row.node_id === null ? {} : { nodeId: row.node_id }),
        at: row.at,
      }));
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
    const count = (sql: string) => this.statement<[], { n: number }>(sql).get()?.n ?? 0;
    return {
      persons: count('SELECT COUNT(*) AS n FROM persons'),
      pendingInbox: count('SELECT COUNT(*) AS n FROM inbox WHERE processed_at IS NULL'),
      pendingOutbox: count('SELECT COUNT(*) AS n FROM outbox'),
      openHandoffs: count('SELECT COUNT(*) AS n FROM handoffs'),
    };
  }

  async close(): Promise<void> {
    this.writes.flush();
    this.db.close();
  }

  /**
   * A prepared statement, compiled once per SQL text: preparing costs more than running most of
   * these. The cache holds statements of every shape; each SQL text always comes back with the
   * parameter and row types its call site declares, hence the one widening.
   */
  private statement<Params extends unknown[] = unknown[], Row = unknown>(sql: string): Database.Statement<Params, Row> {
    let cached = this.statements.get(sql);
    if (!cached) {
      cached = this.db.prepare(sql);
      this.statements.set(sql, cached);
    }
    return cached as unknown as Database.Statement<Params, Row>;
  }

  private personById(id: number): PersonRow | undefined {
    const row = this.statement<[number], PersonColumns>('SELECT * FROM persons WHERE id = ?').get(id);
    return row ? toPerson(row) : undefined;
  }

  private ensurePersonNow(phoneHash: Buffer, material: () => PersonMaterial, at: number): PersonRow {
    const existing = this.statement<[Buffer], PersonColumns>('SELECT * FROM persons WHERE phone_hash = ?').get(
      phoneHash,
    );
    if (existing) return toPerson(existing);
    return this.insertPerson(phoneHash, material(), at);
  }

  private insertPerson(phoneHash: Buffer, material: PersonMaterial, at: number): PersonRow {
    const result = this.db
      .prepare('INSERT INTO persons (phone_hash, wrapped_key, phone_sealed, created_at) VALUES (?, ?, ?, ?)')
      .run(phoneHash, material.wrappedKey, material.phoneSealed, at);
    return { id: Number(result.lastInsertRowid), phoneHash, ...material, createdAt: at };
  }

  private eraseNow(phoneHash: Buffer, personId: number | undefined, at: number): void {
    if (personId !== undefined) {
      // Messages still waiting are sealed under the key about to go: drop them, keep their dedupe keys.
      this.db
        .prepare('UPDATE inbox SET payload = NULL, person_id = NULL, processed_at = ? WHERE person_id = ?')
        .run(at, personId);
      this.statement('DELETE FROM persons WHERE id = ?').run(personId);
    }
    this.appendLedger(phoneHash, { event: 'erased', purposes: [], at });
  }

  private appendLedger(phoneHash: Buffer, entry: LedgerEntry): void {
    this.db
      .prepare('INSERT INTO consent_ledger (subject, event, purposes, node_id, at) VALUES (?, ?, ?, ?, ?)')
      .run(phoneHash, entry.event, JSON.stringify(entry.purposes), entry.nodeId ?? null, entry.at);
  }

  private applyTurn(startPersonId: number, ops: TurnOp[]): TurnResult {
    const start = this.personById(startPersonId);
    if (!start) throw new Error(`person ${startPersonId} no longer exists`);
    let person: PersonRow | undefined = start;
    const outbox: number[] = [];
    let erased = false;
    const current = (): PersonRow => {
      if (!person) throw new Error('a turn wrote after an erasure without creating a new person');
      return person;
    };
    for (const op of ops) {
      switch (op.op) {
        case 'inbox-done':
          this.db
            .prepare('UPDATE inbox SET payload = NULL, person_id = NULL, processed_at = ? WHERE id = ?')
            .run(Date.now(), op.inboxId);
          break;
        case 'field':
          this.db
            .prepare(
              `INSERT INTO fields (person_id, key, value, collected_at, expires_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (person_id, key) DO UPDATE SET value = excluded.value,
                 collected_at = excluded.collected_at, expires_at = excluded.expires_at`,
            )
            .run(current().id, op.key, op.value, op.collectedAt, op.expiresAt);
          break;
        case 'ledger':
          this.appendLedger(start.phoneHash, op.entry);
          break;
        case 'outbox': {
          const result = this.db
            .prepare(
              'INSERT INTO outbox (person_id, kind, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(current().id, op.kind, op.payload, op.createdAt, op.createdAt);
          outbox.push(Number(result.lastInsertRowid));
          break;
        }
        case 'conversation':
          this.db
            .prepare(
              `INSERT INTO conversations (person_id, state, updated_at, values_expire_at, expires_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (person_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
                 values_expire_at = excluded.values_expire_at, expires_at = excluded.expires_at`,
            )
            .run(current().id, op.state, op.updatedAt, op.valuesExpireAt ?? null, op.expiresAt);
          break;
        case 'end-conversation':
          this.statement('DELETE FROM conversations WHERE person_id = ?').run(current().id);
          break;
        case 'handoff-open':
          this.statement('DELETE FROM handoffs WHERE person_id = ?').run(current().id);
          this.db
            .prepare(
              'INSERT INTO handoffs (ref, person_id, queue, node_id, shared, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(op.ref, current().id, op.queue, op.nodeId, op.shared, op.at, op.expiresAt);
          break;
        case 'handoff-message': {
          const handoff = this.db
            .prepare<[number], { id: number }>('SELECT id FROM handoffs WHERE person_id = ?')
            .get(current().id);
          if (!handoff) throw new Error('no open handoff for this person');
          this.db
            .prepare('INSERT INTO handoff_messages (handoff_id, author, payload, at) VALUES (?, ?, ?, ?)')
            .run(handoff.id, op.author, op.payload, op.at);
          break;
        }
        case 'handoff-release':
          this.statement('DELETE FROM handoffs WHERE person_id = ?').run(current().id);
          break;
        case 'erase':
          this.eraseNow(start.phoneHash, person?.id, op.at);
          person = undefined;
          erased = true;
          break;
        case 'new-person':
          person = this.insertPerson(start.phoneHash, op.material, op.at);
          break;
      }
    }
    return { personId: person?.id ?? startPersonId, outbox, erased };
  }
}

const nothingHeld: SubjectRecords = { fields: [], ledger: [], handoffs: [], pendingInbox: [], pendingOutbox: [] };

function toPerson(row: PersonColumns): PersonRow {
  return {
    id: row.id,
    phoneHash: row.phone_hash,
    wrappedKey: row.wrapped_key,
    phoneSealed: row.phone_sealed,
    createdAt: row.created_at,
  };
}

function toConversation(row: ConversationColumns): ConversationRow {
  return {
    state: row.state,
    updatedAt: row.updated_at,
    ...(row.values_expire_at === null ? {} : { valuesExpireAt: row.values_expire_at }),
    expiresAt: row.expires_at,
  };
}

function toHandoff(row: HandoffColumns, person: PersonRow): HandoffRow {
  return {
    id: row.id,
    ref: row.ref,
    personId: row.person_id,
    queue: row.queue,
    nodeId: row.node_id,
    shared: row.shared,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    person,
  };
}

function toHandoffMessage(row: HandoffMessageColumns): HandoffMessageRow {
  return { id: row.id, handoffId: row.handoff_id, author: row.author, payload: row.payload, at: row.at };
}

function parsePurposes(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
}
