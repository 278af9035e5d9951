import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliver,
  eventually,
  runBotCommand,
  sleep,
  startBot,
  startSupportBot,
  type BotOptions,
  type RunningBot,
  removeExportedBots,
} from './helpers/bot.ts';
import { containsValue, countRows, databaseBytes, rows } from './helpers/database.ts';
import { asRecord, FakeGraph } from './helpers/fake-graph.ts';
import {
  buttonReply,
  documentFile,
  image,
  listReply,
  location,
  single,
  text,
  type MessageBody,
} from './helpers/payloads.ts';

/**
 * What the bot keeps, and what it forgets: no personal value is ever in the database files in
 * clear; erasure (keyword or command) removes the person's key and sealed rows from the .db and
 * -wal bytes; retention deletes values when their days are up; export-subject shows it all.
 */
describe('exported bot: encrypted store, erasure and retention', () => {
  const graph = new FakeGraph();
  const recipients = new FakeGraph();
  let bot: RunningBot;
  let options: BotOptions;

  const canaries = {
    erasedByKeyword: { phone: '5511955550001', name: 'Zebedeu Canarinho', address: 'Rua Canario Amarelo 777' },
    erasedByCommand: {
      phone: '5511955550002',
      name: 'Bento Canarinho',
      caption: 'legenda canario secreta',
      email: 'bento.canario@example.com',
    },
    retained: {
      phone: '5511955550003',
      name: 'Clara Canarinho',
      address: 'Travessa Canario Azul 42',
      email: 'clara.canario@example.com',
    },
  };
  const allCanaryValues = Object.values(canaries).flatMap((person) => Object.values(person));

  beforeAll(async () => {
    ({ bot, options } = await startSupportBot('privacy', { graph, recipients, eta: 'amanhã' }));
  });

  afterAll(async () => {
    await bot?.stop();
    await graph.stop();
    await recipients.stop();
    removeExportedBots();
  });

  /** Sends one message and waits until the customer has `replies` more messages. */
  async function say(
    person: { phone: string; name: string },
    message: MessageBody,
    replies: number,
  ): Promise<Record<string, unknown>[]> {
    const before = graph.messagesTo(person.phone).length;
    expect((await deliver(bot.port, single({ from: person.phone, name: person.name, message }))).status).toBe(200);
    await eventually(
      () => graph.messagesTo(person.phone).length >= before + replies,
      10_000,
      `${replies} replies to ${person.phone}`,
    );
    return graph.messagesTo(person.phone).slice(before);
  }

  const lastText = (messages: Record<string, unknown>[]) => String(asRecord(messages.at(-1)?.['text'])['body']);

  /** The sealed blobs the store holds for one person: their wrapped key, sealed number, values and state. */
  function sealedBlobsOf(phoneHashHex: string): Buffer[] {
    const person = rows<{ id: number; wrapped_key: Buffer; phone_sealed: Buffer }>(
      options.db,
      'SELECT id, wrapped_key, phone_sealed FROM persons WHERE hex(phone_hash) = ?',
      phoneHashHex.toUpperCase(),
    )[0];
    if (!person) return [];
    const values = rows<{ value: Buffer }>(options.db, 'SELECT value FROM fields WHERE person_id = ?', person.id).map(
      (row) => row.value,
    );
    const states = rows<{ state: Buffer }>(
      options.db,
      'SELECT state FROM conversations WHERE person_id = ?',
      person.id,
    ).map((row) => row.state);
    const shared = rows<{ shared: Buffer }>(
      options.db,
      'SELECT shared FROM handoffs WHERE person_id = ?',
      person.id,
    ).map((row) => row.shared);
    return [person.wrapped_key, person.phone_sealed, ...values, ...states, ...shared];
  }

  /** The phone hash of the person created most recently (each test's person is new). */
  function newestPhoneHash(): string {
    return (
      rows<{ h: string }>(options.db, 'SELECT hex(phone_hash) AS h FROM persons ORDER BY id DESC LIMIT 1')[0]?.h ?? ''
    );
  }

  it('keeps collected values only sealed: no canary in the database files or the logs', async () => {
    const { retained } = canaries;
    await say(retained, text('oi'), 2);
    await say(retained, buttonReply('accept', 'Aceito'), 1);
    await say(retained, listReply('delivery', 'Entrega'), 1);
    await say(retained, location(-23.5, -46.6, 'Casa da Clara', retained.address), 1);
    expect(lastText(await say(retained, text(retained.email), 2))).toBe('Vou passar para uma pessoa.');

    const held = rows<{ key: string }>(options.db, 'SELECT key FROM fields ORDER BY key').map((row) => row.key);
    expect(held).toEqual(['email', 'where']);
    const bytes = databaseBytes(options.db);
    for (const value of [...allCanaryValues, 'Casa da Clara'])
      expect({ value, found: containsValue(bytes, value) }).toEqual({ value, found: false });
    for (const value of allCanaryValues) expect(bot.stdout.includes(value)).toBe(false);
    // The number is held, but only as a keyed hash and a ciphertext.
    expect(countRows(options.db, 'persons')).toBeGreaterThan(0);
  });

  it('erases a person who writes the erase keyword: their key and sealed rows leave the .db and -wal files', async () => {
    const person = canaries.erasedByKeyword;
    await say(person, text('oi'), 2);
    await say(person, buttonReply('accept', 'Aceito'), 1);
    await say(person, listReply('delivery', 'Entrega'), 1);
    await say(person, location(-22.9, -43.2, undefined, person.address), 1);
    const hash = newestPhoneHash();
    const sealed = sealedBlobsOf(hash);
    expect(sealed.length).toBeGreaterThanOrEqual(4);
    for (const blob of sealed) expect(databaseBytes(options.db).includes(blob)).toBe(true);

    const confirmation = await say(person, text('apagar meus dados'), 1);
    expect(asRecord(confirmation[0]?.['text'])['body']).toMatch(/apaguei os dados/i);
    await eventually(
      () => sealed.every((blob) => !databaseBytes(options.db).includes(blob)),
      5000,
      'the sealed rows to leave the files',
    );
    expect(
      rows(options.db, 'SELECT 1 FROM fields f JOIN persons p ON p.id = f.person_id WHERE hex(p.phone_hash) = ?', hash),
    ).toEqual([]);
    const ledger = rows<{ event: string }>(
      options.db,
      'SELECT event FROM consent_ledger WHERE hex(subject) = ? ORDER BY id',
      hash,
    );
    expect(ledger.map((entry) => entry.event)).toEqual(['granted', 'erased']);
    for (const value of Object.values(person)) expect(containsValue(databaseBytes(options.db), value)).toBe(false);
  });

  it('erases a person with `node server.js erase --phone` while the bot runs, handoff included', async () => {
    const person = canaries.erasedByCommand;
    await say(person, text('oi'), 2);
    await say(person, buttonReply('accept', 'Aceito'), 1);
    await say(person, listReply('returns', 'Devolução'), 1);
    await say(person, image('552233', person.caption), 1);
    await say(person, documentFile('552234', 'nota.pdf'), 1);
    await say(person, text(person.email), 2);
    await eventually(() => countRows(options.db, 'handoffs') > 0, 5000, 'the handoff');
    const sealed = sealedBlobsOf(newestPhoneHash());
    expect(sealed.length).toBeGreaterThanOrEqual(6);

    const result = runBotCommand(options, ['erase', '--phone', '+55 11 95555-0002']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Erased: /);
    const bytes = databaseBytes(options.db);
    for (const blob of sealed) expect(bytes.includes(blob)).toBe(false);
    expect(containsValue(bytes, person.email)).toBe(false);

    const subject = runBotCommand(options, ['export-subject', '--phone', person.phone]);
    const report = JSON.parse(subject.stdout);
    expect(report.fields).toEqual([]);
    expect(report.handoffs).toEqual([]);
    expect(report.conversation).toBeNull();
    expect(report.consentLedger.map((entry: { event: string }) => entry.event)).toEqual(['granted', 'erased']);

    // The bot goes on answering others.
    await say({ phone: '5511955550009', name: 'Outra Pessoa' }, text('oi'), 2);
  });

  it('prints everything held about a person with export-subject, values opened and labelled', async () => {
    const { retained } = canaries;
    const result = runBotCommand(options, ['export-subject', '--phone', `+${retained.phone}`]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.subject.phone).toBe(`+${retained.phone}`);
    expect(report.controller.name).toBe('Loja Teste Ltda');
    const email = report.fields.find((field: { key: string }) => field.key === 'email');
    expect(email).toMatchObject({
      key: 'email',
      label: { en: 'Email', 'pt-BR': 'E-mail' },
      category: 'user.contact.email',
      purposes: ['support'],
      legalBasis: 'consent',
      value: retained.email,
    });
    expect(email.sharedWith[0].id).toBe('desk');
    const where = report.fields.find((field: { key: string }) => field.key === 'where');
    expect(where.value).toMatchObject({ latitude: -23.5, longitude: -46.6, address: retained.address });
    expect(report.consentLedger.map((entry: { event: string }) => entry.event)).toEqual(['granted']);
    expect(report.handoffs[0].shared).toMatchObject({ email: retained.email, topic: 'delivery' });
    expect(report.conversation.state.contact).toEqual({ phone: `+${retained.phone}`, name: retained.name });
  });

  it('deletes each value when its retention is up: purge now, and serve at start', async () => {
    const { retained } = canaries;
    const fieldsOf = () =>
      rows<{ key: string }>(
        options.db,
        'SELECT f.key FROM fields f JOIN persons p ON p.id = f.person_id WHERE p.id = (SELECT id FROM persons WHERE hex(phone_hash) = (SELECT hex(phone_hash) FROM persons ORDER BY id LIMIT 1)) ORDER BY f.key',
      ).map((row) => row.key);
    expect(fieldsOf()).toEqual(['email', 'where']);
    await bot.stop();

    // Three days on: the delivery location (2 days) is gone, the email (30 days) stays; the
    // conversation held the location, so it is forgotten with it.
    const purge = runBotCommand({ ...options, env: { AMANA_NOW_OFFSET_DAYS: '3' } }, ['purge']);
    expect(purge.code).toBe(0);
    expect(purge.stdout).toMatch(/^Purged: 1 expired value\(s\), \d+ conversation\(s\)/);
    expect(fieldsOf()).toEqual(['email']);
    expect(containsValue(databaseBytes(options.db), retained.address)).toBe(false);
    const report = JSON.parse(runBotCommand(options, ['export-subject', '--phone', retained.phone]).stdout);
    expect(report.conversation).toBeNull();
    expect(report.fields.map((field: { key: string }) => field.key)).toEqual(['email']);

    // A month on, at start: serve purges before answering; the email and the person are gone.
    const later = await startBot({ ...options, env: { AMANA_NOW_OFFSET_DAYS: '31' } });
    await eventually(() => later.events('purged').length > 0, 5000, 'the purge at start');
    expect(later.stderr).toMatch(/AMANA_NOW_OFFSET_DAYS=31 shifts the clock/);
    expect(later.events('purged')[0]?.['fields']).toBe(1);
    expect(countRows(options.db, 'fields')).toBe(0);
    expect(countRows(options.db, 'persons')).toBe(0);
    await later.stop();
    const gone = runBotCommand(options, ['export-subject', '--phone', retained.phone]);
    expect(JSON.parse(gone.stdout).fields).toEqual([]);
    bot = await startBot(options);
  });

  it('keeps the consent ledger append-only: the database itself refuses updates and deletes', async () => {
    await sleep(100);
    const db = new Database(options.db);
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM consent_ledger').get()).toMatchObject({ n: expect.any(Number) });
      expect(() => db.prepare("UPDATE consent_ledger SET event = 'declined'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM consent_ledger').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
