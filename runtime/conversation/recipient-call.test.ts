import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { EngineEffect } from '../../flows/engine/index.ts';
import { parseFlow } from '../../flows/index.ts';
import { supportFlow } from '../../test/runtime/helpers/fixture-flow.ts';
import { callRecipient } from './recipient-call.ts';

function flowWith(port: number) {
  const parsed = parseFlow(supportFlow({ stock: port, desk: port }));
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.flow;
}

function call(url: string, recipient = 'stock'): Extract<EngineEffect, { type: 'call-http' }> {
  return { type: 'call-http', nodeId: 'stock', recipient, method: 'GET', url, headers: {}, shared: [] };
}

describe('callRecipient', () => {
  it('calls the declared recipient and answers with its status and JSON body', async () => {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ eta: 'tomorrow', path: request.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await callRecipient(flowWith(port), call(`http://127.0.0.1:${port}/eta?topic=x`))).toEqual({
        type: 'http-response',
        status: 200,
        body: { eta: 'tomorrow', path: '/eta?topic=x' },
      });
    } finally {
      server.close();
    }
  });

  it('sends nothing to a host other than the recipient’s, over plain http to another machine, or to an undeclared recipient', async () => {
    const flow = flowWith(4000);
    expect(await callRecipient(flow, call('http://127.0.0.1:4001/eta'))).toMatchObject({
      status: 0,
      error: 'host is not the recipient’s',
    });
    expect(await callRecipient(flow, call('http://api.example.com/eta'))).toMatchObject({
      status: 0,
      error: 'not https',
    });
    expect(await callRecipient(flow, call('http://127.0.0.1:4000/eta', 'crm'))).toMatchObject({
      status: 0,
      error: 'undeclared recipient',
    });
    expect(await callRecipient(flow, call('not a url'))).toMatchObject({ status: 0, error: 'invalid URL' });
    // WHATWG URL (what Node sends with) reads `\` as `/`: the host is 127.0.0.1:4001, not the recipient's.
    expect(await callRecipient(flow, call('http://127.0.0.1:4001\\@127.0.0.1:4000/eta'))).toMatchObject({
      status: 0,
      error: 'host is not the recipient’s',
    });
  });

  it('compares hosts as the checker does: a declared host without a port accepts any port, in any case', async () => {
    const flow = flowWith(4000);
    const stock = flow.recipients.find((recipient) => recipient.id === 'stock')!;
    const portless = { ...flow, recipients: [{ ...stock, host: 'LOCALHOST' }] };
    // Not refused for its host: the request is made, and fails only because nothing listens.
    expect(await callRecipient(portless, call('http://localhost:1/eta'))).toMatchObject({
      status: 0,
      error: 'network',
    });
    expect(await callRecipient(portless, call('http://127.0.0.1:1/eta'))).toMatchObject({
      status: 0,
      error: 'host is not the recipient’s',
    });
  });

  it('answers status 0 with the reason when the recipient cannot be reached', async () => {
    expect(await callRecipient(flowWith(1), call('http://127.0.0.1:1/eta'))).toMatchObject({
      status: 0,
      error: 'network',
    });
  });
});
