import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { PostgresStorage } from '../../../runtime/store/postgres/storage.ts';
import { SqliteStorage } from '../../../runtime/store/sqlite/storage.ts';
import { randomBytes } from 'node:crypto';
import type { IngestMessage, PersonMaterial, Storage } from '../../../runtime/store/storage.ts';
import { testPostgres, type TestPostgres } from './postgres.ts';

/**
 * The two implementations of runtime/store/storage.ts the contract tests run against: SQLite in a
 * temporary file and a real PostgreSQL. `raw` reads the tables behind the store's back, as an
 * operator (or an attacker with the disk) would.
 */
interface Raw {
  count(table: string, where?: string): Promise<number>;
  rows<Row>(query: string): Promise<Row[]>;
  /** Runs a statement on a connection of its own; resolves to the error it raised, if any. */
  attempt(statement: string): Promise<Error | undefined>;
  close(): Promise<void>;
}
interface Backend {
  name: string;
  open(): Promise<{ store: Storage; raw: Raw; reopen(): Promise<Storage> }>;
}

const sqliteBackend: Backend = {
  name: 'SQLite',
  async open() {
    const file = join(mkdtempSync(join(tmpdir(), 'amana-store-')), 'amana.db');
    const raw: Raw = {
      async count(table, where = 'TRUE') {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get()?.n ?? 0;
        } finally {
          db.close();
        }
      },
      async rows<Row>(query: string) {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare<[], Row>(query).all();
        } finally {
          db.close();
        }
      },
      async attempt(statement) {
        const db = new Database(file);
        try {
          db.prepare(statement).run();
          return undefined;
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        } finally {
          db.close();
        }
      },
      async close() {},
    };
    return { store: new SqliteStorage(file), raw, reopen: async () => new SqliteStorage(file) };
  },
};

function postgresBackend(url: () => Promise<string>, opened: Storage[]): Backend {
  return {
    name: 'PostgreSQL',
    async open() {
      const address = await url();
      const open = async () => {
        const store = await PostgresStorage.open(address, { phoneNumber: '106540352242922', leaseSeconds: 1 });
        opened.push(store);
        return store;
      };
      const client = postgres(address, { max: 2, onnotice: () => undefined });
      const raw: Raw = {
        async count(table, where = 'TRUE') {
          const [row] = await client.unsafe<{ n: string }[]>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`);
          return Number(row?.n ?? 0);
        },
        async rows<Row>(query: string) {
          return (await client.unsafe(query)) as unknown as Row[];
        },
        async attempt(statement) {
          try {
            await client.unsafe(statement);
            return undefined;
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        },
        close: () => client.end({ timeout: 1 }),
      };
      return { store: await open(), raw, reopen: open };
    },
  };
}

export interface StorageBackends {
  backends: { backend: Backend; skip: boolean }[];
  /** The PostgreSQL server, undefined (after a loud warning) where none can be started. */
  server: TestPostgres | undefined;
  /** Stores opened on PostgreSQL, closed by {@link close}. */
  opened: Storage[];
  close(): Promise<void>;
}

/** Both backends; PostgreSQL stores go into databases named after `label`. */
export async function storageBackends(label: string): Promise<StorageBackends> {
  const server = await testPostgres();
  const opened: Storage[] = [];
  return {
    backends: [
      { backend: sqliteBackend, skip: false },
      {
        backend: postgresBackend(() => server?.database(label) ?? Promise.reject(new Error('no server')), opened),
        skip: !server,
      },
    ],
    server,
    opened,
    async close() {
      for (const store of opened) await store.close().catch(() => undefined);
      await server?.stop();
    },
  };
}

/** A stand-in keyed hash (32 bytes) named by a label. */
export const hash = (label: string): Buffer => Buffer.alloc(32, label);
/** A new person's material: random bytes where a wrapped key and a sealed number would be. */
const material = (): PersonMaterial => ({ wrappedKey: randomBytes(60), phoneSealed: randomBytes(40) });
/** A message from `phone` with its own dedupe hash, sealed as random bytes. */
export const message = (phone: string, id: string): IngestMessage => ({
  dedupeHash: hash(`m-${id}`),
  phoneHash: hash(phone),
  receivedAt: 1000,
  newPerson: material,
  seal: () => randomBytes(50),
});
