import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Flow } from '../../flows/index.ts';
import type { PersonKeys } from '../crypto/person-keys.ts';
import { respond } from '../http/respond.ts';
import type { Logger } from '../log.ts';
import type { AccessAction, AgentRow, DeskSession } from '../store/desk-store.ts';
import type { HandoffRow, Storage } from '../store/storage.ts';
import { csrfPrefix, supervisorPages } from './access-reasons.ts';
import { conversationRoutes } from './conversations.ts';
import { deskAsset, pageShell } from './page.ts';
import {
  answer,
  clientAddress,
  csrfMatches,
  jsonBody,
  sameOriginJson,
  securityHeaders,
  sessionCookie,
  sessionToken,
  stringField,
} from './requests.ts';
import {
  completeSecondFactor,
  currentSession,
  pendingSecret,
  signInWithPassword,
  type SignInContext,
} from './sign-in.ts';
import { statsRoute } from './stats.ts';
import { supervisorRoutes } from './supervisor.ts';
import { qrSvg, totpSecretText, totpUri } from './totp.ts';

/** What an agent's reply became: its outbox row (for its delivery status) and when it was written. */
interface AgentReply {
  outboxId?: number;
  at: number;
}

export interface DeskOptions {
  flow: Flow;
  store: Storage;
  keys: PersonKeys;
  log: Logger;
  /** The bot's clock (sessions, the 24-hour window, the rate limit); tests shift it. */
  clock: () => number;
  /** The real time, for TOTP codes made by a phone; Date.now unless a test plays the phone. */
  realClock?: () => number;
  exclusive<T>(personId: number, work: () => Promise<T>): Promise<T>;
  release(handoff: HandoffRow): Promise<boolean>;
  /** `key`: the page's key for this reply, kept with it (see ./conversations.ts). */
  reply(handoff: HandoffRow, text: string, key?: string): Promise<AgentReply | false>;
  /** Erases everything held about a number; false when nothing was held. */
  erase(phone: string): Promise<boolean>;
  /** Everything held about a number, opened and labelled (as `export-subject` prints it). */
  exportSubject(phone: string): Promise<unknown>;
}

/** One request to the desk, once its session (if any) is known. */
interface DeskRequest {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  address: string;
  options: DeskOptions;
  /** Appends to the access log (who, what, when, from where). */
  record(action: AccessAction, outcome: 'ok' | 'refused', target?: string): Promise<void>;
}

export interface SignedIn extends DeskRequest {
  session: DeskSession;
  agent: AgentRow;
}

/** Pages of the desk the browser may open; the supervisor's are refused to agents with 403. */
const pages: Record<string, 'any' | 'supervisor'> = {
  '/desk/': 'any',
  ...Object.fromEntries(supervisorPages.map((page) => [page, 'supervisor'])),
};

/**
 * The agent desk at `/desk/`: the page (shipped inside server.js) and its JSON API under
 * `/desk/api/`. Signing in takes a password and a second factor; every change needs the session's
 * anti-CSRF token; every view of a conversation's data, reply, release, erasure and export is
 * written to the append-only access log.
 */
export function deskRoute(options: DeskOptions) {
  const context: SignInContext = { store: options.store.desk, keyring: options.keys.keyring, clock: options.clock };
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (path === '/desk') return respond(response, 308, '', { location: '/desk/', ...securityHeaders });
    const asset = deskAsset(path);
    if (asset) {
      if (method !== 'GET' && method !== 'HEAD') return respond(response, 405, 'method not allowed\n', securityHeaders);
      return respond(response, 200, asset.body, { 'content-type': asset.type, ...securityHeaders });
    }
    const address = clientAddress(request);
    const current = await currentSession(context, sessionToken(request));
    const desk: DeskRequest = {
      request,
      response,
      url,
      address,
      options,
      record: (action, outcome, target) =>
        options.store.desk.appendAccess({
          at: options.clock(),
          ...(current ? { agentId: current.agent.id, agentName: current.agent.name } : { agentName: '' }),
          action,
          ...(target === undefined ? {} : { target }),
          address,
          outcome,
        }),
    };
    if (current) await options.store.desk.touchSession(current.session.tokenHash, options.clock());

    const page = pages[path];
    if (page !== undefined) {
      if (method !== 'GET' && method !== 'HEAD') return respond(response, 405, 'method not allowed\n', securityHeaders);
      const signedIn = current?.session.stage === 'signed-in' ? current : undefined;
      if (page === 'supervisor' && signedIn && signedIn.agent.role !== 'supervisor') {
        await desk.record('forbidden', 'refused', path);
        return respond(response, 403, pageShell(), { 'content-type': 'text/html; charset=utf-8', ...securityHeaders });
      }
      return respond(response, 200, pageShell(), { 'content-type': 'text/html; charset=utf-8', ...securityHeaders });
    }
    if (!path.startsWith('/desk/api/')) return answer(response, 404, { error: 'not-found' });
    const api = path.slice('/desk/api/'.length);

    if (method === 'POST') {
      if (!sameOriginJson(request)) return answer(response, 403, { error: 'csrf' });
      // Signing in is the only change made without a session, hence without an anti-CSRF token.
      if (api === 'sign-in') return signIn(context, desk);
      if (!current) return answer(response, 401, { error: 'signed-out' });
      if (!csrfMatches(request, current.session.csrf)) {
        await desk.record('forbidden', 'refused', `${csrfPrefix}${api}`);
        return answer(response, 403, { error: 'csrf' });
      }
    }
    if (api === 'me' && method === 'GET') return me(response, current);
    if (!current) return answer(response, 401, { error: 'signed-out' });
    const withSession = { ...desk, ...current };
    if (api === 'sign-out' && method === 'POST') {
      await options.store.desk.endSession(current.session.tokenHash);
      await desk.record('sign-out', 'ok');
      return answer(response, 200, { stage: 'signed-out' }, { 'set-cookie': sessionCookie(request, undefined) });
    }
    if (current.session.stage !== 'signed-in') return secondFactorRoutes(context, withSession, api, method);
    if (await conversationRoutes(withSession, api, method)) return;
    if (await supervisorRoutes(withSession, api, method)) return;
    if (await statsRoute(withSession, api, method)) return;
    answer(response, 404, { error: 'not-found' });
  };
}

function me(response: ServerResponse, current: { session: DeskSession; agent: AgentRow } | undefined): void {
  if (!current) return answer(response, 200, { stage: 'signed-out' });
  const { session, agent } = current;
  answer(response, 200, {
    stage: session.stage,
    csrf: session.csrf,
    agent: { name: agent.name, role: agent.role, queues: agent.queues },
  });
}

async function signIn(context: SignInContext, desk: DeskRequest): Promise<void> {
  const { request, response } = desk;
  const body = await jsonBody(request);
  const name = stringField(body, 'name');
  const password = stringField(body, 'password');
  if (name === undefined || password === undefined || name.length > 200 || password.length > 1024)
    return answer(response, 400, { error: 'bad-request' });
  const result = await signInWithPassword(context, name, password, desk.address);
  const agent = result.ok ? result.agent : await context.store.agentByName(name);
  const recordAs = (outcome: 'ok' | 'refused') =>
    context.store.appendAccess({
      at: context.clock(),
      ...(agent ? { agentId: agent.id, agentName: agent.name } : { agentName: '' }),
      action: outcome === 'ok' ? 'sign-in' : 'sign-in-refused',
      ...(result.ok ? {} : { target: result.reason }),
      address: desk.address,
      outcome,
    });
  await recordAs(result.ok ? 'ok' : 'refused');
  if (!result.ok) {
    if (result.reason === 'too-many') return tooMany(response, result.retryAfterSeconds);
    return answer(response, 401, { error: result.reason === 'disabled' ? 'disabled' : 'wrong-sign-in' });
  }
  answer(
    response,
    200,
    { stage: result.session.stage, csrf: result.session.csrf },
    { 'set-cookie': sessionCookie(request, result.token) },
  );
}

/** Between the password and the second factor: enrolment (QR code, secret) and the code itself. */
async function secondFactorRoutes(context: SignInContext, desk: SignedIn, api: string, method: string): Promise<void> {
  const { response, session, agent, options } = desk;
  const secret = session.stage === 'enrol' ? pendingSecret(context.keyring, session) : undefined;
  const issuer = `Amana ${options.flow.name}`;
  if (api === 'enrol' && method === 'GET' && secret)
    return answer(response, 200, { secret: totpSecretText(secret), uri: totpUri(secret, issuer, agent.name) });
  if (api === 'enrol/qr.svg' && method === 'GET' && secret) {
    return respond(response, 200, await qrSvg(totpUri(secret, issuer, agent.name)), {
      'content-type': 'image/svg+xml',
      ...securityHeaders,
    });
  }
  if (api === 'second-factor' && method === 'POST') {
    const code = stringField(await jsonBody(desk.request), 'code');
    if (code === undefined || code.length > 64) return answer(response, 400, { error: 'bad-request' });
    const result = await completeSecondFactor(context, session, agent, code, (options.realClock ?? Date.now)());
    if (!result.ok) {
      await desk.record('second-factor-refused', 'refused', result.reason);
      if (result.reason === 'too-many') return tooMany(response, result.retryAfterSeconds);
      return answer(response, 401, { error: 'wrong-code' });
    }
    await desk.record(
      result.recoveryCodes ? 'enrolled' : result.usedRecoveryCode ? 'recovery-code-used' : 'second-factor',
      'ok',
    );
    const left = result.usedRecoveryCode ? await context.store.recoveryCodesLeft(agent.id) : undefined;
    return answer(
      response,
      200,
      {
        stage: 'signed-in',
        csrf: result.session.csrf,
        ...(result.recoveryCodes ? { recoveryCodes: result.recoveryCodes } : {}),
        ...(left === undefined ? {} : { recoveryCodesLeft: left }),
      },
      { 'set-cookie': sessionCookie(desk.request, result.token) },
    );
  }
  answer(response, 401, { error: 'second-factor-needed', stage: session.stage });
}

/** 429 with how long to wait (RFC 6585 §4, `Retry-After` in seconds); the page says it in words. */
function tooMany(response: ServerResponse, retryAfterSeconds: number): void {
  answer(response, 429, { error: 'too-many', retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
}
