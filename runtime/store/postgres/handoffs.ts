import {
  toHandoff,
  toHandoffMessage,
  type HandoffColumns,
  type HandoffMessageColumns,
  type PersonColumns,
} from '../rows.ts';
import { toPerson } from '../rows.ts';
import type { HandoffMessageRow, HandoffRow, PersonRow } from '../storage.ts';
import type { Db } from './connect.ts';

type HandoffWithPersonColumns = HandoffColumns & { person: PersonColumns };

/** Conversations a person has taken over (at most one per customer) and what was said in them. */
export const handoffs = {
  /** Every open handoff, oldest first, with its person. */
  async open(sql: Db): Promise<HandoffRow[]> {
    const rows = await sql<HandoffWithPersonColumns[]>`
      SELECT h.*, row_to_json(p) AS person FROM handoffs h JOIN persons p ON p.id = h.person_id
      ORDER BY h.created_at, h.id`;
    return rows.map(withPerson);
  },

  async find(sql: Db, ref: string): Promise<HandoffRow | undefined> {
    const [row] = await sql<HandoffWithPersonColumns[]>`
      SELECT h.*, row_to_json(p) AS person FROM handoffs h JOIN persons p ON p.id = h.person_id WHERE h.ref = ${ref}`;
    return row ? withPerson(row) : undefined;
  },

  async ofPerson(sql: Db, person: PersonRow): Promise<HandoffRow | undefined> {
    const [row] = await sql<HandoffColumns[]>`SELECT * FROM handoffs WHERE person_id = ${person.id}`;
    return row ? toHandoff(row, person) : undefined;
  },

  async messages(sql: Db, handoffId: number): Promise<HandoffMessageRow[]> {
    const rows = await sql<
      HandoffMessageColumns[]
    >`SELECT * FROM handoff_messages WHERE handoff_id = ${handoffId} ORDER BY id`;
    return rows.map(toHandoffMessage);
  },

  async purge(sql: Db, now: number): Promise<{ handoffs: number }> {
    const result = await sql`DELETE FROM handoffs WHERE expires_at <= ${now}`;
    return { handoffs: result.count };
  },

  async count(sql: Db): Promise<number> {
    const [row] = await sql<{ n: number }[]>`SELECT COUNT(*)::bigint AS n FROM handoffs`;
    return row?.n ?? 0;
  },
};

/** row_to_json gives bytea as "\x…" hex text and bigint as a JSON number. */
function withPerson(row: HandoffWithPersonColumns): HandoffRow {
  const bytes = (value: unknown) => Buffer.from(String(value).slice(2), 'hex');
  const person = toPerson({
    id: Number(row.person.id),
    phone_hash: bytes(row.person.phone_hash),
    wrapped_key: bytes(row.person.wrapped_key),
    phone_sealed: bytes(row.person.phone_sealed),
    created_at: Number(row.person.created_at),
  });
  const { person: _person, ...handoff } = row;
  return toHandoff(handoff, person);
}
