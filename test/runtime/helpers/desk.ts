import { Secret } from 'otpauth';
import { join } from 'node:path';
import { totpCode } from '../../../runtime/desk/totp.ts';
import {
  call,
  deliver,
  eventually,
  exportBot,
  freshKey,
  runBotCommand,
  startBot,
  type BotOptions,
  type HttpResult,
  type RunningBot,
} from './bot.ts';
import { deskFlow } from './desk-flow.ts';
import type { FakeGraph } from './fake-graph.ts';
import { buttonReply, single, text, type MessageBody } from './payloads.ts';

/** The desk shop's bot (./desk-flow.ts), exported as `name` and started against a fake Graph API. */
export async function startDeskBot(
  name: string,
  graph: FakeGraph,
  env: Record<string, string> = {},
): Promise<{ bot: RunningBot; options: BotOptions }> {
  const graphBase = await graph.start();
  const dir = exportBot(deskFlow(), name);
  const options: BotOptions = { dir, graphBase, key: freshKey(), db: join(dir, 'amana.db'), env };
  return { bot: await startBot(options), options };
}

/** `node server.js agent add …`; the one-time password it prints. */
export function addAgent(
  options: BotOptions,
  name: string,
  role: 'agent' | 'supervisor',
  queues: string[] = [],
): string {
  const result = runBotCommand(options, [
    'agent',
    'add',
    '--name',
    name,
    '--role',
    role,
    ...queues.flatMap((queue) => ['--queue', queue]),
  ]);
  const password = /^ {2}(\S{20})$/m.exec(result.stdout)?.[1];
  if (result.code !== 0 || !password)
    throw new Error(`agent add failed (${result.code}): ${result.stdout}${result.stderr}`);
  return password;
}

/**
 * Walks a customer of the desk shop up to the handoff: greeting, consent, e-mail, order number,
 * team. Resolves once the bot said it is passing them on.
 */
export async function customerAsksForPerson(
  bot: RunningBot,
  graph: FakeGraph,
  customer: { phone: string; name: string; email: string; order: string },
  team: 'support' | 'billing',
): Promise<void> {
  const say = async (message: MessageBody, replies: number) => {
    const before = graph.messagesTo(customer.phone).length;
    const answer = await deliver(bot.port, single({ from: customer.phone, name: customer.name, message }));
    if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}`);
    await eventually(() => graph.messagesTo(customer.phone).length >= before + replies, 15_000, `${replies} replies`);
  };
  await say(text('hello'), 2);
  await say(buttonReply('accept', 'Yes'), 1);
  await say(text(customer.email), 1);
  await say(text(customer.order), 1);
  await say(buttonReply(team, team === 'support' ? 'Support' : 'Billing'), 1);
}

/**
 * A browser-less desk user for the API tests: keeps the session cookie and the anti-CSRF token as
 * the page does, and plays the authenticator app with the secret the enrolment shows.
 */
export class DeskClient {
  cookie = '';
  csrf = '';
  secret = '';
  recoveryCodes: string[] = [];

  constructor(readonly port: number) {}

  async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult & { headers?: Record<string, string> }> {
    const answer = await call(this.port, method, path, body === undefined ? undefined : JSON.stringify(body), {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': this.csrf } : {}),
      ...headers,
    });
    return answer;
  }

  json(answer: HttpResult): Record<string, unknown> {
    return JSON.parse(answer.body) as Record<string, unknown>;
  }

  /** Password, then (first time) enrolment with a code from the new secret, else a code from the known one. */
  async signIn(name: string, password: string, factor: { now?: number; recoveryCode?: string } = {}): Promise<void> {
    const first = await rawCall(this.port, 'POST', '/desk/api/sign-in', { name, password });
    if (first.status !== 200) throw new Error(`sign-in answered ${first.status}: ${first.body}`);
    this.take(first);
    if (JSON.parse(first.body).stage === 'enrol') {
      const setup = this.json(await this.request('GET', '/desk/api/enrol'));
      this.secret = String(setup['secret']);
    }
    const code = factor.recoveryCode ?? totpCode(base32Bytes(this.secret), factor.now ?? Date.now());
    const second = await rawCall(this.port, 'POST', '/desk/api/second-factor', { code }, this.cookie, this.csrf);
    if (second.status !== 200) throw new Error(`second factor answered ${second.status}: ${second.body}`);
    this.take(second);
    const codes = JSON.parse(second.body).recoveryCodes;
    if (Array.isArray(codes)) this.recoveryCodes = codes.map(String);
  }

  private take(answer: { body: string; setCookie?: string }): void {
    const parsed = JSON.parse(answer.body) as Record<string, unknown>;
    if (typeof parsed['csrf'] === 'string') this.csrf = parsed['csrf'];
    const cookie = answer.setCookie?.split(';')[0];
    if (cookie) this.cookie = cookie;
  }
}

/** A request that also returns the Set-Cookie header. */
export async function rawCall(
  port: number,
  method: string,
  path: string,
  body: unknown,
  cookie = '',
  csrf = '',
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; setCookie?: string; headers: Headers }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'manual',
  });
  const setCookie = response.headers.get('set-cookie') ?? undefined;
  return {
    status: response.status,
    body: await response.text(),
    headers: response.headers,
    ...(setCookie ? { setCookie } : {}),
  };
}

/** The TOTP secret as the enrolment shows it (base32, RFC 4648) to bytes. */
export function base32Bytes(secret: string): Buffer {
  return Buffer.from(Secret.fromBase32(secret).bytes);
}
