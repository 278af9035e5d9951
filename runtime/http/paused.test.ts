import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Logger } from '../log.ts';
import { StorePaused, type StorePause } from '../store/access.ts';
import { healthRoute } from './health.ts';
import { botServer, type Handler } from './server.ts';

/**
 * What a paused instance (../store/access.ts) tells those who ask over HTTP: a balancer's health
 * check, and an agent or integration whose action needed the store.
 */
describe('a paused instance over HTTP', () => {
  const servers: ReturnType<typeof botServer>[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  const logged: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: (event, fields = {}) => logged.push({ level: 'info', event, fields }),
    warn: (event, fields = {}) => logged.push({ level: 'warn', event, fields }),
    error: (event, fields = {}) => logged.push({ level: 'error', event, fields }),
  };

  /** The bot's server on 127.0.0.1 with `health` and a desk whose every action meets the pause. */
  const serve = async (pause: StorePause, language: UiLanguage) => {
    const paused: Handler = () => Promise.reject(new StorePaused(pause));
    const health = healthRoute({ health: () => Promise.reject(new StorePaused(pause)) }, Date.now, language);
    const server = botServer({ webhook: paused, admin: paused, desk: paused, health }, log);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return (path: string) => fetch(`${base}${path}`);
  };
  const since = Date.parse('2026-12-01T10:00:00Z');
  const rotation: StorePause = {
    reason: 'key-rotation',
    since,
    holders: [{ name: 'amana rotate-key, pid 7 on ops-1', address: '10.0.0.5', since }],
  };

  it('answers /healthz 503 with the reason, in the operator’s language', async () => {
    const expected: Record<UiLanguage, RegExp> = {
      en: /^Paused: rotate-key is running on the database \(amana rotate-key, pid 7 on ops-1 @ 10\.0\.0\.5, 2026-12-01T10:00:00\.000Z\)\./,
      'pt-BR':
        /^Em pausa: o rotate-key está rodando no banco de dados \(amana rotate-key, pid 7 on ops-1 @ 10\.0\.0\.5, /,
      ar: /^متوقفة مؤقتًا: يعمل rotate-key الآن على قاعدة البيانات \(amana rotate-key, pid 7 on ops-1 @ 10\.0\.0\.5, /,
    };
    for (const language of ['en', 'pt-BR', 'ar'] as const) {
      const answer = await (await serve(rotation, language))('/healthz');
      expect(answer.status).toBe(503);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ ok: false, paused: 'key-rotation', since: '2026-12-01T10:00:00.000Z' });
      expect(String(body['reason'])).toMatch(expected[language]);
    }
    const lost = await (await serve({ reason: 'lock-lost', since }, 'en'))('/healthz');
    expect(await lost.json()).toMatchObject({
      paused: 'lock-lost',
      reason: expect.stringMatching(/^Paused: this instance lost its database session holding the instance lock/),
    });
    const replaced = await (
      await serve({ reason: 'key-replaced', since, problem: 'The key was replaced.' }, 'en')
    )('/healthz');
    expect(await replaced.json()).toMatchObject({
      paused: 'key-replaced',
      reason: 'Stopped: The key was replaced. Then restart this instance; until then it answers no messages.',
    });
  });

  it('answers an action that needed the store 503 “paused” to try again, and logs it as a pause, not a crash', async () => {
    logged.length = 0;
    const get = await serve(rotation, 'en');
    const answer = await get('/desk/api/conversations/abc/reply');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(await answer.json()).toEqual({ error: 'paused' });
    expect(logged).toEqual([{ level: 'warn', event: 'request-paused', fields: { reason: 'key-rotation' } }]);
  });
});
