import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseFlow, type Flow } from '../../flows/index.ts';
import { Keyring } from '../crypto/keyring.ts';
import type { HttpOutcome } from '../http/client.ts';
import type { Logger } from '../log.ts';
import { SqliteStorage } from '../store/sqlite/storage.ts';
import { ErasureCaller, type ErasureCallerOptions } from './erasure-caller.ts';

const quiet: Logger = { info() {}, warn() {}, error() {} };
const keyring = new Keyring(Buffer.alloc(32, 7));
const subject = keyring.phoneHash('5511912345678');

function flowWith(host: string, headers?: Record<string, string>): Flow {
  const parsed = parseFlow({
    format: 'amana.flow',
    version: 1,
    id: 'f',
    name: 'F',
    languages: ['en'],
    controller: { name: 'Loja', contact: 'privacy@loja.example' },
    purposes: [],
    recipients: [
      {
        id: 'crm',
        name: 'CRM',
        host,
        erase: { method: 'DELETE', url: 'https://crm.example/leads/{{id}}', ...(headers ? { headers } : {}) },
      },
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

async function queued(url: string, headers?: Record<string, string>) {
  const store = new SqliteStorage(join(mkdtempSync(join(tmpdir(), 'amana-erasure-')), 'amana.db'));
  const request = keyring.sealEraseRequest({ method: 'DELETE', url, ...(headers ? { headers } : {}) }, subject, 'crm');
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
      { ok: false, error: 'network', detail: 'ECONNREFUSED', maybeArrived: false },
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

  it('ends a call that hangs two seconds into a stop, and keeps the request to make again', async () => {
    const store = await queued('https://crm.example/leads/L-9');
    let calls = 0;
    // A recipient that never answers: the call ends only when the caller stops it.
    const caller = callerFor(
      store,
      (_method, _url, _headers, signal) => {
        calls += 1;
        return new Promise<HttpOutcome>((resolve) =>
          signal?.addEventListener('abort', () =>
            resolve({ ok: false, error: 'stopped', detail: 'no answer before the stop', maybeArrived: true }),
          ),
        );
      },
      { backoff: () => 60_000 },
    );
    caller.notify();
    await vi.waitUntil(() => calls === 1);
    const stopping = performance.now();
    await caller.stop();
    expect(performance.now() - stopping).toBeGreaterThanOrEqual(1_900);
    expect(performance.now() - stopping).toBeLessThan(4_000);
    // Not settled: it stays queued, due again after the backoff.
    expect((await store.subjectRecords(subject))?.recipientErasures.map((entry) => entry.event)).toEqual(['requested']);
    expect(await store.nextErasureDue()).toBe(2000 + 60_000);
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

  describe('with a route whose headers read {{secret.NAME}}', () => {
    const headers = { Authorization: 'Bearer {{secret.CRM_TOKEN}}', 'X-Lead': '{{id}}' };
    const sealed = { Authorization: 'Bearer {{secret.CRM_TOKEN}}', 'X-Lead': 'L-4' };
    /** Every line the caller logged, as JSON. */
    const watched = () => {
      const lines: string[] = [];
      const log: Logger = {
        info: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
        warn: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
        error: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
      };
      return { log, lines };
    };

    it('fills the secret from the bot’s settings only into the request itself', async () => {
      const store = await queued('https://crm.example/leads/L-4', sealed);
      const sent: Record<string, string>[] = [];
      const { log, lines } = watched();
      const caller = callerFor(
        store,
        async (_method, _url, given): Promise<HttpOutcome> => {
          sent.push(given);
          return { ok: true, status: given['Authorization'] === 'Bearer s3cr3t' ? 204 : 401, body: '' };
        },
        {
          flow: flowWith('crm.example', headers),
          log,
          secrets: (variable) => (variable === 'AMANA_SECRET_CRM_TOKEN' ? 's3cr3t' : undefined),
        },
      );
      await caller.attemptDue();
      expect(sent).toEqual([{ Authorization: 'Bearer s3cr3t', 'X-Lead': 'L-4' }]);
      const ledger = (await store.subjectRecords(subject))?.recipientErasures ?? [];
      expect(ledger.at(-1)).toMatchObject({ event: 'done', status: 204, attempts: 1 });
      expect(lines).toEqual([expect.stringContaining('recipient-erased')]);
      expect(JSON.stringify([ledger, lines])).not.toContain('s3cr3t');
      await store.close();
    });

    it('records a secret that is not set as failed at once, naming the setting, and calls nobody', async () => {
      const store = await queued('https://crm.example/leads/L-5', sealed);
      let called = false;
      const { log, lines } = watched();
      const caller = callerFor(
        store,
        async () => {
          called = true;
          return { ok: true, status: 204, body: '' };
        },
        { flow: flowWith('crm.example', headers), log, secrets: () => '' },
      );
      await caller.attemptDue();
      expect(called).toBe(false);
      expect((await store.subjectRecords(subject))?.recipientErasures.at(-1)).toEqual({
        recipient: 'crm',
        event: 'failed',
        attempts: 1,
        detail: 'AMANA_SECRET_CRM_TOKEN not set',
        at: 2000,
      });
      expect(await store.nextErasureDue()).toBeUndefined();
      expect(lines).toEqual([expect.stringContaining('"error":"AMANA_SECRET_CRM_TOKEN not set"')]);
      await store.close();
    });

    it('does not retry a header the client refuses to send: it would be refused every time', async () => {
      const store = await queued('https://crm.example/leads/L-6', sealed);
      let calls = 0;
      const caller = callerFor(
        store,
        async (): Promise<HttpOutcome> => {
          calls += 1;
          return { ok: false, error: 'bad-request', detail: 'ERR_INVALID_CHAR', maybeArrived: false };
        },
        { flow: flowWith('crm.example', headers), secrets: () => 'two\nlines' },
      );
      await caller.attemptDue();
      await caller.attemptDue();
      expect(calls).toBe(1);
      expect((await store.subjectRecords(subject))?.recipientErasures.at(-1)).toMatchObject({
        event: 'failed',
        detail: 'bad-request',
      });
      await store.close();
    });
  });
});
