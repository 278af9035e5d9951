import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlow, type Flow } from '../../flows/index.ts';
import { Keyring } from '../crypto/keyring.ts';
import type { HttpOutcome } from '../http/client.ts';
import type { Logger } from '../log.ts';
import { SqliteStorage } from '../store/sqlite/storage.ts';
import { ErasureCaller, type ErasureCallerOptions } from './erasure-caller.ts';

const quiet: Logger = { info() {}, warn() {}, error() {} };
const keyring = new Keyring(Buffer.alloc(32, 7));
const subject = keyring.phoneHash('5511912345678');

function flowWith(host: string): Flow {
  const parsed = parseFlow({
    format: 'amana.flow',
    version: 1,
    id: 'f',
    name: 'F',
    languages: ['en'],
    controller: { name: 'Loja', contact: 'privacy@loja.example' },
    purposes: [],
    recipients: [
      { id: 'crm', name: 'CRM', host, erase: { method: 'DELETE', url: 'https://crm.example/leads/{{id}}' } },
    ],
    data: [],
    variables: [],
    nodes: [],
    edges: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.flow;
}

/** A caller on `store` for a CRM on crm.example, at a fixed time, retrying at once, answering with `request`. */
function callerFor(
  store: SqliteStorage,
  request: ErasureCallerOptions['request'],
  more: Partial<ErasureCallerOptions> = {},
) {
  return new ErasureCaller({
    flow: flowWith('crm.example'),
    store,
    keyring,
    clock: () => 2000,
    log: quiet,
    backoff: () => 0,
    request,
    ...more,
  });
}

async function queued(url: string) {
  const store = new SqliteStorage(join(mkdtempSync(join(tmpdir(), 'amana-erasure-')), 'amana.db'));
  const request = keyring.sealEraseRequest({ method: 'DELETE', url }, subject, 'crm');
  await store.erasePerson(subject, 1000, [{ recipient: 'crm', request }]);
  return store;
}

describe('ErasureCaller', () => {
  it('retries a recipient that keeps failing, then gives up after the bounded number of attempts and records it', async () => {
    const store = await queued('https://crm.example/leads/L-1');
    const calls: string[] = [];
    const caller = callerFor(
      store,
      async (method, url): Promise<HttpOutcome> => {
        calls.push(`${method} ${url}`);
        return { ok: true, status: 502, body: '' };
      },
      { maxAttempts: 3 },
    );
    for (let round = 0; round < 5; round += 1) await caller.attemptDue();
    expect(calls).toEqual(Array(3).fill('DELETE https://crm.example/leads/L-1'));
    expect((await store.subjectRecords(subject))?.recipientErasures.at(-1)).toEqual({
      recipient: 'crm',
      event: 'failed',
      attempts: 3,
      status: 502,
      detail: 'gave up after 3 attempts (http 502)',
      at: 2000,
    });
    expect(await store.nextErasureDue()).toBeUndefined();
    await store.close();
  });

  it('retries a network failure, and takes 404 as done (nothing left there to erase)', async () => {
    const store = await queued('https://crm.example/leads/L-2');
    const answers: HttpOutcome[] = [
      { ok: false, error: 'network', detail: 'ECONNREFUSED' },
      { ok: true, status: 404, body: '' },
    ];
    const caller = callerFor(store, async () => answers.shift() ?? { ok: true, status: 500, body: '' });
    await caller.attemptDue();
    await caller.attemptDue();
    expect((await store.subjectRecords(subject))?.recipientErasures.at(-1)).toMatchObject({
      event: 'done',
      status: 404,
      attempts: 2,
    });
    await store.close();
  });

  it('never calls an address off the recipient’s declared host, and records why', async () => {
    const store = await queued('https://elsewhere.example/leads/L-3');
    let called = false;
    const caller = callerFor(store, async () => {
      called = true;
      return { ok: true, status: 204, body: '' };
    });
    await caller.attemptDue();
    expect(called).toBe(false);
    expect((await store.subjectRecords(subject))?.recipientErasures.at(-1)).toMatchObject({
      event: 'failed',
      detail: 'host is not the recipient’s',
    });
    await store.close();
  });
});
