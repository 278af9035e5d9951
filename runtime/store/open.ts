import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { StoreConfig } from '../config/config.ts';
import { Keyring } from '../crypto/keyring.ts';
import { PersonKeys } from '../crypto/person-keys.ts';
import { keyMeta, retiredKeys, rotationUnderWay } from '../crypto/rotation-state.ts';
import { runtimeText } from '../messages.ts';
import { sqliteInUse } from './sqlite/in-use.ts';
import { SqliteStorage } from './sqlite/storage.ts';
import { StoreInUse, type Storage, type StoreUser } from './storage.ts';

export type OpenedStore = { ok: true; store: Storage; keys: PersonKeys } | { ok: false; problem: string };

/**
 * Opens the database — PostgreSQL when DATABASE_URL is set, else the SQLite file — and checks
 * the master key against the value sealed when the database was created (or by the last
 * `rotate-key`): a wrong key, or one `rotate-key` retired, is refused at start, not discovered at
 * the first message; so is any key while a rotation is under way, except by `rotate-key` itself.
 * The PostgreSQL driver is loaded only then, so a bot on SQLite starts without it.
 */
export async function openStore(
  config: StoreConfig,
  language: UiLanguage,
  options: { duringRotation?: boolean; alone?: boolean } = {},
): Promise<OpenedStore> {
  let store: Storage;
  const db = databaseName(config);
  // `alone`: a command that must not run beside the bot (rotate-key). SQLite tells by the file's
  // locks; on PostgreSQL every process holds the instance lock (./postgres/instances.ts).
  if (options.alone && !config.databaseUrl && sqliteInUse(config.dbFile))
    return { ok: false, problem: runtimeText(language, 'db-in-use', { db }) };
  try {
    if (config.databaseUrl) {
      const { PostgresStorage } = await import('./postgres/storage.ts');
      store = await PostgresStorage.open(config.databaseUrl, {
        phoneNumber: config.phoneNumberId,
        ...(options.alone ? { alone: true } : {}),
      });
    } else {
      store = new SqliteStorage(config.dbFile);
    }
  } catch (error) {
    if (error instanceof StoreInUse) return { ok: false, problem: inUse(error, db, language) };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: runtimeText(language, 'db-unopenable', { db, reason }) };
  }
  const given = new Keyring(config.dataKey);
  let check = await store.keyCheck();
  if (check === undefined) {
    // Instances starting at once on a new PostgreSQL database: the first value written stands.
    await store.setKeyCheck(given.keyCheckValue());
    check = await store.keyCheck();
  }
  const problem = await keyProblem(store, given, check, db, language, options.duringRotation ?? false);
  if (problem !== undefined) {
    await store.close();
    return { ok: false, problem };
  }
  // A process that lost the instance lock may take it back after rotate-key ran: it resumes only if its key still opens the store.
  store.access.beforeResume = async () => keyProblem(store, given, await store.keyCheck(), db, language, false);
  const stable = await store.readMeta(keyMeta.stableKeys);
  const keyring = stable ? new Keyring(config.dataKey, given.openStableKeys(stable)) : given;
  return { ok: true, store, keys: new PersonKeys(keyring) };
}

/** Why the store does not take the master key `given` (a wrong or retired key, a rotation under way), in the operator's words. */
async function keyProblem(
  store: Storage,
  given: Keyring,
  check: Buffer | undefined,
  db: string,
  language: UiLanguage,
  duringRotation: boolean,
): Promise<string | undefined> {
  if (check === undefined || !given.matchesKeyCheck(check)) {
    const retired = retiredKeys(await store.readMeta(keyMeta.retiredKeys)).find((key) => key.id === given.keyId);
    if (retired) return runtimeText(language, 'retired-key', { db, date: new Date(retired.at).toISOString() });
    return runtimeText(language, 'wrong-key', { db });
  }
  const rotation = rotationUnderWay(await store.readMeta(keyMeta.rotation));
  if (rotation && !duringRotation) return runtimeText(language, 'rotation-under-way', { db });
  return undefined;
}

/** Who keeps a command that must run alone out, or which such command keeps this one out. */
function inUse(error: StoreInUse, db: string, language: UiLanguage): string {
  const { holders, claims, wanted } = error.users;
  const names = usersNamed(holders);
  if (wanted === 'shared') return runtimeText(language, 'db-held-alone', { db, names });
  return runtimeText(language, 'db-in-use-by', { db, names, processes: holders.length, claims });
}

/** The processes holding the instance lock, for a message: ` (amana serve, pid 4242 on web-1 @ 10.0.0.5, 2026-…; …)`, or ''. */
export function usersNamed(holders: readonly StoreUser[]): string {
  if (holders.length === 0) return '';
  const named = holders.map((holder) =>
    [
      holder.name,
      holder.address ? ` @ ${holder.address}` : '',
      holder.since === undefined ? '' : `, ${new Date(holder.since).toISOString()}`,
    ].join(''),
  );
  return ` (${named.join('; ')})`;
}

/** The database as the operator's messages name it: the file, or the address without its password. */
export function databaseName(config: StoreConfig): string {
  if (!config.databaseUrl) return config.dbFile;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = '***';
  return url.href;
}
