import { newDataKey } from '../config/config.ts';
import { Keyring } from '../crypto/keyring.ts';
import { asMeta, keyMeta, retiredKeys, rotationUnderWay } from '../crypto/rotation-state.ts';
import { runtimeText } from '../messages.ts';
import { complain, line, openBundle, parseOptions, reason, type RuntimeIo } from './context.ts';

const defaultBatch = 500;

/**
 * `node server.js rotate-key [--new-key-file <file>] [--batch <n>]`: re-wraps every person's data
 * key under a new master key (AMANA_DATA_KEY_NEW, or the file), with the bot stopped.
 *
 * Resumable: the rotation is recorded in the store's meta before the first row changes (the bot
 * refuses to start until it is finished); person rows are re-wrapped in batches, each committed
 * with the new key's id on its rows, so a run that is killed loses at most its current batch and
 * the next run (with the same two keys) continues where it stopped. The last step, in one
 * transaction, makes the new key the one the key check accepts, seals the stable keys (phone and
 * message hashes, desk secrets; ../crypto/keyring.ts) under it, and records the old key as
 * retired: from then on the old key is refused at start with a message that says so. Personal
 * values themselves are sealed under the person keys, which do not change, so nothing else is
 * rewritten, and every keyed hash (phone numbers, the consent ledger, the erasure journal) stays valid.
 */
export async function rotateKeyCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const options = parseOptions(io, 'rotate-key', args, {
    'new-key-file': { type: 'string' },
    batch: { type: 'string' },
  });
  if (options === undefined) return 2;
  const batch = options.batch === undefined ? defaultBatch : Number(options.batch);
  if (!Number.isSafeInteger(batch) || batch < 1 || batch > 100_000)
    return complain(io, 'not-integer', { name: '--batch', min: 1, max: 100_000, value: options.batch ?? '' });
  let newKey: Buffer | undefined;
  const opened = await openBundle(
    io,
    (settings) => {
      const checked = newDataKey(settings, io.language, options['new-key-file']);
      if (checked.ok) newKey = checked.config;
      return checked.ok ? [] : checked.problems;
    },
    { duringRotation: true, alone: true },
  );
  if (typeof opened === 'number') return opened;
  const { store, keys, clock, settings } = opened;
  try {
    if (!newKey) return 2;
    const old = keys.keyring;
    const next = new Keyring(newKey, old.stableKeys);
    if (next.keyId === old.keyId) return complain(io, 'rotate-same-key');
    const rotation = rotationUnderWay(await store.readMeta(keyMeta.rotation));
    if (rotation && rotation.to !== next.keyId)
      return complain(io, 'rotate-other-key', { to: rotation.to, key: next.keyId });
    if (!rotation)
      await store.writeMeta({ [keyMeta.rotation]: asMeta({ from: old.keyId, to: next.keyId, startedAt: clock() }) });
    line(
      io.stdout,
      runtimeText(io.language, rotation ? 'rotate-resumed' : 'rotate-started', { from: old.keyId, to: next.keyId }),
    );
    const pauseMs = Number(settings.values['AMANA_TEST_ROTATE_PAUSE_MS'] ?? 0) || 0;
    if (pauseMs > 0) line(io.stderr, runtimeText(io.language, 'rotate-test-pause', { ms: pauseMs }));
    let done = 0;
    for (;;) {
      const rows = await store.personsNotWrappedBy(next.keyId, batch);
      if (rows.length === 0) break;
      const rewrapped = rows.map((row) => {
        try {
          return {
            id: row.id,
            wrappedKey: next.wrapPersonKey(old.unwrapPersonKey(row.wrappedKey, row.phoneHash), row.phoneHash),
          };
        } catch (error) {
          throw new RotationError(row.id, error);
        }
      });
      await store.rewrapPersonKeys(rewrapped, next.keyId);
      done += rows.length;
      line(io.stdout, runtimeText(io.language, 'rotate-progress', { done }));
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    const retired = [...retiredKeys(await store.readMeta(keyMeta.retiredKeys)), { id: old.keyId, at: clock() }];
    await store.writeMeta({
      'key-check': next.keyCheckValue(),
      [keyMeta.stableKeys]: next.sealStableKeys(old.stableKeys),
      [keyMeta.retiredKeys]: asMeta(retired),
      [keyMeta.rotation]: null,
    });
    // The old wrappings must not linger in the WAL.
    await store.scrub();
    line(io.stdout, runtimeText(io.language, 'rotate-done', { done, to: next.keyId, from: old.keyId }));
    return 0;
  } catch (error) {
    if (error instanceof RotationError)
      return complain(io, 'rotate-unreadable', { id: error.personId, reason: error.reason });
    throw error;
  } finally {
    await store.close();
  }
}

/** A person key that does not open under the old master key: the rotation stops, nothing lost. */
class RotationError extends Error {
  readonly reason: string;

  constructor(
    readonly personId: number,
    cause: unknown,
  ) {
    super(`person ${personId}: ${reason(cause)}`);
    this.reason = reason(cause);
  }
}
