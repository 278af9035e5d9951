import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { StoreConfig } from '../config/config.ts';
import { Keyring } from '../crypto/keyring.ts';
import { PersonKeys } from '../crypto/person-keys.ts';
import { runtimeText } from '../messages.ts';
import { SqliteStorage } from './sqlite/storage.ts';
import type { Storage } from './storage.ts';

export type OpenedStore = { ok: true; store: Storage; keys: PersonKeys } | { ok: false; problem: string };

/**
 * Opens the database and checks the master key against the value sealed when the database was
 * created: a wrong key is refused at start, not discovered at the first message.
 */
export async function openStore(config: StoreConfig, language: UiLanguage): Promise<OpenedStore> {
  let store: SqliteStorage;
  try {
    store = new SqliteStorage(config.dbFile);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: runtimeText(language, 'db-unopenable', { db: config.dbFile, reason }) };
  }
  const keyring = new Keyring(config.dataKey);
  const check = await store.keyCheck();
  if (check === undefined) {
    await store.setKeyCheck(keyring.keyCheckValue());
  } else if (!keyring.matchesKeyCheck(check)) {
    await store.close();
    return { ok: false, problem: runtimeText(language, 'wrong-key', { db: config.dbFile }) };
  }
  return { ok: true, store, keys: new PersonKeys(keyring) };
}
