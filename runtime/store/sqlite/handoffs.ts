import type Database from 'better-sqlite3';
import { toHandoff, toHandoffMessage, type HandoffColumns, type HandoffMessageColumns } from '../rows.ts';
import type { HandoffMessageRow, HandoffRow, PersonRow } from '../storage.ts';

/** Conversations a person has taken over (at most one per customer) and what was said in them. */
export class SqliteHandoffs {
  private readonly all;
  private readonly byRef;
  private readonly byPerson;
  private readonly messagesOf;
  private readonly removeOf;
  private readonly insert;
  private readonly insertMessage;
  private readonly purgeExpired;
  private readonly countAll;

  constructor(db: Database.Database) {
    this.all = db.prepare<[], HandoffColumns>('SELECT * FROM handoffs ORDER BY created_at, id');
    this.byRef = db.prepare<[string], HandoffColumns>('SELECT * FROM handoffs WHERE ref = ?');
    this.byPerson = db.prepare<[number], HandoffColumns>('SELECT * FROM handoffs WHERE person_id = ?');
    this.messagesOf = db.prepare<[number], HandoffMessageColumns>(
      'SELECT * FROM handoff_messages WHERE handoff_id = ? ORDER BY id',
    );
    this.removeOf = db.prepare<[number]>('DELETE FROM handoffs WHERE person_id = ?');
    this.insert = db.prepare<[string, number, string, string, Buffer, number, number]>(
      'INSERT INTO handoffs (ref, person_id, queue, node_id, shared, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMessage = db.prepare<[number, string, Buffer, number]>(
      'INSERT INTO handoff_messages (handoff_id, author, payload, at) VALUES (?, ?, ?, ?)',
    );
    this.purgeExpired = db.prepare<[number]>('DELETE FROM handoffs WHERE expires_at <= ?');
    this.countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM handoffs');
  }

  /** Every open handoff, oldest first, with its person (`personById` drops those gone meanwhile). */
  open(personById: (id: number) => PersonRow | undefined): HandoffRow[] {
    return this.all.all().flatMap((row) => {
      const person = personById(row.person_id);
      return person ? [toHandoff(row, person)] : [];
    });
  }

  find(ref: string, personById: (id: number) => PersonRow | undefined): HandoffRow | undefined {
    const row = this.byRef.get(ref);
    const person = row && personById(row.person_id);
    return row && person ? toHandoff(row, person) : undefined;
  }

  ofPerson(person: PersonRow): HandoffRow | undefined {
    const row = this.byPerson.get(person.id);
    return row ? toHandoff(row, person) : undefined;
  }

  messages(handoffId: number): HandoffMessageRow[] {
    return this.messagesOf.all(handoffId).map(toHandoffMessage);
  }

  /** Opens a handoff for the person, replacing one still open. */
  start(
    personId: number,
    handoff: { ref: string; queue: string; nodeId: string; shared: Buffer; at: number; expiresAt: number },
  ): void {
    this.removeOf.run(personId);
    this.insert.run(
      handoff.ref,
      personId,
      handoff.queue,
      handoff.nodeId,
      handoff.shared,
      handoff.at,
      handoff.expiresAt,
    );
  }

  addMessage(personId: number, author: 'customer' | 'agent', payload: Buffer, at: number): void {
    const handoff = this.byPerson.get(personId);
    if (!handoff) throw new Error('no open handoff for this person');
    this.insertMessage.run(handoff.id, author, payload, at);
  }

  /** The agent released the chat: the handoff and its messages are deleted. */
  release(personId: number): void {
    this.removeOf.run(personId);
  }

  purge(now: number): { handoffs: number } {
    return { handoffs: this.purgeExpired.run(now).changes };
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
