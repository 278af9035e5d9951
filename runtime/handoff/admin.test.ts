import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlow } from '../../flows/index.ts';
import { supportFlow } from '../../test/runtime/helpers/fixture-flow.ts';
import { Keyring } from '../crypto/keyring.ts';
import { PersonKeys } from '../crypto/person-keys.ts';
import type { LogFields, Logger } from '../log.ts';
import { adminRoute } from './admin.ts';

const token = 'admin-token-for-tests-0123456789';

describe('admin API', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('audits an access whose handling fails, before the failure is answered', async () => {
    const parsed = parseFlow(supportFlow({ stock: 1, desk: 2 }));
    if (!parsed.ok) throw new Error('fixture does not parse');
    const lines: { event: string; fields?: LogFields }[] = [];
    const log: Logger = {
      info: (event, fields) => lines.push({ event, fields }),
      warn: (event, fields) => lines.push({ event, fields }),
      error: (event, fields) => lines.push({ event, fields }),
    };
    const broken = () => Promise.reject(new Error('disk I/O error'));
    const route = adminRoute({
      flow: parsed.flow,
      token,
      store: { counts: broken, openHandoffs: broken, handoff: broken, handoffMessages: broken, statsCounts: broken },
      clock: Date.now,
      keys: new PersonKeys(new Keyring(randomBytes(32))),
      log,
      exclusive: (_person, work) => work(),
      release: async () => false,
      reply: async () => false,
    });
    const listening = createServer((req, res) => {
      route(req, res, new URL(req.url ?? '/', 'http://bot.invalid')).catch(() => {
        res.writeHead(500).end();
      });
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', () => resolve()));
    const address = listening.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/admin/status', headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(500);
    expect(lines).toContainEqual({
      event: 'admin-access',
      fields: { method: 'GET', route: 'status', status: 500, authorized: true, handoff: undefined },
    });
  });
});
