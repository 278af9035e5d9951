import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Pool } from '../../runtime/store/postgres/connect.ts';
import { InstanceLock } from '../../runtime/store/postgres/instances.ts';
import { lockKeys, migrate } from '../../runtime/store/postgres/migrations.ts';
import { StoreInUse } from '../../runtime/store/storage.ts';
import { eventually } from './helpers/bot.ts';
import { testPostgres } from './helpers/postgres.ts';

const server = await testPostgres();

/**
 * The instance lock (runtime/store/postgres/instances.ts) on a real PostgreSQL: every process with
 * the store open shares it, `rotate-key` takes it alone. The exported bot's side of it is
 * test/runtime/rotate-key-postgres.test.ts.
 */
describe.skipIf(!server)('the instance lock on PostgreSQL', () => {
  let url = '';
  let admin: Pool | undefined;

  beforeAll(async () => {
    url = (await server?.database('instance_lock')) ?? '';
    admin = connect(url, 1);
    await migrate(admin);
  });

  afterAll(async () => {
    await admin?.end({ timeout: 5 });
    await server?.stop();
  });

  const sql = () => {
    if (!admin) throw new Error('no database');
    return admin;
  };
  /** The sessions holding the instance lock, as PostgreSQL lists them. */
  const holders = async () =>
    (
      await sql()<{ pid: number; mode: string }[]>`
        SELECT pid, mode FROM pg_locks WHERE locktype = 'advisory' AND granted
          AND objid = ${lockKeys.instance % 2 ** 32} AND objsubid = 1 ORDER BY pid`
    ).map((row) => ({ pid: row.pid, mode: row.mode }));
  const refusal = async (exclusive: boolean): Promise<StoreInUse> => {
    const error: unknown = await InstanceLock.take(url, exclusive).then(
      async (lock) => {
        await lock.release();
        return undefined;
      },
      (reason: unknown) => reason,
    );
    if (!(error instanceof StoreInUse)) throw new Error(`expected StoreInUse, got ${String(error)}`);
    return error;
  };

  it('is shared by every process; taken alone only when none holds it, naming them, and keeps them out meanwhile', async () => {
    const first = await InstanceLock.take(url, false);
    const second = await InstanceLock.take(url, false);
    expect((await holders()).map((holder) => holder.mode)).toEqual(['ShareLock', 'ShareLock']);

    const refused = await refusal(true);
    expect(refused.users.wanted).toBe('alone');
    expect(refused.users.claims).toBe(0);
    expect(refused.users.holders).toHaveLength(2);
    for (const holder of refused.users.holders) {
      expect(holder.name).toMatch(/^amana, pid \d+ on /);
      expect(holder.address).toBe('127.0.0.1');
      expect(holder.since).toBeGreaterThan(Date.now() - 60_000);
    }

    await first.release();
    await second.release();
    await eventually(async () => (await holders()).length === 0, 5_000, 'the locks to go with their sessions');
    const alone = await InstanceLock.take(url, true);
    expect((await holders()).map((holder) => holder.mode)).toEqual(['ExclusiveLock']);
    const kept = await refusal(false);
    expect(kept.users.wanted).toBe('shared');
    expect(kept.users.holders.map((holder) => holder.name)).toEqual([expect.stringMatching(/^amana, pid \d+ on /)]);
    await alone.release();
    await eventually(async () => (await holders()).length === 0, 5_000, 'the exclusive lock to go');
  });

  it('is not taken alone while a claim on work is live, though no process holds it', async () => {
    await sql()`INSERT INTO persons (phone_hash, wrapped_key, phone_sealed, created_at)
      VALUES ('\\x01'::bytea, '\\x02'::bytea, '\\x03'::bytea, 1)`;
    await sql()`INSERT INTO inbox_leases (person_id, owner, until)
      SELECT id, 'killed-a-moment-ago', now() + interval '10 seconds' FROM persons`;
    const refused = await refusal(true);
    expect(refused.users).toEqual({ holders: [], claims: 1, wanted: 'alone' });
    // The claim ran out: nothing keeps rotate-key out any more.
    await sql()`UPDATE inbox_leases SET until = now() - interval '1 second'`;
    const alone = await InstanceLock.take(url, true);
    await alone.release();
    await sql()`DELETE FROM inbox_leases`;
    await sql()`DELETE FROM persons`;
  });

  it('is taken back when its session is lost; lost for good when rotate-key took it meanwhile', async () => {
    const lock = await InstanceLock.take(url, false);
    const terminate = async () => {
      const [held] = await holders();
      if (!held) throw new Error('nobody holds the lock');
      await sql()`SELECT pg_terminate_backend(${held.pid})`;
      await eventually(async () => (await holders()).length === 0, 5_000, 'the session to end');
      return held.pid;
    };
    // The driver reconnects on the next statement; the first may still meet the dead socket.
    const check = () =>
      eventually(
        () =>
          lock.check().then(
            () => true,
            () => false,
          ),
        5_000,
        'a check on a live session',
      );

    const before = await terminate();
    await check();
    expect(lock.held).toBe(true);
    const [again] = await holders();
    expect(again?.pid).not.toBe(before);
    expect(again?.mode).toBe('ShareLock');

    await terminate();
    const alone = await InstanceLock.take(url, true);
    await check();
    expect(lock.held).toBe(false);
    await alone.release();
    await lock.check();
    expect(lock.held).toBe(false);
    await lock.release();
  });
});
