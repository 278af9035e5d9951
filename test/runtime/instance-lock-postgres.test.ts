import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { StoreAccess } from '../../runtime/store/access.ts';
import { connect, type Pool } from '../../runtime/store/postgres/connect.ts';
import { InstanceLock } from '../../runtime/store/postgres/instances.ts';
import { lockKeys, migrate } from '../../runtime/store/postgres/migrations.ts';
import { StoreInUse } from '../../runtime/store/storage.ts';
import { eventually, sleep } from './helpers/bot.ts';
import { cuttableProxy, testPostgres } from './helpers/postgres.ts';

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

  /** The lock of a process that works (its store's access), and what that access went through. */
  const watched = async (target = url) => {
    const access = new StoreAccess();
    const seen: string[] = [];
    access.onChange((pause) => seen.push(pause?.reason ?? 'open'));
    const lock = await InstanceLock.take(target, false, access);
    onTestFinished(() => lock.release());
    return { access, seen, lock };
  };
  const terminate = async () => {
    const [held] = await holders();
    if (!held) throw new Error('nobody holds the lock');
    await sql()`SELECT pg_terminate_backend(${held.pid})`;
    return held.pid;
  };

  it('notices by itself that its session was ended, pauses, and takes the lock back on a new session', async () => {
    const { access, seen, lock } = await watched();
    const before = await terminate();
    await eventually(() => seen.includes('lock-lost'), 5_000, 'the pause');
    await eventually(() => access.pause === undefined, 10_000, 'the lock to be taken back');
    expect(seen).toEqual(['lock-lost', 'open']);
    const [again] = await holders();
    expect(again?.pid).not.toBe(before);
    expect(again?.mode).toBe('ShareLock');
    await lock.release();
    await eventually(async () => (await holders()).length === 0, 5_000, 'the lock to go');
  });

  it('stays paused while a session holds it alone, as rotate-key does, naming it; takes it back once that ends', async () => {
    const { access, lock } = await watched();
    const [held] = await holders();
    // rotate-key's way: the exclusive lock, on a session named after the command. It waits for the ended session's lock to go.
    const rotation = connect(url, 1, { application_name: 'amana rotate-key, pid 7 on ops-1' });
    onTestFinished(() => rotation.end({ timeout: 1 }));
    await rotation`SELECT pg_terminate_backend(${held?.pid ?? 0})`;
    await rotation`SELECT pg_advisory_lock(${lockKeys.instance}::bigint)`;
    await eventually(() => access.pause?.reason === 'key-rotation', 10_000, 'the pause for the rotation');
    const pause = access.pause;
    expect(pause?.reason === 'key-rotation' && pause.holders.map((holder) => holder.name)).toEqual([
      'amana rotate-key, pid 7 on ops-1',
    ]);
    // Attempts go on meanwhile and fail: it is still paused several backoffs later, and the lock is still the rotation's alone.
    await sleep(3_000);
    expect(access.pause?.reason).toBe('key-rotation');
    expect((await holders()).map((holder) => holder.mode)).toEqual(['ExclusiveLock']);

    await rotation.end({ timeout: 5 });
    await eventually(() => access.pause === undefined, 10_000, 'the lock to be taken back after the rotation');
    expect((await holders()).map((holder) => holder.mode)).toEqual(['ShareLock']);
    await lock.release();
  });

  it('does not resume when the key check refuses once the lock is back: paused for good, holding nothing', async () => {
    const { access, seen, lock } = await watched();
    let asked = 0;
    access.beforeResume = async () => {
      asked += 1;
      return 'This AMANA_DATA_KEY was replaced by rotate-key.';
    };
    await terminate();
    await eventually(() => access.pause?.reason === 'key-replaced', 10_000, 'the refusal');
    const pause = access.pause;
    expect(pause?.reason === 'key-replaced' && pause.problem).toBe('This AMANA_DATA_KEY was replaced by rotate-key.');
    await sleep(2_000);
    expect(asked).toBe(1);
    expect(seen).toEqual(['lock-lost', 'key-replaced']);
    // It gave the lock back, so the new key's instances and rotate-key are not kept out.
    await eventually(async () => (await holders()).length === 0, 5_000, 'no holder');
    await lock.release();
  });

  it('counts a session that stops answering (a network cut) as lost, and takes the lock back once the network returns', async () => {
    const proxy = await cuttableProxy(new URL(url));
    const { access, seen, lock } = await watched(proxy.url);
    proxy.cut();
    await eventually(() => access.pause?.reason === 'lock-lost', 10_000, 'the probe to give up on the hung session');
    proxy.restore();
    await eventually(() => access.pause === undefined, 20_000, 'the lock to be taken back through the network');
    expect(seen).toEqual(['lock-lost', 'open']);
    await lock.release();
    await proxy.close();
  }, 40_000);
});
