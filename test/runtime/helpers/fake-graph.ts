import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Graph API (or a fake recipient) received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  raw: string;
  at: number;
  /** What it was answered (the message id a send got, for status webhooks about it). */
  answered?: unknown;
}

/** How to answer a request: a status and body, or hold it (never answer) to simulate a crash mid-request. */
export type Answer = { status: number; body?: unknown } | 'hold';

/**
 * A local stand-in for `graph.facebook.com` (and for recipients' APIs): records every request and
 * answers like the Cloud API (`{"messaging_product": "whatsapp", "messages": [{"id": "wamid…"}]}`)
 * unless a test scripts other answers. Only requests it answered with 2xx count as delivered.
 */
export class FakeGraph {
  readonly requests: RecordedRequest[] = [];
  /** Requests answered 2xx: what WhatsApp would have delivered. */
  readonly delivered: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly held: ServerResponse[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private counter = 0;
  /** Decides each answer; by default 200 with a message id. */
  answer: (request: RecordedRequest) => Answer = () => ({ status: 200 });
  /** Called synchronously for every request, before it is answered. */
  onRequest: (request: RecordedRequest) => void = () => undefined;

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.handle(request, response, Buffer.concat(chunks).toString('utf8')));
    });
  }

  async start(): Promise<string> {
    return this.startOn(0);
  }

  /** Listens on a given port (to come back where a stopped server was). */
  async startOn(port: number): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${this.port}`;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? (address as AddressInfo).port : 0;
  }

  /** Messages sent to WhatsApp users (requests to /{version}/{id}/messages answered 2xx). */
  messagesTo(waId: string): Record<string, unknown>[] {
    return this.delivered
      .filter((request) => request.path.endsWith('/messages'))
      .map((request) => asRecord(request.body))
      .filter((body) => body['to'] === waId);
  }

  /** Resolves once `count` requests in all have been delivered. */
  waitForDelivered(count: number, timeoutMs = 15_000): Promise<void> {
    if (this.delivered.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${this.delivered.length} of ${count} requests delivered in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Drops requests held unanswered (their client died). */
  releaseHeld(): void {
    for (const response of this.held.splice(0)) response.destroy();
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse, raw: string): void {
    let body: unknown = raw;
    try {
      body = raw === '' ? null : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body,
      raw,
      at: performance.now(),
    };
    this.requests.push(recorded);
    this.onRequest(recorded);
    const answer = this.answer(recorded);
    if (answer === 'hold') {
      this.held.push(response);
      return;
    }
    const payload =
      answer.body ??
      (answer.status < 300
        ? {
            messaging_product: 'whatsapp',
            contacts: [{ input: asRecord(body)['to'], wa_id: asRecord(body)['to'] }],
            messages: [{ id: `wamid.fake.${++this.counter}` }],
          }
        : { error: { message: 'fake failure', type: 'OAuthException', code: 131000, fbtrace_id: 'fake' } });
    recorded.answered = payload;
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload), () => {
      if (answer.status >= 200 && answer.status < 300) {
        this.delivered.push(recorded);
        const ready = this.waiters.filter((waiter) => this.delivered.length >= waiter.count);
        this.waiters = this.waiters.filter((waiter) => this.delivered.length < waiter.count);
        for (const waiter of ready) waiter.resolve();
      }
    });
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
