import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { StoreConfig } from '../config/config.ts';
import { Keyring } from '../crypto/keyring.ts';
import { PersonKeys } from '../crypto/person-keys.ts';
import { runtimeText } from '../messages.ts';
import { SqliteStorage } from './sqlite/storage.ts';
import type { Storage } from './storage.ts';

export type OpenedStore = { ok: true; store: Storage; keys: PersonKeys } | { ok: false; problem: string };

/**
 * Opens the database — PostgreSQL when DATABASE_URL is set, else the SQLite file — and checks
 * the master key against the value sealed when the database was created: a wrong key is refused
 * at start, not discovered at the first message. The PostgreSQL driver is loaded only then, so a
 * bot on SQLite starts without it.
 */
export async function openStore(config: StoreConfig, language: UiLanguage): Promise<OpenedStore> {
  let store: Storage;
  const db = databaseName(config);
  try {
    if (config.databaseUrl) {
      const { PostgresStorage } = await import('./postgres/storage.ts');
      store = await PostgresStorage.open(config.databaseUrl, { phoneNumber: config.phoneNumberId });
    } else {
      store = new SqliteStorage(config.dbFile);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: runtimeText(language, 'db-unopenable', { db, reason }) };
  }
  const keyring = new Keyring(config.dataKey);
  let check = await store.keyCheck();
  if (check === undefined) {
    // Instances starting at once on a new PostgreSQL database: the first value written stands.
    await store.setKeyCheck(keyring.keyCheckValue());
    check = await store.keyCheck();
  }
  if (check === undefined || !keyring.matchesKeyCheck(check)) {
    await store.close();
    return { ok: false, problem: runtimeText(language, 'wrong-key', { db }) };
  }
  return { ok: true, store, keys: new PersonKeys(keyring) };
}

/** The database as the operator's messages name it: the file, or the address without its password. */
export function databaseName(config: StoreConfig): string {
  if (!config.databaseUrl) return config.dbFile;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = '***';
  return url.href;
}
