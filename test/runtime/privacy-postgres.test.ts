import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBinDir } from '../../scripts/postgres-cluster.mjs';
import {
  deliver,
  eventually,
  runBotCommand,
  startBot,
  startSupportBot,
  type BotOptions,
  type RunningBot,
  removeExportedBots,
} from './helpers/bot.ts';
import { containsValue } from './helpers/database.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import { buttonReply, listReply, location, single, text, type MessageBody } from './helpers/payloads.ts';
import { testPostgres } from './helpers/postgres.ts';

const server = await testPostgres();

/**
 * The privacy promises of ./privacy.test.ts, kept on PostgreSQL: no personal value in clear in
 * the database (read from `pg_dump`, as a backup would hold it), erasure by keyword and by command
 * (the person's key and sealed rows gone; what VACUUM has yet to reclaim is ciphertext under a
 * deleted key), retention, export-subject, and the append-only ledger enforced by the database.
 */
describe.skipIf(!server)('exported bot on PostgreSQL: encrypted store, erasure and retention', () => {
  const graph = new FakeGraph();
  const recipients = new FakeGraph();
  let bot: RunningBot;
  let options: BotOptions;
  let url = '';
  let sql: postgres.Sql;

  const canaries = {
    erasedByKeyword: { phone: '5511955560001', name: 'Zebedeu Pardal', address: 'Rua Pardal Amarelo 777' },
    erasedByCommand: { phone: '5511955560002', name: 'Bento Pardal', address: 'Rua Pardal Verde 12' },
    retained: {
      phone: '5511955560003',
      name: 'Clara Pardal',
      address: 'Travessa Pardal Azul 42',
      email: 'clara.pardal@example.com',
    },
  };
  const allCanaryValues = Object.values(canaries).flatMap((person) => Object.values(person));

  beforeAll(async () => {
    url = (await server?.database('privacy')) ?? '';
    ({ bot, options } = await startSupportBot('privacy-pg', {
      graph,
      recipients,
      eta: 'amanhã',
      env: { DATABASE_URL: url },
    }));
    sql = postgres(url, { max: 2, onnotice: () => undefined });
  });

  afterAll(async () => {
    await bot?.stop();
    await sql?.end();
    await graph.stop();
    await recipients.stop();
    await server?.stop();
    removeExportedBots();
  });

  /** The whole database as `pg_dump` writes it (bytea as hex), plus the hex of each value to look for. */
  function dump(): string {
    const result = spawnSync(join(postgresBinDir() ?? '/usr/bin', 'pg_dump'), ['--no-owner', url], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr}`);
    return result.stdout;
  }
  const inDump = (text: string, value: string) =>
    containsValue(Buffer.from(text), value) || text.includes(Buffer.from(value, 'utf8').toString('hex'));

  async function say(person: { phone: string; name: string }, message: MessageBody, replies: number) {
    const before = graph.messagesTo(person.phone).length;
    expect((await deliver(bot.port, single({ from: person.phone, name: person.name, message }))).status).toBe(200);
    await eventually(
      () => graph.messagesTo(person.phone).length >= before + replies,
      10_000,
      `replies to ${person.phone}`,
    );
    return graph.messagesTo(person.phone).slice(before);
  }

  async function toDeliveryQuestion(person: { phone: string; name: string; address: string }) {
    await say(person, text('oi'), 2);
    await say(person, buttonReply('accept', 'Aceito'), 1);
    await say(person, listReply('delivery', 'Entrega'), 1);
    await say(person, location(-23.5, -46.6, undefined, person.address), 1);
  }

  /** The sealed blobs held for the newest person, as hex (how pg_dump writes them). */
  async function sealedOfNewest(): Promise<string[]> {
    const [person] = await sql<{ id: string; wrapped_key: Buffer; phone_sealed: Buffer }[]>`
      SELECT id, wrapped_key, phone_sealed FROM persons ORDER BY id DESC LIMIT 1`;
    if (!person) return [];
    const values = await sql<{ value: Buffer }[]>`SELECT value FROM fields WHERE person_id = ${person.id}`;
    return [person.wrapped_key, person.phone_sealed, ...values.map((row) => row.value)].map((blob) =>
      blob.toString('hex'),
    );
  }

  it('keeps collected values only sealed: no canary in pg_dump output or the logs', async () => {
    const { retained } = canaries;
    await toDeliveryQuestion(retained);
    expect(String(asRecord((await say(retained, text(retained.email), 2)).at(-1)?.['text'])['body'])).toBe(
      'Vou passar para uma pessoa.',
    );
    const keys = await sql<{ key: string }[]>`SELECT key FROM fields ORDER BY key`;
    expect(keys.map((row) => row.key)).toEqual(['email', 'where']);
    const dumped = dump();
    for (const value of allCanaryValues)
      expect({ value, found: inDump(dumped, value) }).toEqual({ value, found: false });
    for (const value of allCanaryValues) expect(bot.stdout.includes(value)).toBe(false);
  });

  it('erases a person who writes the erase keyword: key and sealed rows gone in one transaction', async () => {
    const person = canaries.erasedByKeyword;
    await toDeliveryQuestion(person);
    const sealed = await sealedOfNewest();
    expect(sealed.length).toBeGreaterThanOrEqual(3);
    for (const blob of sealed) expect(dump().includes(blob)).toBe(true);
    await say(person, text('apagar meus dados'), 1);
    const dumped = dump();
    for (const blob of sealed) expect(dumped.includes(blob)).toBe(false);
    const report = JSON.parse(runBotCommand(options, ['export-subject', '--phone', person.phone]).stdout);
    expect(report.fields).toEqual([]);
    expect(report.consentLedger.map((entry: { event: string }) => entry.event)).toEqual(['granted', 'erased']);
  });

  it('erases a person with `node server.js erase --phone` while the bot runs', async () => {
    const person = canaries.erasedByCommand;
    await toDeliveryQuestion(person);
    const sealed = await sealedOfNewest();
    const result = runBotCommand(options, ['erase', '--phone', `+${person.phone}`]);
    expect(result.stdout).toMatch(/^Erased: /);
    const dumped = dump();
    for (const blob of sealed) expect(dumped.includes(blob)).toBe(false);
    const report = JSON.parse(runBotCommand(options, ['export-subject', '--phone', person.phone]).stdout);
    expect(report.fields).toEqual([]);
    expect(report.conversation).toBeNull();
    await say({ phone: '5511955560009', name: 'Outra Pessoa' }, { type: 'text', text: { body: 'oi' } }, 2);
  });

  it('prints everything held about a person with export-subject, values opened', async () => {
    const { retained } = canaries;
    const report = JSON.parse(runBotCommand(options, ['export-subject', '--phone', `+${retained.phone}`]).stdout);
    expect(report.fields.find((field: { key: string }) => field.key === 'email')?.value).toBe(retained.email);
    expect(report.fields.find((field: { key: string }) => field.key === 'where')?.value).toMatchObject({
      address: retained.address,
    });
  });

  it('deletes each value when its retention is up, and keeps the ledger append-only', async () => {
    const { retained } = canaries;
    await bot.stop();
    const purge = runBotCommand({ ...options, env: { ...options.env, AMANA_NOW_OFFSET_DAYS: '3' } }, ['purge']);
    expect(purge.stdout).toMatch(/^Purged: 1 expired value\(s\)/);
    const report = JSON.parse(runBotCommand(options, ['export-subject', '--phone', retained.phone]).stdout);
    expect(report.fields.map((field: { key: string }) => field.key)).toEqual(['email']);
    expect(inDump(dump(), retained.address)).toBe(false);
    await expect(sql`UPDATE consent_ledger SET event = 'declined'`).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM consent_ledger`).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE consent_ledger`).rejects.toThrow(/append-only/);
    bot = await startBot(options);
  });
});
