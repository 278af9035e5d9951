import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { send } from './client.ts';

/** A port on 127.0.0.1 that nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('HTTP client failures', () => {
  it('says why no response came by the error’s code, never by its message (which may quote the URL)', async () => {
    const port = await closedPort();
    const refused = await send('POST', `http://127.0.0.1:${port}/leads?phone=5511912345678`, {}, '{}', 2000);
    expect(refused).toEqual({ ok: false, error: 'network', detail: 'ECONNREFUSED', maybeArrived: false });

    // Node refuses a header it cannot send by throwing, before anything leaves.
    const badHeader = await send('GET', `http://127.0.0.1:${port}/`, { authorization: 'Bearer a\nb' }, undefined, 2000);
    expect(badHeader).toEqual({ ok: false, error: 'bad-request', detail: 'ERR_INVALID_CHAR', maybeArrived: false });
  });
});
